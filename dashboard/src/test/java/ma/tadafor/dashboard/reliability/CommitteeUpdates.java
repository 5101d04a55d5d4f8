package ma.tadafor.dashboard.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import ma.tadafor.data.committee.AgendaItem;
import ma.tadafor.data.committee.Attendance;
import ma.tadafor.data.committee.CommitteeStore;
import ma.tadafor.data.committee.FollowUpNote;
import ma.tadafor.data.committee.Meeting;
import ma.tadafor.data.committee.MeetingDocument;
import ma.tadafor.data.committee.MeetingKind;
import ma.tadafor.data.committee.MeetingMode;
import ma.tadafor.data.committee.Recommendation;
import ma.tadafor.data.committee.RecommendationLink;
import ma.tadafor.data.committee.RecommendationStatus;

/**
 * A committee secretariat's session, through {@link CommitteeStore}: for each of {@link #MEETINGS}
 * meetings, plan it (agenda, expected attendance, a document), record a recommendation, accept it
 * with a follow-up note, then save the meeting as held (agenda and attendance replaced). Each step
 * is one request of the API, one transaction. Like a user after a crash, it looks at what is there
 * before redoing a step, by the step's own mark (a place, a text), never by a counter of its own.
 */
final class CommitteeUpdates {

    /** What the session writes, as checksummed: times of writing differ between runs by nature. */
    static final Map<String, String> TABLES = tables();

    static final int MEETINGS = 10;
    static final int STEPS = MEETINGS * 4;
    static final String PROVINCE = "05.091";

    private final DataSource warehouse;
    private final CommitteeStore committees;

    CommitteeUpdates(DataSource warehouse) {
        this.warehouse = warehouse;
        this.committees = new CommitteeStore(warehouse);
    }

    /** Applies every step not applied yet, in order, telling {@code applied} each one once it is committed. */
    void applyAll(IntConsumer applied) {
        for (int step = 0; step < STEPS; step++) {
            if (!isApplied(step)) {
                apply(step);
                applied.accept(step);
            }
        }
    }

    boolean isApplied(int step) {
        int meeting = step / 4;
        return switch (step % 4) {
            case 0 -> id("SELECT id FROM meeting WHERE place = ?", "crash-" + meeting).isPresent();
            case 1 -> id("SELECT id FROM recommendation WHERE text_fr = ?", "crash-rec-" + meeting).isPresent();
            case 2 -> id("SELECT id FROM recommendation_note WHERE text = ?", "crash-note-" + meeting).isPresent();
            default -> id("SELECT id FROM meeting WHERE minutes_fr = ?", "crash-minutes-" + meeting).isPresent();
        };
    }

    private void apply(int step) {
        int n = step / 4;
        LocalDate day = LocalDate.of(2025, 1, 6).plusWeeks(n);
        switch (step % 4) {
            case 0 -> committees.planMeeting(meeting(0, n, day, null, null, 3, 2));
            case 1 -> committees.addRecommendation(new Recommendation(0, PROVINCE, meetingId(n), day, "crash-rec-" + n,
                    "توصية " + n, "Division des affaires rurales", day.plusMonths(2), false, RecommendationStatus.PROPOSED,
                    null, null, null, List.of(new RecommendationLink(RecommendationLink.Kind.COMMUNE, "05.091.01.07")),
                    List.of()));
            case 2 -> {
                long id = id("SELECT id FROM recommendation WHERE text_fr = ?", "crash-rec-" + n).orElseThrow();
                committees.followUp(new Recommendation(id, PROVINCE, meetingId(n), day, "crash-rec-" + n, "توصية " + n,
                        "Division des affaires rurales", day.plusMonths(2), false, RecommendationStatus.ACCEPTED, null, null,
                        null, List.of(), List.of()), new FollowUpNote(0, day.plusDays(1), "crash-note-" + n, null,
                        RecommendationStatus.ACCEPTED, "secretariat", null));
            }
            default -> committees.saveMeeting(meeting(meetingId(n), n, day, day, "crash-minutes-" + n, 4, 3));
        }
    }

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("meeting", "SELECT * FROM meeting");
        tables.put("meeting_agenda_item", "SELECT * FROM meeting_agenda_item");
        tables.put("meeting_attendance", "SELECT * FROM meeting_attendance");
        tables.put("meeting_document", "SELECT * FROM meeting_document");
        tables.put("recommendation", "SELECT * EXCLUDE (created_at, updated_at) FROM recommendation");
        tables.put("recommendation_link", "SELECT * FROM recommendation_link");
        tables.put("recommendation_note", "SELECT * EXCLUDE (recorded_at) FROM recommendation_note");
        return tables;
    }

    private static Meeting meeting(long id, int n, LocalDate planned, LocalDate held, String minutes, int agendaItems,
            int institutions) {
        return new Meeting(id, PROVINCE, MeetingKind.ORDINARY, MeetingMode.IN_PERSON, planned, held, "crash-" + n, minutes,
                null,
                IntStream.range(0, agendaItems).mapToObj(i -> new AgendaItem("point " + i, "نقطة " + i)).toList(),
                IntStream.range(0, institutions).mapToObj(i -> new Attendance("institution " + i, i + 1, i + 2)).toList(),
                List.of(new MeetingDocument("ordre du jour " + n, "https://example.org/odj-" + n + ".pdf")));
    }

    private long meetingId(int n) {
        return id("SELECT id FROM meeting WHERE place = ?", "crash-" + n).orElseThrow();
    }

    private OptionalLong id(String sql, String mark) {
        try (Connection connection = warehouse.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, mark);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
