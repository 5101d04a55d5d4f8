package ma.tadafor.dashboard.committee;

import java.time.LocalDate;
import java.util.List;

import ma.tadafor.data.committee.AgendaItem;
import ma.tadafor.data.committee.Attendance;
import ma.tadafor.data.committee.Meeting;
import ma.tadafor.data.committee.MeetingDocument;
import ma.tadafor.data.committee.MeetingKind;
import ma.tadafor.data.committee.MeetingMode;
import ma.tadafor.data.committee.Recommendation;

/**
 * A meeting as the API and pages show it: its own agenda followed by the recommendations of
 * earlier meetings still open on its day ({@code carriedForward}), and the recommendations it
 * issued.
 */
public record MeetingView(long id, String provinceCode, MeetingKind kind, MeetingMode mode, LocalDate plannedOn,
                          LocalDate heldOn, String place, List<AgendaItem> agenda,
                          List<RecommendationView> carriedForward, List<Attendance> attendance, int women, int men,
                          String minutesFr, String minutesAr, List<MeetingDocument> documents,
                          List<RecommendationView> issued) {

    static MeetingView of(Meeting meeting, List<Recommendation> recommendations, LocalDate today) {
        return new MeetingView(meeting.id(), meeting.provinceCode(), meeting.kind(), meeting.mode(), meeting.plannedOn(),
                meeting.heldOn(), meeting.place(), meeting.agenda(),
                recommendations.stream().filter(r -> r.carriedTo(meeting)).map(r -> RecommendationView.of(r, today)).toList(),
                meeting.attendance(), meeting.women(), meeting.men(), meeting.minutesFr(), meeting.minutesAr(),
                meeting.documents(),
                recommendations.stream().filter(r -> r.meetingId() == meeting.id()).map(r -> RecommendationView.of(r, today)).toList());
    }

    public LocalDate date() {
        return heldOn != null ? heldOn : plannedOn;
    }
}
