package ma.tadafor.dashboard.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.dashboard.committee.Committees;
import ma.tadafor.dashboard.security.BrowserSession;
import ma.tadafor.dashboard.wording.Wording;

/**
 * The governor's home page over the demo's warehouse: where signing in lands, what it lists
 * (checked against the committee and indicators APIs), its brief in one click, and who may open
 * which province.
 */
class HomePageTest extends DemoApplicationTest {

    private static final String COMMITTEE = "/api/v1/committees/05.091";
    private static final Pattern INDICATOR = Pattern.compile("data-indicator=\"([^\"]+)\"");
    private static final Pattern BRIEF = Pattern.compile("class=\"brief-link button\" href=\"([^\"]+)\"");

    @Autowired
    private Wording wording;

    @BeforeEach
    void marts() {
        awaitMarts();
    }

    @Test
    void aGovernorLandsOnHisHomeAndEveryOtherRoleWhereItDid() throws Exception {
        assertThat(landing(new BrowserSession(port), "gov-beni-mellal")).endsWith("/home");
        assertThat(landing(new BrowserSession(port), "enabel")).endsWith("/").doesNotContain("/home");
        assertThat(landing(new BrowserSession(port), "admin")).endsWith("/");

        BrowserSession typedTheAddress = new BrowserSession(port);
        typedTheAddress.get("/");
        assertThat(landing(typedTheAddress, "gov-beni-mellal")).as("the site's root is no page in particular").endsWith("/home");

        BrowserSession followedALink = new BrowserSession(port);
        followedALink.get("/results?scope=province:05.091");
        assertThat(landing(followedALink, "gov-beni-mellal")).as("a page asked for opens")
                .contains("/results?scope=province:05.091");
    }

