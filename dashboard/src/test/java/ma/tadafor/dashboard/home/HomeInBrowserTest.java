package ma.tadafor.dashboard.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.dashboard.page.HeadlessChromium;

/**
 * The governor's home page in a real headless Chromium: where he lands after signing in, at a
 * phone's width (390 px) and a desktop's in French and in Arabic with the screenshots of
 * PhoneWidthTest's kind ({@code docs/screenshots/home-ar-390.png}…), and another province refused
 * in his language.
 */
class HomeInBrowserTest extends DemoApplicationTest {

    private static final int PHONE = 390;
    private static final int DESKTOP = 1400;
    private static final Path SHOTS = Path.of(System.getProperty("tadafor.screenshots", "../docs/screenshots"));

    @BeforeEach
    void marts() {
        awaitMarts();
    }

    @Test
    void aGovernorLandsOnHisHomeWhichReadsAtAPhonesWidthInBothLanguages() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("gov-beni-mellal", PASSWORD);
            assertThat(browser.currentPath()).isEqualTo("/home");
            for (String language : new String[] {"fr", "ar"}) {
                browser.visit("/home?lang=" + language);
                browser.screenshot(SHOTS.resolve("home-" + language + "-" + DESKTOP + ".png"), DESKTOP, false);
                browser.screen(PHONE, 844, true);
                browser.visit("/home?lang=" + language);
                assertThat((Long) browser.script("return document.scrollingElement.scrollWidth;")).as(language + ": no sideways scroll")
                        .isLessThanOrEqualTo(PHONE);
                assertThat((Boolean) browser.script("var nav = document.querySelector('header nav'); return nav.offsetHeight > 0;"))
                        .as("the menu waits behind its button").isFalse();
                assertThat(browser.all("h1").get(0).getText()).isEqualTo(language.equals("fr")
                        ? "Préparer le comité de Béni Mellal" : "التحضير للجنة بني ملال");
                assertThat(browser.all("a.brief-link").get(0).getDomAttribute("href")).endsWith("&lang=" + language);
                assertThat(browser.all("section.next-meeting").get(0).getRect().getWidth()).isLessThanOrEqualTo(PHONE);
                assertThat(browser.script("return document.documentElement.dir")).isEqualTo(language.equals("ar") ? "rtl" : "ltr");
                assertThat((String) browser.script("return document.body.textContent;")).as("Western digits only")
                        .doesNotContainPattern("[\\u0660-\\u0669]");
                assertThat(browser.consoleErrors()).isEmpty();
                browser.screenshot(SHOTS.resolve("home-" + language + "-" + PHONE + ".png"), PHONE, true);
                browser.screen(DESKTOP, 900, false);
            }
            browser.visit("/home?province=05.081&lang=ar");
            assertThat(browser.all("h1").get(0).getText()).isEqualTo("الولوج مرفوض");
            browser.visit("/home?province=05.081&lang=fr");
            assertThat(browser.all("h1").get(0).getText()).isEqualTo("Accès refusé");
            assertThat((String) browser.script("return document.body.textContent")).doesNotContain("Whitelabel", "Forbidden");
        }
    }

    @Test
    void theMenuLeadsAGovernorHomeAndNoOneElse() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("gov-azilal", PASSWORD);
            browser.visit("/results?lang=fr");
            assertThat(browser.all("header nav a[href='/home']")).hasSize(1);
            browser.visit("/home");
            assertThat(browser.all("h1").get(0).getText()).isEqualTo("Préparer le comité de Azilal");
        }
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("enabel", PASSWORD);
            assertThat(browser.currentPath()).isEqualTo("/");
            assertThat(browser.all("header nav a[href='/home']")).isEmpty();
        }
    }
}
