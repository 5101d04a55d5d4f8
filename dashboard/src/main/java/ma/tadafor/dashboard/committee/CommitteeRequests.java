package ma.tadafor.dashboard.committee;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import ma.tadafor.data.committee.AgendaItem;
import ma.tadafor.data.committee.Attendance;
import ma.tadafor.data.committee.MeetingDocument;

/**
 * What clients send to change a committee; the same shapes serve the API and the pages' forms.
 * Every list is bounded and holds no null, checked before anything is read from it (a 400 naming
 * the list, or the item: {@code links[0]}); the bounds are many times what a meeting has.
 */
final class CommitteeRequests {

    private static final int MAX_AGENDA_ITEMS = 200;
    private static final int MAX_ATTENDANCE = 200;
    private static final int MAX_DOCUMENTS = 100;
    private static final int MAX_LINKS = 100;
    private static final String AT_MOST = "at most {max} items";
    private static final String NO_NULL = "must be an item, not null";

    private CommitteeRequests() {
    }

    /** {@code email} and {@code lang} ({@code fr} or {@code ar}, French when left out): where and in which language the brief and reminders go. */
    record MemberRequest(String institution, String role, String personName, String contact, String email, String lang) {
    }

    /** A meeting to plan (kind, mode and date required) or, in a PATCH, only the fields that change. */
    record MeetingRequest(String kind, String mode, LocalDate plannedOn, LocalDate heldOn, String place, String minutesFr,
                          String minutesAr,
                          @Size(max = MAX_AGENDA_ITEMS, message = AT_MOST) List<@NotNull(message = NO_NULL) AgendaItem> agenda,
                          @Size(max = MAX_ATTENDANCE, message = AT_MOST) List<@NotNull(message = NO_NULL) Attendance> attendance,
                          @Size(max = MAX_DOCUMENTS, message = AT_MOST) List<@NotNull(message = NO_NULL) MeetingDocument> documents) {
    }

    /** Without a due date, a recommendation is due at the next meeting. */
    record RecommendationRequest(Long meetingId, String textFr, String textAr, String ownerInstitution, LocalDate dueOn,
                                 Boolean dueNextMeeting,
                                 @Size(max = MAX_LINKS, message = AT_MOST) List<@NotNull(message = NO_NULL) LinkRequest> links) {
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