    @Test
    void theHomeListsTheNextMeetingTheRecommendationsDueAndTheIndicatorsAtRisk() throws Exception {
        LocalDate today = Committees.today();
        Number held = (Number) object(send("POST", COMMITTEE + "/meetings", "gov-beni-mellal", """
                {"kind": "ORDINARY", "mode": "IN_PERSON", "plannedOn": "%s", "heldOn": "%s", "place": "Béni Mellal"}"""
                .formatted(today.minusDays(60), today.minusDays(60)))).get("id");
        recommend(held, "Recommandation échue de l'accueil", today.minusDays(3));
        recommend(held, "Recommandation proche de l'accueil", today.plusDays(5));
        recommend(held, "Recommandation lointaine de l'accueil", today.plusDays(40));
        send("POST", COMMITTEE + "/meetings", "gov-beni-mellal", """
                {"kind": "ORDINARY", "mode": "REMOTE", "plannedOn": "%s", "agenda": [{"textFr": "Point de l'accueil"}]}"""
                .formatted(today.plusDays(25)));
        send("POST", COMMITTEE + "/members", "gov-beni-mellal", """
                {"institution": "Division des collectivités locales", "role": "PROVINCIAL_DIVISION", "email": "dcl@example.ma", "lang": "ar"}""");

        BrowserSession governor = new BrowserSession(port);
        governor.signIn("gov-beni-mellal", PASSWORD);
        String page = plain(governor.get("/home?lang=fr").body());

        Map<String, Object> next = items(get(COMMITTEE + "/meetings", "gov-beni-mellal")).stream()
                .filter(m -> m.get("heldOn") == null && !LocalDate.parse((String) m.get("plannedOn")).isBefore(today))
                .min((a, b) -> ((String) a.get("plannedOn")).compareTo((String) b.get("plannedOn"))).orElseThrow();
        int members = items(get(COMMITTEE + "/members", "gov-beni-mellal")).size();
        assertThat(page).contains("Préparer le comité de Béni Mellal", (String) next.get("plannedOn"),
                "href=\"/committees/05.091/meetings/" + next.get("id") + "\"", members + " membre(s) du comité");

        String overdue = section(page, "overdue", "due-soon");
        String dueSoon = section(page, "due-soon", "at-risk");
        assertThat(overdue).contains("Recommandation échue de l&#39;accueil", "En retard")
                .doesNotContain("Recommandation proche", "Recommandation lointaine");
        assertThat(dueSoon).contains("Recommandation proche de l&#39;accueil", today.plusDays(14).toString())
                .doesNotContain("Recommandation échue", "Recommandation lointaine");

        String semester = expectedSemester(LocalDate.parse((String) next.get("plannedOn")));
        Matcher brief = BRIEF.matcher(page);
        assertThat(brief.find()).isTrue();
        assertThat(brief.group(1).replace("&amp;", "&")).isEqualTo("/committees/brief?province=05.091&semester=" + semester + "&lang=fr");
        assertThat(page).contains("Chiffres du " + wording.semester(semester, Locale.FRENCH) + ",");

        Set<String> shown = new TreeSet<>();
        Matcher indicator = INDICATOR.matcher(section(page, "at-risk", "</main>"));
        while (indicator.find()) {
            shown.add(indicator.group(1));
        }
        assertThat(shown).as("the indicators at risk in " + semester).isNotEmpty().isEqualTo(atRisk(semester));

        HttpResponse<String> pdf = governor.get(brief.group(1).replace("&amp;", "&"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");

        String arabic = plain(governor.get("/home?lang=ar").body());
        assertThat(arabic).contains("dir=\"rtl\"", "التحضير للجنة بني ملال", "lang=ar\"")
                .doesNotContainPattern("[\\u0660-\\u0669]");
    }

    @Test
    void aGovernorOpensHisOwnProvinceProgrammeManagersAnyOthersNone() throws Exception {
        BrowserSession governor = new BrowserSession(port);
        governor.signIn("gov-beni-mellal", PASSWORD);
        assertThat(governor.get("/home").statusCode()).isEqualTo(200);
        assertThat(governor.get("/home?province=05.091").statusCode()).isEqualTo(200);
        assertThat(governor.get("/home?province=05.081").statusCode()).isEqualTo(403);

        BrowserSession manager = new BrowserSession(port);
        manager.signIn("enabel", PASSWORD);
        HttpResponse<String> azilal = manager.get("/home?province=05.081&lang=fr");
        assertThat(azilal.statusCode()).isEqualTo(200);
        assertThat(plain(azilal.body())).contains("Préparer le comité de Azilal", "name=\"province\"");
        assertThat(manager.get("/committees/05.081").body()).as("the committee page leads there")
                .contains("href=\"/home?province=05.081\"");
        assertThat(manager.get("/home?province=99.999").statusCode()).isEqualTo(400);
        assertThat(manager.get("/home?province=05.091&semester=2024S9").statusCode()).isEqualTo(400);
        assertThat(plain(manager.get("/home?province=05.091&semester=2024S2&lang=fr").body())).contains("Chiffres du 2e semestre 2024,",
                "semester=2024S2&amp;lang=fr");

        BrowserSession administrator = new BrowserSession(port);
        administrator.signIn("admin", PASSWORD);
        assertThat(administrator.get("/home?province=05.081").statusCode()).isEqualTo(200);

        for (String other : List.of("dgct", "focal-kasba-tadla")) {
            BrowserSession session = new BrowserSession(port);
            session.signIn(other, PASSWORD);
            assertThat(session.get("/home").statusCode()).as(other).isEqualTo(403);
        }
        BrowserSession anonymous = new BrowserSession(port);
        assertThat(anonymous.get("/home").headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/login"));
    }

    /** The latest semester ended before {@code day} with participants in 05.091, as the API publishes them. */
    private String expectedSemester(LocalDate day) throws Exception {
        String last = (day.getMonthValue() <= 6 ? (day.getYear() - 1) + "S2" : day.getYear() + "S1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) object(get(
                "/api/v1/participation?groupBy=semester&province=05.091", "gov-beni-mellal")).get("rows");
        return rows.stream().filter(row -> Boolean.TRUE.equals(row.get("suppressed"))
                        || row.get("participants") instanceof Number n && n.longValue() > 0)
                .map(row -> (String) row.get("semester")).filter(s -> s.compareTo(last) <= 0)
                .max(String::compareTo).orElse(last);
    }

    /**
     * The indicators off track or projected to miss in 05.091, judged by the province's own
     * target or, without one, by the programme's (its status and projection), as a protected reader reads them.
     */
    private Set<String> atRisk(String semester) throws Exception {
        Map<String, Map<String, Object>> programme = new HashMap<>();
        items(get("/api/v1/indicators?scope=programme&semester=" + semester, "enabel"))
                .forEach(item -> programme.put((String) item.get("code"), item));
        return items(get("/api/v1/indicators?scope=province:05.091&semester=" + semester, "gov-beni-mellal")).stream()
                .map(item -> item.get("target") != null ? item : programme.get(item.get("code")))
                .filter(item -> item != null && item.get("target") != null
                        && ("OFF_TRACK".equals(item.get("status")) || "WILL_MISS".equals(item.get("projectedStatus"))))
                .map(item -> (String) item.get("code")).collect(Collectors.toCollection(TreeSet::new));
    }

    private void recommend(Number meeting, String text, LocalDate dueOn) throws Exception {
        assertThat(send("POST", COMMITTEE + "/recommendations", "gov-beni-mellal", """
                {"meetingId": %s, "textFr": "%s", "ownerInstitution": "Province", "dueOn": "%s"}"""
                .formatted(meeting, text, dueOn)).statusCode()).isEqualTo(201);
    }

    private static String landing(BrowserSession browser, String user) throws Exception {
        HttpResponse<String> signedIn = browser.signIn(user, PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return signedIn.headers().firstValue("Location").orElseThrow();
    }

    /** The page's text without the isolates that keep numbers whole in right-to-left text. */
    private static String plain(String page) {
        return page.replaceAll("[\u2068\u2069]", "");
    }

    private static String section(String page, String id, String until) {
        int start = page.indexOf("id=\"" + id + "\"");
        int end = page.indexOf(until.startsWith("<") ? until : "id=\"" + until + "\"", start);
        assertThat(start).as(id).isPositive();
        return page.substring(start, end < 0 ? page.length() : end);
    }
}
