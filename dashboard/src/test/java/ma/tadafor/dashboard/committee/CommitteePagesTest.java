package ma.tadafor.dashboard.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.data.committee.MeetingBrief;
import ma.tadafor.data.committee.MeetingBriefStore;

/** A governor runs a whole committee cycle through the pages, as a browser would (session cookie, CSRF tokens). */
class CommitteePagesTest extends DemoApplicationTest {

    @Autowired
    private MeetingBriefStore briefs;

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern MEETING = Pattern.compile("/committees/05\\.091/meetings/(\\d+)$");

    @Test
    void aGovernorPlansHoldsRecommendsFollowsUpAndSeesItCarriedForward() throws Exception {
        Browser governor = new Browser("gov-beni-mellal");
        HttpResponse<String> index = governor.get("/committees");
        assertThat(index.headers().firstValue("Location").orElseThrow()).endsWith("/committees/05.091");

        LocalDate today = Committees.today();
        HttpResponse<String> planned = governor.post("/committees/05.091/meetings", List.of(
                Map.entry("plannedOn", today.minusDays(10).toString()), Map.entry("kind", "ORDINARY"),
                Map.entry("mode", "IN_PERSON"), Map.entry("place", "Siège de la province"),
                Map.entry("agendaFr", "Avancement des communes\nConvergence INDH"),
                Map.entry("agendaAr", "تقدم الجماعات\nالالتقائية مع المبادرة")), "/committees/05.091");
        Matcher first = MEETING.matcher(planned.headers().firstValue("Location").orElseThrow());
        assertThat(first.find()).isTrue();
        String firstMeeting = "/committees/05.091/meetings/" + first.group(1);

        governor.post(firstMeeting, List.of(Map.entry("heldOn", today.minusDays(9).toString()), Map.entry("mode", "IN_PERSON"),
                Map.entry("place", "Béni Mellal"), Map.entry("institution", "Enabel"), Map.entry("women", "2"),
                Map.entry("men", "1"), Map.entry("institution", "Commune de Kasba Tadla"), Map.entry("women", "1"),
                Map.entry("men", "3"), Map.entry("minutesFr", "Le comité a examiné l'avancement."),
                Map.entry("minutesAr", "درست اللجنة تقدم المشروع.")), firstMeeting);
        governor.post(firstMeeting + "/recommendations", List.of(Map.entry("textFr", "Installer l'IEECAG de Kasba Tadla"),
                Map.entry("ownerInstitution", "Commune de Kasba Tadla"), Map.entry("commune", "05.091.01.07"),
                Map.entry("indicators", "R2.6")), firstMeeting);
        String held = governor.get(firstMeeting).body();
        assertThat(held).contains("3 femme(s), 4 homme(s)", "Installer l&#39;IEECAG de Kasba Tadla", "Convergence INDH");

        HttpResponse<String> nextPlanned = governor.post("/committees/05.091/meetings", List.of(
                Map.entry("plannedOn", today.plusDays(90).toString()), Map.entry("kind", "ORDINARY"),
                Map.entry("mode", "REMOTE")), "/committees/05.091");
        String next = nextPlanned.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        String nextPage = governor.get(next).body();
        assertThat(nextPage).contains("Suivi des recommandations encore ouvertes", "Installer l&#39;IEECAG de Kasba Tadla");

        Matcher recommendation = Pattern.compile("(/committees/05\\.091/recommendations/\\d+)\">\\d+</a></td>\\s*"
                + "<td>Installer l&#39;IEECAG").matcher(held);
        assertThat(recommendation.find()).isTrue();
        String recommendationPage = recommendation.group(1);
        governor.post(recommendationPage, List.of(Map.entry("status", "IN_PROGRESS"), Map.entry("text", "Arrêté en préparation")),
                recommendationPage);
        String followed = governor.get(recommendationPage).body();
        assertThat(followed).contains("Arrêté en préparation", "En cours");
        HttpResponse<String> refused = governor.post(recommendationPage, List.of(Map.entry("status", "DONE"),
                Map.entry("text", "Installée")), recommendationPage);
        assertThat(governor.get(refused.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "")).body()).contains("note.evidence");

