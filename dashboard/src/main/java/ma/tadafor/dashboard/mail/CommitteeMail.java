package ma.tadafor.dashboard.mail;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.api.OutOfScopeException;
import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.dashboard.committee.Committees;
import ma.tadafor.dashboard.committee.MeetingView;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.committee.MeetingBriefStore.PlannedMeeting;
import ma.tadafor.data.territory.Territory;

/** A meeting's brief mailed on request, by those who keep the committee (its governor, programme managers, administrators). */
@Service
public class CommitteeMail {

    private final Committees committees;
    private final BriefMailing briefs;
    private final AuditLog audit;

    CommitteeMail(Committees committees, BriefMailing briefs, AuditLog audit) {
        this.committees = committees;
        this.briefs = briefs;
        this.audit = audit;
    }

    /** Queues the brief to every recipient who has not had it; answers how many messages. */
    @PreAuthorize("hasAnyRole('GOVERNOR', 'PROGRAMME', 'ADMIN')")
    public int mailBrief(String provinceCode, long meetingId, SignedInUser user) {
        Territory province = committees.province(provinceCode, user);
        if (!committees.manages(user, province)) {
            throw new OutOfScopeException("provinceCode", provinceCode);
        }
        MeetingView meeting = committees.meeting(province.code(), meetingId, user);
        int queued = briefs.queue(new PlannedMeeting(meeting.id(), province.code(), meeting.plannedOn()));
        audit.record("BRIEF_MAILED", "committee:" + province.code() + " meeting:" + meeting.id(), queued + " messages queued");
        return queued;
    }
}
