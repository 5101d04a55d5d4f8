package ma.tadafor.dashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.dashboard.security.BrowserSession;

/** The demo says its figures are invented wherever they show: on every page, in the API. */
class DemoMarksTest extends DemoApplicationTest {

    @Test
    void everyPageCarriesTheBannerInItsLanguage() throws Exception {
        assertThat(anonymous("/login").body()).contains("class=\"demo-banner\"")
                .contains("Démonstration : utilisateurs, activités, communes illustratives");
        assertThat(anonymous("/login?lang=ar").body()).contains("class=\"demo-banner\"").contains("عرض توضيحي");
        BrowserSession browser = new BrowserSession(port);
        browser.signIn("dgct", PASSWORD);
        assertThat(browser.get("/").body()).contains("class=\"demo-banner\"");
    }

    @Test
    void indicatorsBuiltOnInventedBaselinesOrTargetsSaySo() throws Exception {
        List<Map<String, Object>> indicators = items(get("/api/v1/indicators?semester=2024S1&scope=programme", "dgct"));
        // Other tests of this context set real baselines and targets (not flagged); the demo's own are.
        assertThat(indicators).isNotEmpty();
        assertThat(indicators.stream().filter(indicator -> Boolean.TRUE.equals(indicator.get("demo"))).count())
                .isGreaterThan(indicators.size() / 2);
        assertThat(indicators).allSatisfy(indicator -> assertThat(indicator.get("demo")).isInstanceOf(Boolean.class));
    }
}
