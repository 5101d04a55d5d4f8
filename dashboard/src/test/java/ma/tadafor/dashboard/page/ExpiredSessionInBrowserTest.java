package ma.tadafor.dashboard.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import ma.tadafor.dashboard.DemoApplicationTest;

/**
 * A clerk's session expires while they fill in the import form: sending it leads to sign-in, and
 * signing in again back to the form with what they had typed, in a real headless Chromium. A page
 * opened by GET after expiry comes back after sign-in too.
 */
class ExpiredSessionInBrowserTest extends DemoApplicationTest {

    @Test
    void aFormSentAfterTheSessionExpiredComesBackFilledInAfterSignIn() throws Exception {
        Path file = Files.createTempFile("activites-", ".csv");
        Files.writeString(file, "id;updatedAt\n");
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("enabel", PASSWORD);
            browser.visit("/imports?lang=ar");
            WebDriver driver = browser.driver();
            driver.findElement(By.id("communeCode")).sendKeys("قصبة تادلة");
            new Select(driver.findElement(By.id("kind"))).selectByValue("INDH_PROJECTS");
            driver.findElement(By.id("file")).sendKeys(file.toString());
            driver.manage().deleteCookieNamed("JSESSIONID");

            driver.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/login"));
            assertThat(browser.currentPath()).startsWith("/login?expired").contains("continue=%2Fimports");
            assertThat(browser.all("p.notice").get(0).getText()).contains("انتهت صلاحية جلستك");

            driver.findElement(By.name("username")).sendKeys("enabel");
            driver.findElement(By.name("password")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(browser.script("return document.readyState")));

            assertThat(browser.currentPath()).as("back on the form, #kept consumed").isEqualTo("/imports?lang=ar");
            assertThat(driver.findElement(By.id("communeCode")).getDomProperty("value")).isEqualTo("قصبة تادلة");
            assertThat(driver.findElement(By.id("kind")).getDomProperty("value")).isEqualTo("INDH_PROJECTS");
            assertThat(browser.consoleErrors()).isEmpty();

            browser.visit("/imports");
            assertThat(driver.findElement(By.id("communeCode")).getDomProperty("value"))
                    .as("an ordinary visit does not fill the form in again").isEmpty();

            driver.manage().deleteCookieNamed("JSESSIONID");
            driver.get(driver.getCurrentUrl().replaceAll("/imports.*", "/committees?lang=fr"));
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/login"));
            driver.findElement(By.name("username")).sendKeys("enabel");
            driver.findElement(By.name("password")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
            assertThat(browser.currentPath()).as("a page opened by GET: the saved request").startsWith("/committees");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
