package ma.tadafor.dashboard.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.dashboard.closure.Closures;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.closure.Closure;
import ma.tadafor.data.closure.ClosureStore;
import ma.tadafor.data.committee.AgendaItem;
import ma.tadafor.data.committee.Attendance;
import ma.tadafor.data.committee.CommitteeStore;
import ma.tadafor.data.committee.Meeting;
import ma.tadafor.data.committee.MeetingKind;
import ma.tadafor.data.committee.MeetingMode;
import ma.tadafor.data.committee.Recommendation;
import ma.tadafor.data.committee.RecommendationLink;
import ma.tadafor.data.committee.RecommendationStatus;
import ma.tadafor.data.ingestion.IngestionRunStore;
import ma.tadafor.data.mart.AnalyticsRunStore;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.user.UserRole;

/**
 * The demo's committees of {@link DemoCommitteeProperties#provinces()} have met each semester up to
 * {@code approvedUntil}: an ordinary meeting some weeks after the semester's end, with attendance,
 * minutes and recommendations, where the governor approved the semester's figures. The closures go
 * through the real closure service (a programme manager proposes, the province's governor approves)
 * once the first pull's refresh has made the marts, so the frozen figures exist; invented like the
 * rest of the demo, under its banner. Idempotent: a committee that has meetings gets none added, a
 * semester already closed is left as it is.
 */
@Component
@Profile("demo")
@Order(20)
class DemoCommittees implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoCommittees.class);
    private static final Duration POLL = Duration.ofSeconds(5);

    private final DemoCommitteeProperties committees;
    private final DemoProperties demo;
    private final CommitteeStore store;
    private final Closures closures;
    private final ClosureStore closureStore;
    private final UserDetailsService users;
    private final AnalyticsRunStore analyticsRuns;
    private final IngestionRunStore ingestionRuns;
    private volatile Thread waiting;

    DemoCommittees(DemoCommitteeProperties committees, DemoProperties demo, CommitteeStore store, Closures closures,
            ClosureStore closureStore, UserDetailsService users, HikariDataSource warehouse, IngestionRunStore ingestionRuns) {
        this.committees = committees;
        this.demo = demo;
        this.store = store;
        this.closures = closures;
        this.closureStore = closureStore;
        this.users = users;
        this.analyticsRuns = new AnalyticsRunStore(warehouse);
        this.ingestionRuns = ingestionRuns;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!committees.enabled()) {
            return;
        }
        Thread thread = new Thread(this::awaitMartsThenMeet, "demo-committees");
        thread.setDaemon(true);
        thread.start();
        waiting = thread;
    }

    @Override
    public void destroy() {
        Thread thread = waiting;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void awaitMartsThenMeet() {
        try {
            while (true) {
                // The marts of the first pull exist, and no pull is writing: approving now freezes real figures.
                if (analyticsRuns.lastCompletedAt().isPresent() && ingestionRuns.unfinished().isEmpty()) {
                    try {
                        meetAll();
                        return;
                    } catch (RuntimeException e) {
                        log.warn("The demo committees will meet again in {} s: {}", POLL.toSeconds(), e.getMessage());
                    }
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every committee's meetings and approvals that are not there yet. */
    void meetAll() {
        committees.provinces().forEach(this::meet);
    }

    private void meet(String province) {
        List<String> semesters = semesters(committees.firstSemester(), committees.approvedUntil());
        if (store.meetings(TerritorialScope.NATIONAL, province).isEmpty()) {
            for (int i = 0; i < semesters.size(); i++) {
                hold(province, semesters.get(i), i + 1 < semesters.size() ? meetingDay(semesters.get(i + 1)) : null);
            }
        }
        SignedInUser proposer = user(UserRole.PROGRAMME, null);
        SignedInUser governor = user(UserRole.GOVERNOR, province);
        for (String semester : semesters) {
            Optional<Closure> current = closureStore.current(province, semester);
            if (current.isPresent() && current.get().status() == Closure.Status.APPROVED) {
                continue;
            }
            long id = current.isPresent() ? current.get().id() : as(proposer, () -> closures.propose(province, semester, proposer)).id();
            as(governor, () -> closures.approve(id, governor));
            log.info("Demo: the committee of {} approved {}", province, semester);
        }
    }

    /** The ordinary meeting about {@code semester}, held, with two recommendations due at the next one. */
    private void hold(String province, String semester, LocalDate next) {
        LocalDate day = meetingDay(semester);
        String half = semester.endsWith("1") ? "premier" : "second";
        String halfAr = semester.endsWith("1") ? "الأول" : "الثاني";
        String year = semester.substring(0, 4);
        long meeting = store.planMeeting(new Meeting(0, province, MeetingKind.ORDINARY, MeetingMode.IN_PERSON, day, day,
                "Siège de la province", "Réunion ordinaire sur le " + half + " semestre " + year + " : le comité a examiné la "
                        + "participation citoyenne et les indicateurs de résultats, puis approuvé les chiffres du semestre. "
                        + "(Démonstration : compte rendu inventé.)",
                "اجتماع عادي حول الأسدس " + halfAr + " " + year + ": درست اللجنة المشاركة المواطنة ومؤشرات النتائج وصادقت على "
                        + "أرقام الأسدس. (عرض توضيحي: محضر مختلق.)",
                List.of(new AgendaItem("Participation citoyenne du semestre", "المشاركة المواطنة خلال الأسدس"),
                        new AgendaItem("Indicateurs de résultats et approbation des chiffres", "مؤشرات النتائج والمصادقة على الأرقام")),
                List.of(new Attendance("Province", 2, 3), new Attendance("Communes du programme", 4, 6),
                        new Attendance("Enabel", 1, 1)),
                List.of()));
        for (String[] text : List.of(
                new String[] {"Relancer les communes dont le portail publie en retard.", "حث الجماعات التي تتأخر بواباتها في النشر."},
                new String[] {"Tenir une rencontre citoyenne avec les jeunes dans chaque commune.", "تنظيم لقاء مواطن مع الشباب في كل جماعة."})) {
            store.addRecommendation(new Recommendation(0, province, meeting, day, text[0], text[1], "Province", next, true,
                    next == null ? RecommendationStatus.ACCEPTED : RecommendationStatus.IN_PROGRESS, null, null, null,
                    List.<RecommendationLink>of(), List.of()));
        }
    }

    /** Some weeks after the semester's end: the committee meets on its figures. */
    private static LocalDate meetingDay(String semester) {
        int year = Integer.parseInt(semester.substring(0, 4));
        return semester.endsWith("1") ? LocalDate.of(year, 7, 22) : LocalDate.of(year + 1, 1, 22);
    }

    private static List<String> semesters(String first, String last) {
        List<String> semesters = new ArrayList<>();
        for (String s = first; s.compareTo(last) <= 0;
                s = s.endsWith("1") ? s.substring(0, 4) + "S2" : (Integer.parseInt(s.substring(0, 4)) + 1) + "S1") {
            semesters.add(s);
        }
        return semesters;
    }

    /** The demo user of that role (and province, for a governor). */
    private SignedInUser user(UserRole role, String province) {
        String username = demo.users().stream().filter(u -> u.role() == role)
                .filter(u -> province == null || u.provinces().contains(province)).map(DemoProperties.DemoUser::username)
                .findFirst().orElseThrow(() -> new IllegalStateException("no demo " + role + " for " + province));
        return (SignedInUser) users.loadUserByUsername(username);
    }

    /** Acts as {@code user}, so that the audit log names who proposed and who approved. */
    private static <T> T as(SignedInUser user, Supplier<T> act) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return act.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
