package ma.tadafor.dashboard.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;


import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.dashboard.page.HeadlessChromium;
import ma.tadafor.dashboard.report.PdfText;

/**
 * A closure's whole life through the real parts: the demo's pulls and refresh, a proposal and an
 * approval over HTTP, a later upload that adds an activity to the closed semester, a second real
 * refresh (Spark): the API answers the same figures with {@code "frozen": true}, the revision lists
 * the approved and the current figure with the new item; lineage adds up to the figure for the
 * administrator and is protected for the others. Through the pages, in a real Chromium and in both
 * languages: the committee page's forms propose, approve and reopen another semester; the results
 * page and the overview of the closed semester carry the seal and lead to the "where does this
 * number come from?" page; the committee page lists the revision. The committee brief's PDF, read
 * back with pdftotext, holds the same figures before and after the late upload, with its seal and,
 * after, the revision. Azilal (05.081), so that the other tests' Béni Mellal stays open; reopened at
 * the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosureLifecycleTest extends DemoApplicationTest {

    private static final String PROVINCE = "05.081";
    private static final String SEMESTER = "2024S1";
    private static final String PARTICIPATION = "/api/v1/participation?province=" + PROVINCE + "&semester=" + SEMESTER;
    private static final String INDICATORS = "/api/v1/indicators?semester=" + SEMESTER + "&scope=province:" + PROVINCE;

    /** The semester the committee page closes, proposed and approved through its forms. */
    private static final String PAGE_SEMESTER = "2023S2";
    private static final String APPROVER = "Gouverneur de la province d'Azilal";
    private static final String BIDI_CONTROLS = "[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]";

    private Number closureId;
    private Number pageClosureId;

    @Test
    @SuppressWarnings("unchecked")
    void anApprovedSemesterKeepsItsFiguresThroughALaterUploadAndListsTheRevision() throws Exception {
        awaitMarts();
        HttpResponse<String> proposed = send("POST", "/api/v1/closures", "enabel",
                "{\"province\": \"" + PROVINCE + "\", \"semester\": \"" + SEMESTER + "\"}");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        assertThat(object(proposed)).containsEntry("status", "PROPOSED").containsEntry("proposedBy", "enabel");
        closureId = (Number) object(proposed).get("id");
        assertThat(send("POST", "/api/v1/closures", "enabel",
                "{\"province\": \"" + PROVINCE + "\", \"semester\": \"" + SEMESTER + "\"}").statusCode()).isEqualTo(409);
        assertThat(send("POST", "/api/v1/closures", "dgct",
                "{\"province\": \"" + PROVINCE + "\", \"semester\": \"2023S2\"}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/closures/" + closureId + "/approve", "gov-beni-mellal", null).statusCode()).isEqualTo(403);

        HttpResponse<String> approved = send("POST", "/api/v1/closures/" + closureId + "/approve", "gov-azilal", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(object(approved)).containsEntry("status", "APPROVED").containsEntry("approvedBy", "gov-azilal");
        proposedAndApprovedOnTheCommitteePage();

        String briefBefore = PdfText.of(brief("fr"));
        assertThat(flat(briefBefore)).contains("Chiffres approuvés le", "par " + APPROVER, "Révisions depuis l’approbation",
                "Aucun chiffre n'a changé depuis l'approbation.");
        assertThat(flat(PdfText.of(brief("ar")).replaceAll(BIDI_CONTROLS, ""))).contains("أرقام مصادق عليها في", "المراجعات منذ المصادقة");

        Map<String, Object> before = object(get(PARTICIPATION, "admin"));
        assertThat(before).containsEntry("frozen", true);
        long approvedTotal = participants(before);
        assertThat(approvedTotal).isPositive();
        Map<String, Object> indicatorsBefore = object(get(INDICATORS, "admin"));
        assertThat(indicatorsBefore).containsEntry("frozen", true);
        Map<String, Object> protectedBefore = object(get(PARTICIPATION, "gov-azilal"));

        Map<String, Object> lineage = object(get("/api/v1/lineage?semester=" + SEMESTER + "&scope=province:" + PROVINCE, "admin"));
        assertThat(((Number) lineage.get("figure")).longValue()).isEqualTo(approvedTotal);
        assertThat(contributions(lineage)).as("the items add up to the figure").isEqualTo(approvedTotal);
        assertThat(lineage).containsEntry("frozen", true);
        Map<String, Object> womenLineage = object(get("/api/v1/lineage?semester=" + SEMESTER + "&scope=province:" + PROVINCE
                + "&gender=F", "admin"));
        assertThat(contributions(womenLineage)).isEqualTo(((Number) womenLineage.get("figure")).longValue());
        Map<String, Object> protectedLineage = object(get("/api/v1/lineage?semester=" + SEMESTER + "&scope=province:" + PROVINCE
                + "&gender=F", "gov-azilal"));
        assertThat(protectedLineage.get("disclosure")).isEqualTo(Map.of("protected", true, "method", "cell-key-perturbation"));
        assertThat(itemsOf(protectedLineage)).isNotEmpty().allSatisfy(item -> {
            assertThat(item).doesNotContainKeys("contribution", "cells");
            assertThat(item.get("participants") == null || ((Number) item.get("participants")).longValue() >= 5).isTrue();
        });
        aSuppressedFigureListsNoItems();
        String indicatorWithItems = indicatorAddingUp(indicatorsBefore);
        assertThat(indicatorWithItems).as("an indicator whose items add up to its actual").isNotNull();
        lineageFromTheResultsAndTheOverviewUnderTheSeal(indicatorWithItems);

        // A late upload: a new activity of 12 participants in the closed semester of an Azilal commune.
        String commune = items(get("/api/v1/territories/communes?programme=true", "admin")).stream()
                .filter(c -> PROVINCE.equals(c.get("provinceCode"))).map(c -> (String) c.get("code")).findFirst().orElseThrow();
        // Named as the upload tests name theirs, which the demo's own uploads are counted without.
        String itemId = "upload-test-late-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                id;updatedAt;mechanism;status;startDate;titleFr;gender;ageBand;disability;role;count
                %1$s;2024-05-20T10:00:00Z;CITIZEN_MEETING;HELD;2024-05-20;Réunion tardive;F;25-34;non;CITIZEN;7
                %1$s;2024-05-20T10:00:00Z;CITIZEN_MEETING;HELD;2024-05-20;Réunion tardive;M;35-59;non;CITIZEN;5
                """.formatted(itemId);
        HttpResponse<String> uploaded = upload(commune, csv);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.body()).contains("\"inserted\":1");
        refresh();

        Map<String, Object> after = object(get(PARTICIPATION, "admin"));
        assertThat(after).containsEntry("frozen", true);
        assertThat(participants(after)).as("the approved figure, not the current one").isEqualTo(approvedTotal);
        assertThat(object(get(INDICATORS, "admin")).get("items")).isEqualTo(indicatorsBefore.get("items"));
        assertThat(object(get(PARTICIPATION, "gov-azilal"))).isEqualTo(protectedBefore);
        assertThat(object(get("/api/v1/participation?commune=" + commune + "&semester=2024S2", "admin"))).containsEntry("frozen", false);

        List<Map<String, Object>> revisions = items(get("/api/v1/closures/" + closureId + "/revisions", "admin"));
        Map<String, Object> total = revisions.stream().filter(r -> "participation".equals(r.get("kind"))
                && "total".equals(((Map<?, ?>) r.get("key")).get("breakdown"))).findFirst().orElseThrow();
        assertThat(((Number) total.get("approved")).longValue()).isEqualTo(approvedTotal);
        assertThat(((Number) total.get("now")).longValue()).isEqualTo(approvedTotal + 12);
        assertThat((List<Object>) total.get("items")).contains((Object) Map.of("sourceId", "upload-" + commune, "itemId", itemId, "change", "NEW"));
        assertThat(revisions).anySatisfy(r -> assertThat(r.get("key")).isEqualTo(Map.of("scope", "province:" + PROVINCE,
                "breakdown", "commune", "value", commune)));

        Map<String, Object> protectedRevisions = object(get("/api/v1/closures/" + closureId + "/revisions", "gov-azilal"));
        assertThat(protectedRevisions.get("disclosure")).isEqualTo(Map.of("protected", true, "method", "cell-key-perturbation"));
        assertThat(itemsOf(protectedRevisions)).as("a revision with a suppressed side lists no items")
                .filteredOn(r -> r.get("approved") == null || r.get("now") == null)
                .allSatisfy(r -> assertThat((List<?>) r.get("items")).isEmpty());
        assertThat(items(get("/api/v1/closures?province=" + PROVINCE, "gov-azilal"))).extracting(c -> c.get("status"))
                .contains("APPROVED");
        assertThat(get("/api/v1/closures/" + closureId + "/revisions", "gov-beni-mellal").statusCode()).isEqualTo(403);

        String briefAfter = PdfText.of(brief("fr"));
        assertThat(figures(briefAfter)).as("sections 1 to 3 of the brief, printed before and after the late upload")
                .isEqualTo(figures(briefBefore));
        assertThat(flat(revisionsSection(briefAfter))).contains(itemId, "nouveau").doesNotContain("Aucun chiffre n'a changé");
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("gov-azilal", PASSWORD);
            browser.visit("/committees/" + PROVINCE + "?lang=fr");
            assertThat(browser.all("table[data-revisions='" + closureId + "'] tbody tr")).as("revisions on the committee page")
                    .isNotEmpty().anySatisfy(row -> assertThat(row.getText()).contains(itemId, "nouveau"));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /**
     * A figure the governor sees as "< 5" lists no items to him, while the administrator's lineage of
     * the same figure has them: items are listed because they count in the figure, so four of them
     * would give it back. The narrowest cells of the province's communes are searched for one.
     */
    private void aSuppressedFigureListsNoItems() throws Exception {
        List<String> communes = items(get("/api/v1/territories/communes?programme=true", "admin")).stream()
                .filter(c -> PROVINCE.equals(c.get("provinceCode"))).map(c -> (String) c.get("code")).toList();
        int suppressed = 0;
        for (String commune : communes) {
            for (String narrow : List.of("disability=true&gender=F", "disability=true&ageBand=UNDER_18", "disability=true")) {
                String question = "/api/v1/lineage?semester=" + SEMESTER + "&scope=commune:" + commune + "&" + narrow;
                Map<String, Object> governors = object(get(question, "gov-azilal"));
                if (!Boolean.TRUE.equals(governors.get("suppressed"))) {
                    continue;
                }
                suppressed++;
                assertThat(governors.get("figure")).as(question).isNull();
                assertThat(itemsOf(governors)).as(question).isEmpty();
                Map<String, Object> administrators = object(get(question, "admin"));
                long exact = ((Number) administrators.get("figure")).longValue();
                assertThat(exact).as("a suppressed figure is a protected count under 5 of an exact one below 8: " + question).isBetween(1L, 7L);
                assertThat(itemsOf(administrators)).as("the administrator's items of " + question).isNotEmpty();
            }
        }
        assertThat(suppressed).as("suppressed cells among the province's narrowest").isPositive();
    }

    /**
     * The committee page's forms, for another semester: the programme manager proposes, the governor
     * approves (each form with its CSRF token, in a real browser); the administrator reopens it at the end.
     */
    private void proposedAndApprovedOnTheCommitteePage() throws Exception {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("enabel", PASSWORD);
            browser.visit("/committees/" + PROVINCE + "?lang=fr");
            assertThat(browser.all("#closures [data-closure='" + closureId + "']")).as("the API's closure, listed")
                    .singleElement().satisfies(row -> assertThat(row.getText()).contains("1er semestre 2024", "Approuvée", "par " + APPROVER)
                            .as("the semester in words").doesNotContain(SEMESTER));
            browser.all("#closures input[name=semester]").get(0).sendKeys(PAGE_SEMESTER);
            browser.follow(browser.all("#closures form[action$='/closures'] button").get(0));
            assertThat(browser.all("[role=status]")).as("saved").isNotEmpty();
            assertThat(browser.all("#closures button")).as("a programme manager does not approve")
                    .noneSatisfy(b -> assertThat(b.getText()).isEqualTo("Approuver les chiffres"));
        }
        pageClosureId = items(get("/api/v1/closures?province=" + PROVINCE + "&semester=" + PAGE_SEMESTER, "enabel")).stream()
                .filter(c -> "PROPOSED".equals(c.get("status"))).map(c -> (Number) c.get("id")).findFirst().orElseThrow();
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("gov-azilal", PASSWORD);
            browser.visit("/committees/" + PROVINCE + "?lang=ar");
            assertThat(browser.script("return document.documentElement.dir")).isEqualTo("rtl");
            browser.follow(browser.all("#closures form[action$='/closures/" + pageClosureId + "/approve'] button").get(0));
            assertThat(browser.all("#closures [data-closure='" + pageClosureId + "']")).singleElement()
                    .satisfies(row -> assertThat(row.getText()).contains("مصادق عليه", "أرقام مصادق عليها في"));
            assertThat(browser.consoleErrors()).isEmpty();
        }
        assertThat(object(get("/api/v1/closures?province=" + PROVINCE + "&semester=" + PAGE_SEMESTER, "gov-azilal")).toString())
                .contains("status=APPROVED", "approvedBy=gov-azilal");
    }

    /**
     * The results page and the overview of the closed semester, in French and Arabic, for the governor:
     * each carries the seal; an indicator's actual and the overview's participants lead to their items,
     * the figure as published and the items' protected totals, under the seal too.
     */
    private void lineageFromTheResultsAndTheOverviewUnderTheSeal(String indicator) {
        String view = "scope=province:" + PROVINCE + "&semester=" + SEMESTER;
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("gov-azilal", PASSWORD);
            for (String language : List.of("fr", "ar")) {
                String seal = language.equals("fr") ? "Chiffres approuvés le" : "أرقام مصادق عليها في";
                browser.open("/results?" + view + "&lang=" + language);
                assertThat(browser.all(".seal")).as("results in " + language).singleElement()
                        .satisfies(e -> assertThat(e.getText()).contains(seal, APPROVER));
                assertThat(browser.all("tr[data-indicator] a.lineage")).as("every actual links to its items").hasSizeGreaterThan(5);
                browser.follow(browser.all("tr[data-indicator='" + indicator + "'] a.lineage").get(0));
                assertThat(browser.driver().getCurrentUrl()).contains("/lineage", "indicator=" + indicator);
                assertThat(browser.script("return document.documentElement.dir")).isEqualTo(language.equals("ar") ? "rtl" : "ltr");
                assertThat(browser.all(".seal")).as("lineage in " + language).singleElement()
                        .satisfies(e -> assertThat(e.getText()).contains(seal));
                assertThat(browser.all(".lineage-items tbody tr")).as("the items of " + indicator).isNotEmpty()
                        .allSatisfy(row -> assertThat(row.findElements(org.openqa.selenium.By.tagName("td"))).hasSize(8));
                assertThat(browser.consoleErrors()).isEmpty();

                browser.open("/?" + view + "&lang=" + language);
                assertThat(browser.all(".seal")).as("overview in " + language).singleElement()
                        .satisfies(e -> assertThat(e.getText()).contains(seal));
                browser.follow(browser.all("[data-headline] [data-key=participants] a.lineage").get(0));
                assertThat(browser.all(".lineage-items tbody tr")).as("the items of the participants").isNotEmpty();
                assertThat(browser.all("[data-figure]").get(0).getText()).isNotBlank();
                assertThat(browser.consoleErrors()).isEmpty();
            }
        }
    }

    private byte[] brief(String lang) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/api/v1/reports/committee-brief?province="
                + PROVINCE + "&semester=" + SEMESTER + "&lang=" + lang)).header("Authorization", basic("gov-azilal", PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The brief's figures that a closure freezes: its sections 1 to 3 (participation, rates, results framework). */
    /**
     * Sections 1 to 3 without the projections: an indicator the province has no target of its own for
     * is judged, and projected, on the programme's figures, which are not frozen (TRUST.md).
     */
    private static String figures(String brief) {
        return brief.substring(brief.indexOf("1. Progrès des communes partenaires"), brief.indexOf("4. Convergence avec l’INDH"))
                .replaceAll("\u2068[^\u2069]*\u2069(?=\\s*(Sera atteinte|Ne sera pas atteinte))", "");
    }

    /** Text as read, whatever the lines it was broken into. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String revisionsSection(String brief) {
        return brief.substring(brief.indexOf("Révisions depuis l’approbation"), brief.indexOf("7. Proposition d’ordre du jour"));
    }

    @AfterAll
    void reopen() throws Exception {
        if (pageClosureId != null) {
            try (HeadlessChromium browser = new HeadlessChromium(port)) {
                browser.signIn("admin", PASSWORD);
                browser.visit("/committees/" + PROVINCE + "?lang=fr");
                browser.all("#closures form[action$='/closures/" + pageClosureId + "/reopen'] input[name=reason]").get(0)
                        .sendKeys("données corrigées");
                browser.follow(browser.all("#closures form[action$='/closures/" + pageClosureId + "/reopen'] button").get(0));
                assertThat(browser.all("#closures [data-closure='" + pageClosureId + "']")).singleElement()
                        .satisfies(row -> assertThat(row.getText()).contains("Rouverte", "motif : données corrigées"));
            }
        }
        if (closureId != null) {
            assertThat(send("POST", "/api/v1/closures/" + closureId + "/reopen", "enabel", "{\"reason\": \"test\"}").statusCode())
                    .isEqualTo(403);
            HttpResponse<String> reopened = send("POST", "/api/v1/closures/" + closureId + "/reopen", "admin",
                    "{\"reason\": \"end of the test\"}");
            assertThat(object(reopened)).containsEntry("status", "REOPENED").containsEntry("reopenReason", "end of the test");
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !Boolean.TRUE.equals(object(get(PARTICIPATION, "admin")).get("frozen")));
        }
    }

    /** The first indicator of the province with a positive actual whose lineage items add up to it. */
    private String indicatorAddingUp(Map<String, Object> indicators) throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) indicators.get("items");
        for (Map<String, Object> indicator : list) {
            if (!(indicator.get("actual") instanceof Number actual) || actual.doubleValue() <= 0 || !"count".equals(indicator.get("unit"))) {
                continue;
            }
            Map<String, Object> lineage = object(get("/api/v1/lineage?indicator=" + indicator.get("code") + "&semester=" + SEMESTER
                    + "&scope=province:" + PROVINCE, "admin"));
            if (contributions(lineage) == actual.longValue()) {
                return (String) indicator.get("code");
            }
        }
        return null;
    }

    private HttpResponse<String> upload(String commune, String csv) throws IOException, InterruptedException {
        String boundary = UUID.randomUUID().toString();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nACTIVITIES\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"communeCode\"\r\n\r\n" + commune + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"late.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(uri("/api/v1/imports")).header("Authorization", basic("admin", PASSWORD))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A refresh started now, run to its end. */
    private void refresh() throws Exception {
        HttpResponse<String> started = send("POST", "/api/v1/analytics/runs", "admin", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String runId = (String) object(started).get("runId");
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                List.of("COMPLETED", "FAILED").contains(object(get("/api/v1/analytics/runs/" + runId, "admin")).get("status")));
        assertThat(object(get("/api/v1/analytics/runs/" + runId, "admin"))).containsEntry("status", "COMPLETED");
    }

    private static long participants(Map<String, Object> answer) {
        return ((Number) ((Map<?, ?>) answer.get("total")).get("participants")).longValue();
    }

    private static long contributions(Map<String, Object> lineage) {
        return Math.round(itemsOf(lineage).stream().mapToDouble(i -> ((Number) i.get("contribution")).doubleValue()).sum());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> itemsOf(Map<String, Object> lineage) {
        return (List<Map<String, Object>>) lineage.get("items");
    }
}
