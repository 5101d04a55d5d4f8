package ma.tadafor.data.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.TestWarehouse;
import ma.tadafor.data.territory.TerritorialScope;

class CommitteeStoreTest {

    private static final String BENI_MELLAL = "05.091";
    private static final TerritorialScope GOVERNOR = TerritorialScope.of(Set.of(), Set.of(BENI_MELLAL), Set.of());
    private static final TerritorialScope AZILAL = TerritorialScope.of(Set.of(), Set.of("05.081"), Set.of());
    private static final TerritorialScope REGION = TerritorialScope.of(Set.of("05"), Set.of(), Set.of());
    private static final TerritorialScope KASBA_TADLA = TerritorialScope.of(Set.of(), Set.of(), Set.of("05.091.01.07"));

    @TempDir
    static Path folder;

    static HikariDataSource warehouse;
    static CommitteeStore committees;

    @BeforeAll
    static void load() {
        warehouse = TestWarehouse.withReferenceData(folder);
        committees = new CommitteeStore(warehouse);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void readsOnlyThroughAScopeThatCoversTheWholeProvince() {
        committees.addMember(new CommitteeMember(0, BENI_MELLAL, "Province de Béni Mellal", CommitteeRole.CHAIR,
                "Le gouverneur", "cabinet@example.ma", "gouverneur@example.ma", "ar"));

        assertThat(committees.members(GOVERNOR, BENI_MELLAL)).singleElement().satisfies(member -> {
            assertThat(member.contact()).isEqualTo("cabinet@example.ma");
            assertThat(member.email()).isEqualTo("gouverneur@example.ma");
            assertThat(member.lang()).isEqualTo("ar");
        });
        assertThat(committees.members(REGION, BENI_MELLAL)).hasSize(1);
        assertThat(committees.members(TerritorialScope.NATIONAL, BENI_MELLAL)).hasSize(1);
        assertThat(committees.members(AZILAL, BENI_MELLAL)).isEmpty();
        assertThat(committees.members(KASBA_TADLA, BENI_MELLAL)).isEmpty();
    }

    @Test
    void aRecommendationIsCarriedToLaterMeetingsUntilClosedAndDueAtTheNextOne() {
        String province = "05.255";
        TerritorialScope scope = TerritorialScope.NATIONAL;
        long first = committees.planMeeting(meeting(0, province, LocalDate.of(2024, 2, 13),
                List.of(new AgendaItem("Bilan", "حصيلة"))));
        long rec = committees.addRecommendation(new Recommendation(0, province, first, null, "Activer l'IEECAG", null,
                "Commune de Kasba Tadla", null, true, RecommendationStatus.PROPOSED, null, null, null,
                List.of(new RecommendationLink(RecommendationLink.Kind.INDICATOR, "R2.6")), List.of()));

        Recommendation proposed = committees.recommendation(scope, province, rec).orElseThrow();
        assertThat(proposed.dueOn()).as("no next meeting planned yet").isNull();
        assertThat(proposed.issuedOn()).isEqualTo(LocalDate.of(2024, 2, 13));
        assertThat(proposed.links()).containsExactly(new RecommendationLink(RecommendationLink.Kind.INDICATOR, "R2.6"));

        long second = committees.planMeeting(meeting(0, province, LocalDate.of(2024, 7, 10), List.of()));
        Meeting next = committees.meeting(scope, province, second).orElseThrow();
        Recommendation planned = committees.recommendation(scope, province, rec).orElseThrow();
        assertThat(planned.dueOn()).isEqualTo(LocalDate.of(2024, 7, 10));
        assertThat(planned.carriedTo(next)).isTrue();
        assertThat(planned.overdue(LocalDate.of(2024, 7, 10))).isFalse();
        assertThat(planned.overdue(LocalDate.of(2024, 7, 11))).isTrue();

        committees.followUp(closed(planned, LocalDate.of(2024, 9, 1)), new FollowUpNote(0, LocalDate.of(2024, 9, 1),
                "Instance installée", "PV du conseil n° 12", RecommendationStatus.DONE, "gov", null));
        long third = committees.planMeeting(meeting(0, province, LocalDate.of(2025, 1, 20), List.of()));

        Recommendation done = committees.recommendation(scope, province, rec).orElseThrow();
        assertThat(done.status()).isEqualTo(RecommendationStatus.DONE);
        assertThat(done.overdue(LocalDate.of(2025, 1, 1))).isFalse();
        assertThat(done.notes()).singleElement().satisfies(note -> {
            assertThat(note.evidence()).isEqualTo("PV du conseil n° 12");
            assertThat(note.status()).isEqualTo(RecommendationStatus.DONE);
            assertThat(note.recordedAt()).isNotNull();
        });
        assertThat(done.carriedTo(committees.meeting(scope, province, second).orElseThrow()))
                .as("still on the agenda of the meeting held before it was closed").isTrue();
        assertThat(done.carriedTo(committees.meeting(scope, province, third).orElseThrow())).isFalse();
        assertThat(done.carriedTo(committees.meeting(scope, province, first).orElseThrow())).isFalse();
    }

    @Test
    void savingAMeetingReplacesItsAttendanceAgendaAndDocuments() {
        String province = "05.301";
        long id = committees.planMeeting(meeting(0, province, LocalDate.of(2024, 3, 1),
                List.of(new AgendaItem("Point 1", null), new AgendaItem(null, "نقطة 2"))));
        Meeting planned = committees.meeting(TerritorialScope.NATIONAL, province, id).orElseThrow();
        assertThat(planned.agenda()).extracting(AgendaItem::textAr).containsExactly(null, "نقطة 2");

        committees.saveMeeting(new Meeting(id, province, MeetingKind.EXTRAORDINARY, MeetingMode.REMOTE, planned.plannedOn(),
                LocalDate.of(2024, 3, 2), "Visioconférence", "Procès-verbal", "محضر", List.of(new AgendaItem("Seul point", null)),
                List.of(new Attendance("Enabel", 2, 1), new Attendance("DAS", 0, 3)),
                List.of(new MeetingDocument("Présentation", "https://example.ma/p.pdf"))));

        Meeting held = committees.meeting(TerritorialScope.NATIONAL, province, id).orElseThrow();
        assertThat(held.held()).isTrue();
        assertThat(held.women()).isEqualTo(2);
        assertThat(held.men()).isEqualTo(4);
        assertThat(held.agenda()).containsExactly(new AgendaItem("Seul point", null));
        assertThat(held.documents()).hasSize(1);
        assertThat(held.minutesAr()).isEqualTo("محضر");
        assertThat(held.kind()).isEqualTo(MeetingKind.EXTRAORDINARY);
    }

    private static Meeting meeting(long id, String province, LocalDate on, List<AgendaItem> agenda) {
        return new Meeting(id, province, MeetingKind.ORDINARY, MeetingMode.IN_PERSON, on, null, "Béni Mellal", null, null,
                agenda, List.of(), List.of());
    }

    private static Recommendation closed(Recommendation r, LocalDate on) {
        return new Recommendation(r.id(), r.provinceCode(), r.meetingId(), r.issuedOn(), r.textFr(), r.textAr(),
                r.ownerInstitution(), r.dueOn(), r.dueNextMeeting(), RecommendationStatus.DONE, on, r.createdAt(),
                r.updatedAt(), r.links(), r.notes());
    }
}
