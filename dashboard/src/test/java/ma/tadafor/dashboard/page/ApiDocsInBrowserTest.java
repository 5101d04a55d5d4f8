package ma.tadafor.dashboard.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import ma.tadafor.dashboard.DemoApplicationTest;

/** The OpenAPI page in a real browser, under its Content-Security-Policy: it draws every operation, and nothing is blocked. */
class ApiDocsInBrowserTest extends DemoApplicationTest {

    @Test
    void aSignedInUserReadsTheApiPageWithoutConsoleErrors() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("focal-kasba-tadla", PASSWORD);
            browser.driver().get("http://127.0.0.1:" + port + "/swagger-ui.html");

            new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                    .until(d -> d.findElements(By.cssSelector(".opblock")).size() > 30);
            assertThat(browser.all(".opblock-summary-path")).anySatisfy(path ->
                    assertThat(path.getText()).contains("/api/v1/convergence"));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
