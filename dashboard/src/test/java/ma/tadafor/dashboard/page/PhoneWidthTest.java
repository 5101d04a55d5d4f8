package ma.tadafor.dashboard.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import ma.tadafor.dashboard.DemoApplicationTest;

/**
 * Every page at a phone's width (390 px) and at a desktop's, in French and in Arabic, in a real
 * headless Chromium: screenshots into {@code docs/screenshots/} (e.g. {@code results-ar-390.png});
 * at 390 px nothing scrolls sideways and the menu waits behind its button; in Arabic no
 * Arabic-Indic digit anywhere (U+0660–U+0669): numbers are written one way.
 */
class PhoneWidthTest extends DemoApplicationTest {

    private static final int PHONE = 390;
    private static final int DESKTOP = 1400;
    private static final String ARABIC_INDIC_DIGITS = "[\\u0660-\\u0669]";
    private static final Path SHOTS = Path.of(System.getProperty("tadafor.screenshots", "../docs/screenshots"));

    @BeforeEach
    void marts() {
        awaitMarts();
    }

    @Test
    void everyPageReflowsAtAPhonesWidthInBothLanguages() {
        List<String> problems = new ArrayList<>();
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            for (String language : List.of("fr", "ar")) {
                browser.visit("/login?lang=" + language);
                check(browser, "login", language, problems);
            }
            browser.signIn("admin", PASSWORD);
            Map<String, String> pages = pages(browser);
            pages.forEach((name, path) -> {
                for (String language : List.of("fr", "ar")) {
                    browser.visit(path + (path.contains("?") ? "&" : "?") + "lang=" + language);
                    check(browser, name, language, problems);
                }
            });
        }
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("gov-beni-mellal", PASSWORD);
            for (String language : List.of("fr", "ar")) {
                browser.visit("/results?lang=" + language);
                check(browser, "results-governor", language, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    /** What the admin opens: the menu's pages, and one meeting, recommendation and indicator of each kind. */
    private Map<String, String> pages(HeadlessChromium browser) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "/");
        pages.put("results", "/results");
        pages.put("indicator", "/results/indicators/R2.5");
        pages.put("commune", "/commune");
        pages.put("mechanisms", "/mechanisms");
        pages.put("convergence", "/convergence");
        pages.put("quality", "/quality");
        pages.put("committees", "/committees");
        pages.put("committee", "/committees/05.091");
        browser.visit("/committees/05.091?lang=fr");
        String meeting = (String) browser.script("var a = document.querySelector(\"a[href*='/meetings/']\"); return a && a.getAttribute('href');");
        if (meeting != null) {
            pages.put("meeting", meeting);
        }
        String recommendation = (String) browser.script("var a = document.querySelector(\"a[href*='/recommendations/']\"); return a && a.getAttribute('href');");
        if (recommendation != null) {
            pages.put("recommendation", recommendation);
        }
        pages.put("programme", "/programme");
        pages.put("imports", "/imports");
        pages.put("account", "/account");
        pages.put("users", "/admin/users");
        pages.put("audit", "/admin/audit");
        pages.put("error", "/results?scope=province:99.999");
        return pages;
    }

    private void check(HeadlessChromium browser, String name, String language, List<String> problems) {
        String view = name + " in " + language;
        browser.screenshot(SHOTS.resolve(name + "-" + language + "-" + DESKTOP + ".png"), DESKTOP, false);
        browser.screen(PHONE, 844, true);
        String path = browser.currentPath();
        browser.visit(path);
        long width = (Long) browser.script("return document.scrollingElement.scrollWidth;");
        if (width > PHONE) {
            problems.add(view + ": " + width + " px wide at " + PHONE + " (" + widest(browser) + ")");
        }
        Boolean menuOpen = (Boolean) browser.script(
                "var nav = document.querySelector('header nav'); return nav !== null && nav.offsetHeight > 0;");
        if (menuOpen) {
            problems.add(view + ": the menu is open at " + PHONE + " px");
        }
        if (language.equals("ar")) {
            String text = (String) browser.script("return document.body.textContent;");
            if (text.matches("(?s).*" + ARABIC_INDIC_DIGITS + ".*")) {
                problems.add(view + ": Arabic-Indic digits in «" + text.replaceAll("(?s).*?(.{0,30}" + ARABIC_INDIC_DIGITS
                        + ".{0,30}).*", "$1") + "»");
            }
            if (!"rtl".equals(browser.script("return document.documentElement.dir"))) {
                problems.add(view + ": not right to left");
            }
        }
        if (!browser.consoleErrors().isEmpty() && !name.equals("error")) {
            problems.add(view + ": console errors");
        }
        browser.screenshot(SHOTS.resolve(name + "-" + language + "-" + PHONE + ".png"), PHONE, true);
        browser.screen(DESKTOP, 900, false);
    }

    /** The element that sticks out furthest to the right, to say what to fix. */
    private static String widest(HeadlessChromium browser) {
        return (String) browser.script("""
                var worst = null, right = 0;
                document.querySelectorAll('body *').forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  if (r.right > right && r.width > 0) { right = r.right; worst = e; }
                });
                return worst ? worst.tagName + '.' + worst.className + ' ' + Math.round(right) : '';""");
    }

    @Test
    void anExpiredSessionSignsInAgainAndComesBackToThePage() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("gov-beni-mellal", PASSWORD);
            browser.visit("/results?lang=ar");
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            assertThat(session).isNotNull();
            browser.driver().manage().deleteCookie(session);
            browser.driver().get("http://127.0.0.1:" + port + "/results?scope=province:05.091&lang=ar");
            assertThat(browser.currentPath()).startsWith("/login");
            browser.signIn("gov-beni-mellal", PASSWORD);
            assertThat(browser.currentPath()).startsWith("/results?scope=province:05.091&lang=ar");
        }
    }

    @Test
    void pagesRefuseInTheReadersLanguage() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("gov-beni-mellal", PASSWORD);
            browser.visit("/programme?lang=ar");
            assertThat(browser.all("h1").get(0).getText()).isEqualTo("الولوج مرفوض");
            assertThat((String) browser.script("return document.body.textContent")).doesNotContain("Whitelabel", "Forbidden");
            browser.visit("/results?scope=province:99.999&lang=fr");
            assertThat(browser.all("h1").get(0).getText()).isEqualTo("Demande incorrecte");
            browser.visit("/results?scope=province:05.081&lang=fr");
            assertThat(browser.all("h1").get(0).getText()).isEqualTo("Accès refusé");
            assertThat(browser.status("/results/data?scope=province:05.081")).as("what scripts fetch stays problem+json")
                    .isEqualTo(403);
        }
    }

    /**
     * A governor's province has no targets of its own: the results page judges it by the
     * programme's, says so, and gives each indicator's projection; the language link keeps the scope.
     */
    @Test
    void theGovernorsResultsFallBackToTheProgrammesTargets() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("gov-beni-mellal", PASSWORD);
            browser.visit("/results?scope=province:05.091&lang=fr");
            assertThat(browser.all("tr[data-indicator] .programme-target")).isNotEmpty()
                    .allSatisfy(mark -> assertThat(mark.getText()).isEqualTo("cible du programme"));
            assertThat(browser.all("tr[data-indicator] td.projection .status")).extracting(e -> e.getText())
                    .contains("Sera atteinte").doesNotContain("WILL_MEET", "WILL_MISS");
            assertThat(browser.all("a.language").get(0).getDomAttribute("href"))
                    .isEqualTo("/results?scope=province:05.091&lang=ar");
        }
    }
}
