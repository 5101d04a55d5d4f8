package ma.tadafor.dashboard.home;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.api.ReportingScopes;
import ma.tadafor.dashboard.closure.ClosureReadings;
import ma.tadafor.dashboard.closure.Seal;
import ma.tadafor.dashboard.committee.Committees;
import ma.tadafor.dashboard.committee.MeetingView;
import ma.tadafor.dashboard.committee.RecommendationView;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.indicators.Standings;
import ma.tadafor.dashboard.indicators.Standings.Standing;
import ma.tadafor.dashboard.mail.MailProperties;
import ma.tadafor.dashboard.report.BriefSemesters;
import ma.tadafor.dashboard.period.Semester;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.wording.Numbers;
import ma.tadafor.data.framework.Projection;
import ma.tadafor.data.territory.Territory;

/**
 * What a governor needs to prepare his province's committee, on one screen: the next meeting, the
 * recommendations overdue or falling due within the reminders' window (the same two weeks as the
 * reminders by mail), the indicators at risk and the brief of that meeting. Read through the
 * committee's rules (a governor his own provinces, programme managers and administrators any) and
 * the indicators' standings (the disclosure layer's figures, as on the results page and in the brief).
 */
@Service
class GovernorHome {

    private static final String OFF_TRACK = "OFF_TRACK";

    private final Committees committees;
    private final Standings standings;
    private final BriefSemesters semesters;
    private final ClosureReadings closures;
    private final MailProperties mail;

    GovernorHome(Committees committees, Standings standings, BriefSemesters semesters, ClosureReadings closures,
            MailProperties mail) {
        this.committees = committees;
        this.standings = standings;
        this.semesters = semesters;
        this.closures = closures;
        this.mail = mail;
    }

    /**
     * The home page of one province's committee.
     *
     * @param provinceCode the province, or null for the first the caller's committees cover
     * @param semester     a semester such as {@code 2024S1}, or null for the one the next meeting's brief covers
     */
    @PreAuthorize("hasAnyRole('GOVERNOR', 'PROGRAMME', 'ADMIN')")
    public HomeView of(String provinceCode, String semester, SignedInUser user) {
        List<Territory> provinces = committees.provinces(user);
        // A governor of a province without programme communes yet still has its committee to prepare.
        String code = provinceCode != null ? provinceCode : provinces.isEmpty()
                ? user.scope().provinces().stream().sorted().findFirst().orElseThrow(() -> new InvalidParameterException(
                        "province", "name a province: no province of the programme lies in your scope"))
                : provinces.get(0).code();
        Territory province = committees.province("province", code, user);
        LocalDate today = Committees.today();
        MeetingView next = committees.meetings(province.code(), user).stream()
                .filter(meeting -> meeting.heldOn() == null && !meeting.plannedOn().isBefore(today))
                .min(Comparator.comparing(MeetingView::plannedOn)).orElse(null);
        Semester covered = semester != null ? ReportingScopes.semester("semester", semester)
                : semesters.before(province, next != null ? next.plannedOn() : today);
        LocalDate horizon = today.plus(mail.reminderWindow());
        List<RecommendationView> due = committees.dueBy(province.code(), horizon, user);
        String scope = "province:" + province.code();
        List<Standing> atRisk = standings.of(scope, covered.code(), Audience.of(user)).stream().filter(GovernorHome::atRisk)
                .sorted(Comparator.comparing((Standing s) -> !OFF_TRACK.equals(s.status())).thenComparing(s -> s.figure().code()))
                .toList();
        Seal seal = closures.seal(scope, covered.code()).orElse(null);
        return new HomeView(province, provinces, covered.code(), seal, next,
                committees.members(province.code(), user).size(),
                due.stream().filter(RecommendationView::overdue).toList(),
                due.stream().filter(r -> !r.overdue()).toList(), horizon, atRisk,
                committees.manages(user, province));
    }

    /**
     * At risk: judged by a target (its own or the programme's), off track in the semester or
     * projected to miss its end target at the current pace. {@code AT_RISK} alone, on course to meet
     * the end target, is left to the results page: the list is what the committee must act on.
     */
    private static boolean atRisk(Standing standing) {
        return !standing.noTarget() && (OFF_TRACK.equals(standing.status())
                || Projection.WILL_MISS.equals(standing.projection().status()));
    }

    /**
     * @param provinces  the provinces whose home the caller may open (a choice when there are several)
     * @param members    how many members the committee has: those the meeting's brief goes to
     * @param overdue    open recommendations whose due date has passed
     * @param dueSoon    open recommendations falling due from today to {@code horizon}
     * @param manages    whether the caller changes the committee (plans meetings, follows up)
     */
    record HomeView(Territory province, List<Territory> provinces, String semester, Seal seal, MeetingView nextMeeting,
                    int members, List<RecommendationView> overdue, List<RecommendationView> dueSoon, LocalDate horizon,
                    List<Standing> atRisk, boolean manages) {

        /** The day the due-soon window ends, kept whole in right-to-left text. */
        public String horizonShown() {
            return Numbers.isolated(horizon.toString());
        }

        /** Whether an indicator shown is judged by a target the demo invented: the page says so. */
        public boolean demo() {
            return atRisk.stream().anyMatch(standing -> standing.figure().demo());
        }
    }
}
