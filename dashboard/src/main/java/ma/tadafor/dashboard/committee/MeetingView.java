package ma.tadafor.dashboard.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ma.tadafor.data.committee.AgendaItem;
import ma.tadafor.data.committee.Attendance;
import ma.tadafor.data.committee.Meeting;
import ma.tadafor.data.committee.MeetingBrief;
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
                          List<BriefLink> briefs, List<RecommendationView> issued) {

    /** A committee brief prepared for the meeting ({@code path}: under /api/v1 for the API, as is for the pages). */
    public record BriefLink(String lang, String semester, Instant generatedAt, String path) {
    }

    static MeetingView of(Meeting meeting, List<Recommendation> recommendations, List<MeetingBrief> briefs, LocalDate today) {
        return new MeetingView(meeting.id(), meeting.provinceCode(), meeting.kind(), meeting.mode(), meeting.plannedOn(),
                meeting.heldOn(), meeting.place(), meeting.agenda(),
                recommendations.stream().filter(r -> r.carriedTo(meeting)).map(r -> RecommendationView.of(r, today)).toList(),
                meeting.attendance(), meeting.women(), meeting.men(), meeting.minutesFr(), meeting.minutesAr(),
                meeting.documents(),
                briefs.stream().filter(b -> b.meetingId() == meeting.id())
                        .map(b -> new BriefLink(b.lang(), b.semester(), b.generatedAt(), "/committees/" + meeting.provinceCode()
                                + "/meetings/" + meeting.id() + "/briefs/" + b.lang())).toList(),
                recommendations.stream().filter(r -> r.meetingId() == meeting.id()).map(r -> RecommendationView.of(r, today)).toList());
    }

    public LocalDate date() {
        return heldOn != null ? heldOn : plannedOn;
    }
}
