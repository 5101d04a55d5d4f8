package ma.tadafor.dashboard.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ma.tadafor.dashboard.period.Semester;
import ma.tadafor.data.committee.MeetingBrief;
import ma.tadafor.data.committee.MeetingBriefStore;
import ma.tadafor.data.committee.MeetingBriefStore.PlannedMeeting;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * Prepares the French and Arabic briefs of every meeting planned within the lead time (two weeks
 * by default) and attaches them to it. A brief covers the latest semester with participation ended
 * before the meeting ({@link BriefSemesters}).
 * What is attached stays in the warehouse, so each meeting gets its briefs once, across restarts;
 * a print that fails (Chromium missing or failing) is tried again at the next check.
 */
public final class MeetingBriefJob {

    private static final Logger log = LoggerFactory.getLogger(MeetingBriefJob.class);

    private final MeetingBriefStore store;
    private final CommitteeBriefs briefs;
    private final TerritoryQueries territories;
    private final BriefSemesters semesters;
    private final ReportProperties properties;
    private final Clock clock;

    MeetingBriefJob(MeetingBriefStore store, CommitteeBriefs briefs, TerritoryQueries territories,
            BriefSemesters semesters, ReportProperties properties, Clock clock) {
        this.store = store;
        this.briefs = briefs;
        this.territories = territories;
        this.semesters = semesters;
        this.properties = properties;
        this.clock = clock;
    }

    /** Attaches the briefs due today that are missing; answers how many it attached. */
    int prepareDue() {
        LocalDate today = LocalDate.now(clock);
        int attached = 0;
        for (PlannedMeeting meeting : store.lackingBriefs(today, today.plus(properties.leadTime()))) {
            attached += attachMissing(meeting, today);
        }
        return attached;
    }

    /**
     * The meeting's briefs by language, printed and attached first where missing; a language whose
     * print fails (Chromium missing or failing) is left out, to be tried again.
     */
    public Map<String, byte[]> briefs(PlannedMeeting meeting) {
        attachMissing(meeting, LocalDate.now(clock));
        Map<String, byte[]> pdfs = new TreeMap<>();
        for (String lang : CommitteeBriefController.LANGUAGES) {
            store.pdf(meeting.id(), lang).ifPresent(pdf -> pdfs.put(lang, pdf));
        }
        return pdfs;
    }

    /** The semester the meeting's brief covers. */
    public Semester semesterOf(PlannedMeeting meeting) {
        return semesters.before(province(meeting), meeting.plannedOn());
    }

    private Territory province(PlannedMeeting meeting) {
        return territories.find(Territory.Level.PROVINCE, meeting.provinceCode()).orElseThrow();
    }

    private int attachMissing(PlannedMeeting meeting, LocalDate today) {
        Territory province = province(meeting);
        // The job reads for the province's committee, as its chair would.
        TerritorialScope scope = TerritorialScope.of(Set.of(), Set.of(province.code()), Set.of());
        Semester semester = semesterOf(meeting);
        Set<String> done = store.briefs(province.code()).stream().filter(b -> b.meetingId() == meeting.id())
                .map(MeetingBrief::lang).collect(Collectors.toSet());
        int attached = 0;
        for (String lang : CommitteeBriefController.LANGUAGES) {
            if (done.contains(lang)) {
                continue;
            }
            try {
                byte[] pdf = briefs.pdf(province, semester, Locale.forLanguageTag(lang), scope, today);
                if (store.attach(new MeetingBrief(meeting.id(), lang, semester.code(), clock.instant()), pdf)) {
                    attached++;
                    log.info("Attached the {} brief of {} ({}) to meeting {} planned on {}", lang, province.code(),
                            semester.code(), meeting.id(), meeting.plannedOn());
                }
            } catch (BriefUnavailableException e) {
                log.warn("The {} brief of meeting {} could not be printed, tried again at the next check: {}", lang,
                        meeting.id(), e.getMessage());
            }
        }
        return attached;
    }
}