        String arabic = governor.get(next + "?lang=ar").body();
        assertThat(arabic).contains("dir=\"rtl\"", "تتبع التوصيات التي ما زالت مفتوحة");
    }

    @Test
    void formsNeedTheirTokenAndStayWithinTheProvince() throws Exception {
        Browser governor = new Browser("gov-beni-mellal");
        assertThat(governor.post("/committees/05.091/meetings", List.of(Map.entry("plannedOn", "2025-01-01"),
                Map.entry("kind", "ORDINARY"), Map.entry("mode", "REMOTE")), null).statusCode()).isEqualTo(403);
        assertThat(governor.get("/committees/05.081").statusCode()).isEqualTo(403);
        assertThat(governor.post("/committees/05.081/meetings", List.of(Map.entry("plannedOn", "2025-01-01"),
                Map.entry("kind", "ORDINARY"), Map.entry("mode", "REMOTE")), "/committees/05.091").statusCode()).isEqualTo(403);

        Browser analyst = new Browser("dgct");
        String readOnly = analyst.get("/committees/05.091").body();
        assertThat(readOnly).contains("Comité de Béni Mellal").doesNotContain("Planifier une réunion")
                .contains("réservés aux gestionnaires");
        assertThat(analyst.get("/committees").body()).contains("/committees/05.081", "/committees/05.091");
    }

    @Test
    void theMeetingPageLinksItsBriefsAndTheCommitteePagePrintsOneWithoutSwitchingTheLanguage() throws Exception {
        Browser governor = new Browser("gov-beni-mellal");
        HttpResponse<String> planned = governor.post("/committees/05.091/meetings", List.of(
                Map.entry("plannedOn", Committees.today().plusDays(10).toString()), Map.entry("kind", "ORDINARY"),
                Map.entry("mode", "REMOTE")), "/committees/05.091");
        Matcher meeting = MEETING.matcher(planned.headers().firstValue("Location").orElseThrow());
        assertThat(meeting.find()).isTrue();
        // what the briefs' job keeps (MeetingBriefJob, driven in CommitteeBriefTest)
        byte[] pdf = "%PDF-1.4 brief".getBytes(StandardCharsets.US_ASCII);
        briefs.attach(new MeetingBrief(Long.parseLong(meeting.group(1)), "ar", "2024S2", Instant.now()), pdf);
        String page = "/committees/05.091/meetings/" + meeting.group(1);
        assertThat(governor.get(page).body()).contains("Notes au comité préparées pour cette réunion",
                "href=\"" + page + "/briefs/ar\"", "Note au comité en arabe · 2e semestre 2024");
        HttpResponse<byte[]> kept = governor.bytes(page + "/briefs/ar");
        assertThat(kept.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(kept.body()).isEqualTo(pdf);
        assertThat(governor.bytes(page + "/briefs/fr").statusCode()).isEqualTo(404);

        assertThat(governor.get("/committees/05.091").body()).contains("action=\"/committees/brief\"");
        HttpResponse<byte[]> printed = governor.bytes("/committees/brief?province=05.091&semester=2024S1&lang=ar");
        assertThat(printed.statusCode()).isEqualTo(200);
        assertThat(new String(printed.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(governor.get("/committees/05.091").body()).as("the pages stay in French").contains("dir=\"ltr\"");
        assertThat(governor.bytes("/committees/brief?province=05.081&semester=2024S1&lang=ar").statusCode()).isEqualTo(403);
    }

    /** A browser as far as the server can tell: a cookie session, the login form, CSRF tokens read from pages. */
    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Browser(String username) throws IOException, InterruptedException {
            post("/login", List.of(Map.entry("username", username), Map.entry("password", PASSWORD)), "/login");
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        /** Posts a form with the CSRF token of page {@code csrfFrom} (none if null). */
        HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields, String csrfFrom)
                throws IOException, InterruptedException {
            String body = fields.stream().map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                    .collect(Collectors.joining("&"));
            if (csrfFrom != null) {
                Matcher token = CSRF.matcher(get(csrfFrom).body());
                assertThat(token.find()).as(csrfFrom + " has a CSRF token").isTrue();
                body += "&_csrf=" + encode(token.group(1));
            }
            return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
