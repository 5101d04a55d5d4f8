package ma.tadafor.data.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A recommendation issued at a meeting, owned by an institution, due on a date or at the next
 * meeting ({@code dueOn} is then that meeting's date, once one is planned), followed up by dated
 * notes until it is closed.
 */
public record Recommendation(long id, String provinceCode, long meetingId, LocalDate issuedOn, String textFr,
                             String textAr, String ownerInstitution, LocalDate dueOn, boolean dueNextMeeting,
                             RecommendationStatus status, LocalDate closedOn, Instant createdAt, Instant updatedAt,
                             List<RecommendationLink> links, List<FollowUpNote> notes) {

    public Recommendation {
        links = List.copyOf(links);
        notes = List.copyOf(notes);
    }

    public boolean overdue(LocalDate today) {
        return status.open() && dueOn != null && dueOn.isBefore(today);
    }

    /** Open and due on {@code horizon} or before (overdue ones included): what reminders and the governor's home list. */
    public boolean dueBy(LocalDate horizon) {
        return status.open() && dueOn != null && !dueOn.isAfter(horizon);
    }

    /**
     * Whether it is reported on at {@code meeting}: issued at an earlier meeting and not closed
     * before that one's day. Worked out rather than copied, so each past agenda stays as it was.
     */
    public boolean carriedTo(Meeting meeting) {
        return meeting.provinceCode().equals(provinceCode) && meeting.id() != meetingId
                && issuedOn.isBefore(meeting.date()) && (closedOn == null || !closedOn.isBefore(meeting.date()));
    }
}
