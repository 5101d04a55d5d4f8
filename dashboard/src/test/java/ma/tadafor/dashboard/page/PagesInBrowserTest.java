package ma.tadafor.dashboard.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.data.ingestion.QuarantineStore;
import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceStore;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The dashboard's pages in a real headless Chromium, signed in through the login form: each loads
 * without a console error (a CSP violation is one), draws every chart, reads right to left in
 * Arabic, and shows only the user's scope. With {@code -Dtadafor.screenshots=<folder>} it also
 * saves a screenshot of each page in both languages.
 */
class PagesInBrowserTest extends DemoApplicationTest {

    private static final List<String> PAGES = List.of("/", "/results", "/commune", "/mechanisms", "/convergence", "/quality");

    @Autowired
    private QuarantineStore quarantine;
    @Autowired
    private SourceStore sources;
    @Autowired
    private TerritoryQueries territories;

    @BeforeEach
    void marts() {
        awaitMarts();
    }

    @Test
    void everyPageDrawsItsChartsInFrenchAndArabicWithoutConsoleErrors() {
        // An item set aside, whose source the quality page names by its commune, not by its code.
        Source source = sources.all().get(0);
        Territory commune = territories.find(Territory.Level.COMMUNE, source.communeCode()).orElseThrow();
        String item = "named-" + UUID.randomUUID();
        quarantine.add(source.id(), null, List.of(new QuarantineStore.Rejection(item,
                "startDate: \"31/02/2025\" is not a date (YYYY-MM-DD)", "{\"id\": \"" + item + "\"}")));
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("enabel", PASSWORD);
            for (String page : PAGES) {
                for (String language : List.of("fr", "ar")) {
                    browser.open(page + "?lang=" + language);
                    String view = page + " in " + language;
                    assertThat(browser.ready()).as(view).isEqualTo("true");
                    assertThat(browser.script("return document.documentElement.dir")).as(view)
                            .isEqualTo(language.equals("ar") ? "rtl" : "ltr");
                    assertThat(browser.script("return getComputedStyle(document.querySelector('main')).direction"))
                            .as(view).isEqualTo(language.equals("ar") ? "rtl" : "ltr");
                    List<WebElement> cards = browser.all(".chart-card");
                    assertThat(cards).as(view).hasSizeGreaterThanOrEqualTo(2);
                    for (WebElement card : cards) {
                        assertThat(browser.paintedPixels(card)).as(view + ", chart " + card.getDomAttribute("data-chart"))
                                .isGreaterThan(2_000);
                        assertThat(card.findElements(org.openqa.selenium.By.cssSelector(".table-view tbody tr")))
                                .as(view + ", table of " + card.getDomAttribute("data-chart")).isNotEmpty();
                    }
                    assertThat(browser.consoleErrors()).as(view).isEmpty();
                    if (page.equals("/quality")) {
                        assertThat(browser.all("table.runs tbody tr")).as("a programme manager sees the runs").isNotEmpty();
                        assertThat(browser.all("table.quarantine tbody td:nth-child(2)")).extracting(WebElement::getText)
                                .as("the quarantine's sources by their commune's name")
                                .contains(language.equals("ar") ? commune.nameAr() : commune.nameFr())
                                .doesNotContain(source.communeCode());
                    }
                    String folder = System.getProperty("tadafor.screenshots");
                    if (folder != null) {
                        String name = page.equals("/") ? "overview" : page.substring(1);
                        browser.screenshot(Path.of(folder, name + "-" + language + ".png"));
                    }
                }
            }
        }
    }

    @Test
    void everyRoleGetsEveryPageOfItsOwnScope() {
        Map<String, String> headings = Map.of("admin", "Programme Tadafor", "enabel", "Programme Tadafor",
                "dgct", "Programme Tadafor", "gov-beni-mellal", "Béni Mellal", "gov-azilal", "Azilal",
                "focal-kasba-tadla", "Kasba Tadla");
        headings.forEach((user, heading) -> {
            try (HeadlessChromium browser = new HeadlessChromium(port)) {
                browser.signIn(user, PASSWORD);
                for (String page : PAGES) {
                    browser.open(page + "?lang=fr");
                    assertThat(browser.ready()).as(user + " on " + page).isEqualTo("true");
                    if (!page.equals("/commune")) {
                        assertThat(browser.all("h1").get(0).getText()).as(user + " on " + page).contains(heading);
                    }
                    assertThat(browser.all(".chart-card")).as(user + " on " + page).isNotEmpty();
                    assertThat(browser.consoleErrors()).as(user + " on " + page).isEmpty();
                }
            }
        });
    }

    @Test
    void arabicChartsAreMirrored() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("dgct", PASSWORD);
            for (String language : List.of("fr", "ar")) {
                boolean rtl = language.equals("ar");
                browser.open("/?lang=" + language);
                assertThat(option(browser, "semesters", "xAxis[0].inverse")).as("semesters read " + language).isEqualTo(rtl);
                assertThat(option(browser, "semesters", "yAxis[0].position")).isEqualTo(rtl ? "right" : "left");
                assertThat(option(browser, "ranking", "yAxis[0].position")).isEqualTo(rtl ? "right" : "left");
                assertThat(option(browser, "ranking", "xAxis[0].inverse")).isEqualTo(rtl);
                assertThat(option(browser, "semesters", "legend[0].align")).isEqualTo(rtl ? "right" : "left");
                String region = (String) option(browser, "map", "series[0].data[0].name");
                assertThat(region).as("map names in " + language)
                        .matches(rtl ? ".*\\p{InArabic}.*" : "[^\\p{InArabic}]+");
                assertThat(browser.all(".chart-card[data-chart=map] .credit").get(0).getText())
                        .contains("© OpenStreetMap contributors, geoBoundaries (ODbL)");
            }
        }
    }

    @Test
    void everyIndicatorsSparklineIsDrawnOrSaysWhyNot() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("focal-kasba-tadla", PASSWORD);
            for (String language : List.of("fr", "ar")) {
                browser.open("/results?lang=" + language);
                @SuppressWarnings("unchecked")
                List<String> cells = (List<String>) browser.script(
                        "return Array.from(document.querySelectorAll('td.sparkline [data-sparkline]')).map(h =>"
                                + " h.querySelector('canvas') ? 'drawn' : (h.querySelector('.empty-sparkline') || {}).textContent || '');");
                assertThat(cells).as(language).isNotEmpty().doesNotContain("");
                // a commune's results have indicators measured in no semester
                assertThat(cells).as(language).contains("drawn")
                        .contains(language.equals("fr") ? "Pas encore mesuré ici" : "لم يُقس بعد هنا");
            }
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aGovernorSeesTheirProvinceOnlyAndCannotAskForAnother() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("gov-beni-mellal", PASSWORD);
            browser.open("/?lang=fr");
            assertThat(browser.all("h1").get(0).getText()).contains("Béni Mellal");
            @SuppressWarnings("unchecked")
            List<List<Object>> ranking = (List<List<Object>>) browser.script(
                    "return Array.from(document.querySelectorAll('.chart-card[data-chart=ranking] tbody tr'))"
                            + ".map(tr => Array.from(tr.cells).map(td => td.textContent));");
            assertThat(ranking).isNotEmpty().allSatisfy(row -> assertThat((String) row.get(0)).startsWith("05.091."));
            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(browser.status("/overview/data?scope=province:05.081")).isEqualTo(403);
            assertThat(browser.status("/overview/data?scope=programme")).isEqualTo(403);
            assertThat(browser.status("/overview/data?scope=province:99.999")).isEqualTo(400);
            assertThat(browser.status("/overview/data?scope=province:05.091&mechanism=NOPE")).isEqualTo(400);
            assertThat(browser.status("/results/data?scope=province:05.081")).isEqualTo(403);
            assertThat(browser.status("/results/data?scope=region:05")).isEqualTo(403);
            assertThat(browser.status("/overview/table/ranking?scope=province:05.091&format=xlsx")).isEqualTo(200);
            assertThat(browser.status("/commune/data?scope=province:05.081")).isEqualTo(403);
            assertThat(browser.status("/quality/data?scope=region:05")).isEqualTo(403);
            assertThat(browser.status("/mechanisms/data?scope=province:05.081&mechanism=PETITION")).isEqualTo(403);
            assertThat(browser.status("/convergence/data?scope=programme")).isEqualTo(403);
            browser.consoleErrors(); // the refusals just asked for, logged by the browser as failed loads
            browser.open("/quality?lang=fr");
            assertThat(browser.all("table.runs")).as("run history is for ADMIN and PROGRAMME").isEmpty();
            @SuppressWarnings("unchecked")
            List<String> qualityCodes = (List<String>) browser.script(
                    "return Array.from(document.querySelectorAll('.chart-card[data-chart=freshness] tbody tr'))"
                            + ".map(tr => tr.cells[0].textContent);");
            assertThat(qualityCodes).isNotEmpty().allSatisfy(code -> assertThat(code).startsWith("05.091."));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aProgrammeManagerCommentsAnIndicatorAndAGovernorCannot() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("enabel", PASSWORD);
            browser.open("/results?lang=fr");
            WebElement editor = browser.all("tr[data-indicator='R2.1'] details.narrative-editor").get(0);
            editor.findElement(org.openqa.selenium.By.tagName("summary")).click();
            editor.findElement(org.openqa.selenium.By.name("textFr")).sendKeys("Retard dû aux élections <script>alert(1)</script>");
            editor.findElement(org.openqa.selenium.By.name("textAr")).sendKeys("تأخر بسبب الانتخابات");
            editor.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
            browser.open("/results?lang=fr");
            assertThat(browser.all("tr[data-indicator='R2.1'] p.narrative").get(0).getText())
                    .isEqualTo("Retard dû aux élections <script>alert(1)</script>");
            browser.open("/results?lang=ar");
            assertThat(browser.all("tr[data-indicator='R2.1'] p.narrative").get(0).getText()).isEqualTo("تأخر بسبب الانتخابات");
            assertThat(browser.consoleErrors()).isEmpty();
        }
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("gov-beni-mellal", PASSWORD);
            browser.open("/results?lang=fr");
            assertThat(browser.all("details.narrative-editor")).isEmpty();
            Object status = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    var form = new URLSearchParams({code: 'R2.1', scope: 'province:05.091', semester: '2024S1', textFr: 'x',
                        _csrf: document.querySelector('input[name=_csrf]').value});
                    fetch('/results/narrative', {method: 'POST', body: form, redirect: 'manual'}).then(r => done(r.status));""");
            assertThat(status).as("only programme managers write comments").isEqualTo(403L);
        }
    }

    /**
     * A commune's breakdowns by disability and age × sex: no count from 1 to 4 for a focal point
     * (protected: 0, 5 or more, or "< 5"), every count exact for the administrator.
     */
    @Test
    void smallCountsOfACommuneAreProtectedButForTheAdministrator() throws Exception {
        String commune = "/overview/data?scope=commune:05.091.01.07&semester=";
        int checked = 0;
        for (String user : List.of("focal-kasba-tadla", "admin")) {
            try (HeadlessChromium browser = new HeadlessChromium(port)) {
                browser.signIn(user, PASSWORD);
                browser.open("/?scope=commune:05.091.01.07");
                String semester = (String) browser.script("return document.querySelector('select[name=semester]').value");
                Map<String, Object> data = json.readValue(fetchText(browser, commune + semester), Map.class);
                for (Map<String, Object> chart : charts(data)) {
                    if (!List.of("pyramid", "disability").contains(chart.get("id"))) {
                        continue;
                    }
                    @SuppressWarnings("unchecked")
                    List<List<Object>> rows = (List<List<Object>>) ((Map<String, Object>) chart.get("table")).get("rows");
                    for (List<Object> row : rows) {
                        Object count = row.get(row.size() - 1);
                        checked++;
                        if (user.equals("admin")) {
                            assertThat(count).as(user + " " + row).isInstanceOf(Number.class);
                        } else {
                            assertThat(count instanceof Number n ? n.longValue() == 0 || n.longValue() >= 5 : "< 5".equals(count))
                                    .as(user + " " + row).isTrue();
                        }
                    }
                }
            }
        }
        assertThat(checked).as("the commune has breakdowns to check").isPositive();
    }

    /** The demo's later pulls saw petitions move: the funnel gives median days between stages, in its chart and table. */
    @Test
    @SuppressWarnings("unchecked")
    void thePetitionFunnelShowsMedianDaysBetweenStagesSeenAcrossTheDemoPulls() throws Exception {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("enabel", PASSWORD);
            browser.open("/mechanisms?mechanism=PETITION&lang=fr");
            List<String> semesters = (List<String>) browser.script(
                    "return Array.from(document.querySelectorAll('select[name=semester] option')).map(o => o.value);");
            long timed = 0;
            for (String semester : semesters) {
                Map<String, Object> data = json.readValue(fetchText(browser,
                        "/mechanisms/data?scope=programme&mechanism=PETITION&semester=" + semester), Map.class);
                Map<String, Object> funnel = charts(data).stream().filter(chart -> chart.get("id").equals("funnel"))
                        .findFirst().orElseThrow();
                List<List<Object>> rows = (List<List<Object>>) ((Map<String, Object>) funnel.get("table")).get("rows");
                assertThat(rows).hasSize(5);
                assertThat(rows.get(0).get(3)).as("nothing comes before submission").isNull();
                for (List<Object> row : rows.subList(1, rows.size())) {
                    if (row.get(3) instanceof Number median) {
                        assertThat(median.doubleValue()).as(semester + " " + row).isPositive();
                        assertThat(((Number) row.get(4)).longValue()).isPositive();
                        assertThat(funnel.get("option").toString()).contains("depuis l'étape précédente (médiane)");
                        timed++;
                    }
                }
            }
            assertThat(timed).as("stages with a median over the semesters").isPositive();
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /** An indicator opens on its communes' contributions, which add up to the territory's figure; small counts hidden but for the administrator. */
    @Test
    @SuppressWarnings("unchecked")
    void anIndicatorOpensOnItsCommunesContributionsWhichAddUpToTheTerritorysFigure() throws Exception {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("admin", PASSWORD);
            for (String language : List.of("fr", "ar")) {
                browser.open("/results?lang=" + language);
                String link = browser.all("tr[data-indicator='R2.8'] a.contributions").get(0).getDomAttribute("href");
                assertThat(link).startsWith("/results/indicators/R2.8?scope=programme&semester=");
                browser.open(link + "&lang=" + language);
                assertThat(browser.ready()).isEqualTo("true");
                WebElement card = browser.all(".chart-card[data-chart=contributions]").get(0);
                assertThat(browser.paintedPixels(card)).isGreaterThan(2_000);
                assertThat(card.findElements(org.openqa.selenium.By.cssSelector(".table-view tbody tr"))).isNotEmpty();
                assertThat(browser.consoleErrors()).as(language).isEmpty();
                String folder = System.getProperty("tadafor.screenshots");
                if (folder != null) {
                    browser.screenshot(Path.of(folder, "indicator-" + language + ".png"));
                }
            }
            String semester = (String) browser.script("return document.querySelector('select[name=semester]').value");
            Map<String, Object> results = json.readValue(fetchText(browser, "/results/data?scope=programme&semester=" + semester),
                    Map.class);
            List<List<Object>> indicators = (List<List<Object>>) ((Map<String, Object>) charts(results).get(0).get("table"))
                    .get("rows");
            for (String code : List.of("R2.5", "R2.8")) {
                double programme = indicators.stream().filter(row -> row.get(0).equals(code))
                        .map(row -> ((Number) row.get(5)).doubleValue()).findFirst().orElseThrow();
                List<List<Object>> communes = contributions(browser, code, "programme", semester);
                assertThat(communes).hasSizeGreaterThan(10);
                if (code.equals("R2.5")) {
                    assertThat(communes.stream().mapToDouble(row -> number(row.get(2))).sum()).isCloseTo(programme,
                            org.assertj.core.data.Offset.offset(0.01));
                } else {
                    double numerators = communes.stream().mapToDouble(row -> number(row.get(3))).sum();
                    double denominators = communes.stream().mapToDouble(row -> number(row.get(4))).sum();
                    assertThat(numerators * 100 / denominators).isCloseTo(programme, org.assertj.core.data.Offset.offset(0.1));
                }
            }
            assertThat(browser.status("/results/indicators/R9.9?scope=programme")).isEqualTo(400);
            assertThat(browser.status("/results/indicators/R2.8/table/contributions?scope=programme&semester=" + semester
                    + "&format=xlsx")).isEqualTo(200);
            browser.consoleErrors();
        }
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("gov-beni-mellal", PASSWORD);
            browser.open("/results/indicators/R2.8?lang=fr");
            String semester = (String) browser.script("return document.querySelector('select[name=semester]').value");
            List<List<Object>> communes = contributions(browser, "R2.8", "province:05.091", semester);
            assertThat(communes).isNotEmpty().allSatisfy(row -> assertThat((String) row.get(0)).startsWith("05.091."));
            assertThat(communes).as("no count of persons with disabilities from 1 to 4; a suppressed one hides its share")
                    .allSatisfy(row -> assertThat(row.get(3) instanceof Number n ? n.doubleValue() == 0 || n.doubleValue() >= 5
                            : "< 5".equals(row.get(3)) && !(row.get(2) instanceof Number)).as(row.toString()).isTrue());
            assertThat(browser.status("/results/indicators/R2.8/data?scope=province:05.081")).isEqualTo(403);
            browser.consoleErrors();
        }
    }

    @SuppressWarnings("unchecked")
    private List<List<Object>> contributions(HeadlessChromium browser, String code, String scope, String semester) {
        Map<String, Object> data = json.readValue(fetchText(browser, "/results/indicators/" + code + "/data?scope=" + scope
                + "&semester=" + semester), Map.class);
        return (List<List<Object>>) ((Map<String, Object>) charts(data).get(0).get("table")).get("rows");
    }

    private static double number(Object cell) {
        return cell instanceof Number n ? n.doubleValue() : 0;
    }

    private static Object option(HeadlessChromium browser, String chart, String path) {
        return browser.script("return echarts.getInstanceByDom(document.querySelector("
                + "'.chart-card[data-chart=" + chart + "] .chart')).getOption()." + path + ";");
    }

    private static String fetchText(HeadlessChromium browser, String path) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", path);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> charts(Map<String, Object> data) {
        return (List<Map<String, Object>>) data.get("charts");
    }
}
