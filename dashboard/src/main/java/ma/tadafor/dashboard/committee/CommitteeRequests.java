package ma.tadafor.dashboard.committee;

import java.time.LocalDate;
import java.util.List;

import ma.tadafor.data.committee.AgendaItem;
import ma.tadafor.data.committee.Attendance;
import ma.tadafor.data.committee.MeetingDocument;

/** What clients send to change a committee; the same shapes serve the API and the pages' forms. */
final class CommitteeRequests {

    private CommitteeRequests() {
    }

    record MemberRequest(String institution, String role, String personName, String contact) {
    }

    /** A meeting to plan (kind, mode and date required) or, in a PATCH, only the fields that change. */
    record MeetingRequest(String kind, String mode, LocalDate plannedOn, LocalDate heldOn, String place, String minutesFr,
                          String minutesAr, List<AgendaItem> agenda, List<Attendance> attendance,
                          List<MeetingDocument> documents) {
    }

    /** Without a due date, a recommendation is due at the next meeting. */
    record RecommendationRequest(Long meetingId, String textFr, String textAr, String ownerInstitution, LocalDate dueOn,
                                 Boolean dueNextMeeting, List<LinkRequest> links) {
    }

    /** {@code kind}: COMMUNE, INDICATOR or INDH_PROJECT; {@code ref}: its code. */
    record LinkRequest(String kind, String ref) {
    }

    record NoteRequest(LocalDate notedOn, String text, String evidence) {
    }

    /** The fields that change, and the follow-up note that reports it; a status change is always noted. */
    record FollowUpRequest(String status, String ownerInstitution, LocalDate dueOn, Boolean dueNextMeeting,
                           String textFr, String textAr, NoteRequest note) {
    }
}
