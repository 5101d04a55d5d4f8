package ma.tadafor.data.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.TestWarehouse;
import ma.tadafor.data.committee.MeetingBriefStore.PlannedMeeting;

class MeetingBriefStoreTest {

    @TempDir
    static Path folder;

    static HikariDataSource warehouse;
    static CommitteeStore committees;
    static MeetingBriefStore briefs;

    @BeforeAll
    static void load() {
        warehouse = TestWarehouse.withReferenceData(folder);
        committees = new CommitteeStore(warehouse);
        briefs = new MeetingBriefStore(warehouse);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void aPlannedMeetingLacksItsBriefsUntilBothLanguagesAreKeptAndAKeptOneIsNeverReplaced() {
        long planned = committees.planMeeting(meeting("05.091", LocalDate.of(2025, 1, 20), null));
        long held = committees.planMeeting(meeting("05.091", LocalDate.of(2025, 1, 18), LocalDate.of(2025, 1, 18)));
        long later = committees.planMeeting(meeting("05.081", LocalDate.of(2025, 2, 10), null));
        LocalDate from = LocalDate.of(2025, 1, 6);
        LocalDate to = from.plusDays(14);

        assertThat(briefs.lackingBriefs(from, to)).containsExactly(new PlannedMeeting(planned, "05.091", LocalDate.of(2025, 1, 20)))
                .noneMatch(m -> m.id() == held || m.id() == later);

        byte[] first = "%PDF-1.4 first".getBytes(StandardCharsets.US_ASCII);
        assertThat(briefs.attach(new MeetingBrief(planned, "fr", "2024S2", Instant.parse("2025-01-06T08:00:00Z")), first)).isTrue();
        assertThat(briefs.lackingBriefs(from, to)).extracting(PlannedMeeting::id).containsExactly(planned);
        assertThat(briefs.attach(new MeetingBrief(planned, "ar", "2024S2", Instant.parse("2025-01-06T08:00:05Z")),
                "%PDF-1.4 ar".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(briefs.lackingBriefs(from, to)).isEmpty();

        assertThat(briefs.attach(new MeetingBrief(planned, "fr", "2024S2", Instant.parse("2025-01-07T08:00:00Z")),
                "%PDF-1.4 second".getBytes(StandardCharsets.US_ASCII))).as("kept once").isFalse();
        assertThat(briefs.pdf(planned, "fr")).hasValue(first);
        assertThat(briefs.pdf(planned, "xx")).isEmpty();
        assertThat(briefs.briefs("05.091")).containsExactly(
                new MeetingBrief(planned, "ar", "2024S2", Instant.parse("2025-01-06T08:00:05Z")),
                new MeetingBrief(planned, "fr", "2024S2", Instant.parse("2025-01-06T08:00:00Z")));
        assertThat(briefs.briefs("05.081")).isEmpty();
    }

    private static Meeting meeting(String province, LocalDate plannedOn, LocalDate heldOn) {
        return new Meeting(0, province, MeetingKind.ORDINARY, MeetingMode.IN_PERSON, plannedOn, heldOn, null, null, null,
                List.of(), List.of(), List.of());
    }
}
