package ma.tadafor.dashboard.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ma.tadafor.data.committee.FollowUpNote;
import ma.tadafor.data.committee.Recommendation;
import ma.tadafor.data.committee.RecommendationLink;
import ma.tadafor.data.committee.RecommendationStatus;

/** A recommendation as the API and pages show it: with whether it is overdue today. */
public record RecommendationView(long id, String provinceCode, long meetingId, LocalDate issuedOn, String textFr,
                                 String textAr, String ownerInstitution, LocalDate dueOn, boolean dueNextMeeting,
                                 RecommendationStatus status, boolean open, boolean overdue, LocalDate closedOn,
                                 List<RecommendationLink> links, List<FollowUpNote> notes, Instant createdAt,
                                 Instant updatedAt) {

    static RecommendationView of(Recommendation r, LocalDate today) {
        return new RecommendationView(r.id(), r.provinceCode(), r.meetingId(), r.issuedOn(), r.textFr(), r.textAr(),
                r.ownerInstitution(), r.dueOn(), r.dueNextMeeting(), r.status(), r.status().open(), r.overdue(today),
                r.closedOn(), r.links(), r.notes(), r.createdAt(), r.updatedAt());
    }

    public String text(boolean arabic) {
        return arabic && textAr != null || textFr == null ? textAr : textFr;
    }
}
