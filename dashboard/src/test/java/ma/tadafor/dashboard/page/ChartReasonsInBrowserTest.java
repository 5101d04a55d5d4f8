package ma.tadafor.dashboard.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.dashboard.wording.Wording;

/**
 * A chart with nothing to show says why, in French and in Arabic: no data for the selection, not
 * yet pulled, or every figure below the disclosure threshold; a semester without data keeps its
 * place in the picker; and the link to the other language keeps the view.
 */
class ChartReasonsInBrowserTest extends DemoApplicationTest {

    private static final List<String> LANGUAGES = List.of("fr", "ar");

    @Autowired
    private Wording wording;

    @BeforeEach
    void marts() {
        awaitMarts();
    }

    @Test
    void aSemesterWithoutDataSaysSoOnItsChartsAndStaysPicked() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("admin", PASSWORD);
            for (String language : LANGUAGES) {
                browser.open("/?scope=province:05.091&semester=2019S1&lang=" + language);
                assertThat(browser.script("return document.querySelector('select[name=semester]').value"))
                        .isEqualTo("2019S1");
                assertThat(browser.all(".filters .no-data")).hasSize(1);
                String noData = reason("noData", language);
                assertThat(browser.all("[data-chart=mechanisms] .empty-chart")).singleElement()
                        .satisfies(notice -> assertThat(notice.getText()).isEqualTo(noData));
                // The trend of every semester has data: it is drawn, and says nothing of the kind.
                assertThat(browser.all("[data-chart=semesters] .empty-chart")).isEmpty();
            }
        }
    }

    @Test
    void aTerritoryWhoseSourcesWereNeverPulledSaysSo() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("admin", PASSWORD);
            for (String language : LANGUAGES) {
                // Fès-Meknès has no programme commune: nothing of it was ever pulled.
                for (String page : List.of("/mechanisms", "/quality")) {
                    Map<String, Object> data = data(browser, page + "/data?scope=region:03&lang=" + language);
                    assertThat(charts(data)).isNotEmpty().allSatisfy(chart -> assertThat(chart.get("empty"))
                            .as("%s %s", page, chart.get("id")).isEqualTo(reason("notPulled", language)));
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSelectionWhoseEveryFigureIsBelowTheThresholdSaysItIsSuppressed() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("gov-beni-mellal", PASSWORD);
            Map<String, Object> province = data(browser, "/overview/data?scope=province:05.091");
            String semester = (String) province.get("semester");
            List<List<Object>> communes = (List<List<Object>>) ((Map<String, Object>) chart(province, "ranking").get("table"))
                    .get("rows");
            int found = 0;
            for (List<Object> commune : communes) {
                String view = "/overview/data?scope=commune:" + commune.get(0) + "&semester=" + semester
                        + "&disability=true&lang=";
                Map<String, Object> mechanisms = chart(data(browser, view + "fr"), "mechanisms");
                List<List<Object>> rows = (List<List<Object>>) ((Map<String, Object>) mechanisms.get("table")).get("rows");
                if (rows.isEmpty() || !rows.stream().allMatch(row -> "< 5".equals(row.get(row.size() - 1)))) {
                    continue;
                }
                found++;
                assertThat(mechanisms.get("empty")).isEqualTo(reason("suppressed", "fr"));
                assertThat(chart(data(browser, view + "ar"), "mechanisms").get("empty"))
                        .isEqualTo(reason("suppressed", "ar"));
            }
            assertThat(found).as("a commune of Béni Mellal whose participants with a disability are all below 5").isPositive();
        }
    }

    @Test
    void theOtherLanguageKeepsTheScopeTheSemesterAndTheFilters() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("admin", PASSWORD);
            browser.open("/mechanisms?scope=province:05.091&semester=2024S2&gender=F&mechanism=PETITION&lang=fr");
            String other = browser.driver().findElement(By.cssSelector("a.language")).getDomAttribute("href");
            assertThat(other).startsWith("/mechanisms?").contains("scope=province:05.091", "semester=2024S2", "gender=F",
                    "mechanism=PETITION", "lang=ar").doesNotContain("lang=fr");
            browser.open(other);
            assertThat(browser.script("return document.documentElement.lang")).isEqualTo("ar");
            assertThat(browser.script("return new URLSearchParams(location.search).get('scope')")).isEqualTo("province:05.091");
            assertThat(browser.script("return document.querySelector('select[name=semester]').value")).isEqualTo("2024S2");
            assertThat(browser.script("return document.querySelector('select[name=gender]').value")).isEqualTo("F");
            assertThat(browser.script("return document.querySelector('select[name=mechanism]').value")).isEqualTo("PETITION");
        }
    }

    private String reason(String why, String language) {
        return wording.text("chart.empty." + why, Wording.of(language));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(HeadlessChromium browser, String path) {
        return json.readValue((String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", path),
                Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> charts(Map<String, Object> data) {
        return (List<Map<String, Object>>) data.get("charts");
    }

    private static Map<String, Object> chart(Map<String, Object> data, String id) {
        return charts(data).stream().filter(chart -> id.equals(chart.get("id"))).findFirst().orElseThrow();
    }
}
