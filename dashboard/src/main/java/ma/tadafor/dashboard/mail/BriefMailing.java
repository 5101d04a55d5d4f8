package ma.tadafor.dashboard.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ma.tadafor.dashboard.report.MeetingBriefJob;
import ma.tadafor.dashboard.report.ReportProperties;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.committee.MeetingBriefStore.PlannedMeeting;
import ma.tadafor.data.committee.MeetingBriefStore;
import ma.tadafor.data.mail.Attachment;
import ma.tadafor.data.mail.MailKind;
import ma.tadafor.data.mail.OutboxStore;
import ma.tadafor.data.mail.OutgoingMail;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The brief of a coming meeting mailed to its committee: each recipient gets the PDF in their
 * language, the one attached to the meeting (printed now if it is not yet). The brief is the
 * committee's document, whose figures are the protected ones whoever reads it (docs/PRIVACY.md).
 * Queued once per meeting and address: the daily check and a request from the committee page
 * after it send nothing twice, and an address added later gets it at the next check.
 */
final class BriefMailing {

    static final String PDF = "application/pdf";

    private final MeetingBriefStore meetings;
    private final MeetingBriefJob briefs;
    private final TerritoryQueries territories;
    private final Recipients recipients;
    private final OutboxStore outbox;
    private final Wording wording;
    private final MailProperties properties;
    private final ReportProperties reports;
    private final Clock clock;

    BriefMailing(MeetingBriefStore meetings, MeetingBriefJob briefs, TerritoryQueries territories, Recipients recipients,
                 OutboxStore outbox, Wording wording, MailProperties properties, ReportProperties reports, Clock clock) {
        this.meetings = meetings;
        this.briefs = briefs;
        this.territories = territories;
        this.recipients = recipients;
        this.outbox = outbox;
        this.wording = wording;
        this.properties = properties;
        this.reports = reports;
        this.clock = clock;
    }

    /** Queues the briefs of the meetings planned within the lead time (two weeks); answers how many messages. */
    int queueDue() {
        LocalDate today = LocalDate.now(clock);
        int queued = 0;
        for (PlannedMeeting meeting : meetings.planned(today, today.plus(reports.leadTime()))) {
            queued += queue(meeting);
        }
        return queued;
    }

    /** Queues the meeting's brief to each of its recipients who has not had it; answers how many messages. */
    int queue(PlannedMeeting meeting) {
        Territory province = territories.find(Territory.Level.PROVINCE, meeting.provinceCode()).orElseThrow();
        List<Recipient> to = recipients.ofBriefs(province);
        if (to.isEmpty()) {
            return 0;
        }
        Map<String, byte[]> pdfs = briefs.briefs(meeting);
        String semester = briefs.semesterOf(meeting).code();
        String link = properties.link("/committees/" + province.code() + "/meetings/" + meeting.id());
        int queued = 0;
        for (Recipient recipient : to) {
            byte[] pdf = pdfs.get(recipient.lang());
            if (pdf == null) {
                continue; // not printed (Chromium failing): queued at the next check
            }
            String lang = recipient.lang();
            String name = Wording.name(province.nameFr(), province.nameAr(), Wording.of(lang));
            String day = meeting.plannedOn().toString();
            OutgoingMail mail = new OutgoingMail("BRIEF meeting:" + meeting.id() + " to:" + recipient.email().toLowerCase(Locale.ROOT),
                    MailKind.BRIEF, recipient.email(), lang, wording.text("mail.brief.subject", Wording.of(lang), name, day),
                    wording.text("mail.brief.body", Wording.of(lang), name, day, wording.semester(semester, Wording.of(lang))) + footer(lang, link),
                    List.of(new Attachment("note-comite-" + province.code() + "-" + semester + "-" + lang + ".pdf", PDF, pdf)));
            if (outbox.queue(mail, clock.instant())) {
                queued++;
            }
        }
        return queued;
    }

    private String footer(String lang, String link) {
        return (link.isEmpty() ? "" : "\n\n" + link) + "\n\n" + wording.text("mail.footer", Wording.of(lang));
    }
}
