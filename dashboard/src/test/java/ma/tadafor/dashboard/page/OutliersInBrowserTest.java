package ma.tadafor.dashboard.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import ma.tadafor.dashboard.DemoApplicationTest;

/**
 * The data-quality page's outliers in a real headless Chromium: the demo's planted outliers listed
 * with their reason in French and in Arabic (right to left), the confirm and exclude forms for a
 * programme manager (posted with the page's CSRF token), none for a national analyst.
 */
class OutliersInBrowserTest extends DemoApplicationTest {

    @BeforeEach
    void marts() {
        awaitMarts();
    }

    @Test
    void aProgrammeManagerReadsTheOutliersInBothLanguagesAndConfirmsOne() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("enabel", PASSWORD);
            browser.open("/quality?lang=fr");
            assertThat(browser.all("#outliers h2").get(0).getText()).isEqualTo("Valeurs atypiques");
            List<WebElement> rows = browser.all("table.outliers tbody tr");
            assertThat(rows).as("the planted outliers are listed").isNotEmpty();
            assertThat(rows).extracting(WebElement::getText).anyMatch(text -> text.contains("médiane") && text.contains("participants"));
            assertThat(browser.all("table.outliers form button[value=CONFIRM]")).hasSameSizeAs(rows);
            assertThat(browser.all("table.outliers form button[value=EXCLUDE]")).isNotEmpty();
            assertThat(browser.consoleErrors()).isEmpty();

            browser.open("/quality?lang=ar");
            assertThat(browser.script("return document.documentElement.dir")).isEqualTo("rtl");
            assertThat(browser.all("#outliers h2").get(0).getText()).isEqualTo("القيم الشاذة");
            assertThat(browser.all("table.outliers tbody tr")).extracting(WebElement::getText)
                    .anyMatch(text -> text.contains("وسيط") && text.contains("قيد الفحص"));
            assertThat(browser.consoleErrors()).isEmpty();

            browser.open("/quality?lang=fr");
            WebElement flagged = browser.all("table.outliers tbody tr[data-status=FLAGGED]").get(0);
            String id = flagged.getDomAttribute("data-outlier");
            flagged.findElement(By.cssSelector("input[name=reason]")).sendKeys("Vérifié avec le point focal");
            flagged.findElement(By.cssSelector("button[value=CONFIRM]")).click();
            // The form posts, and the answer redirects to the page again, which says so once.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("p.notice")).isEmpty());
            assertThat(browser.all("p.notice")).extracting(WebElement::getText).contains(
                    "Décision enregistrée ; une exclusion prend effet à la prochaine actualisation des indicateurs.");
            WebElement decided = browser.driver().findElement(By.cssSelector("table.outliers tr[data-outlier='" + id + "']"));
            assertThat(decided.getDomAttribute("data-status")).isEqualTo("CONFIRMED");
            assertThat(decided.getText()).contains("Confirmé", "enabel : Vérifié avec le point focal");
        }
    }

    @Test
    void aNationalAnalystReadsTheListWithoutTheForms() {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("dgct", PASSWORD);
            browser.open("/quality?lang=fr");
            assertThat(browser.all("table.outliers tbody tr")).isNotEmpty();
            assertThat(browser.all("table.outliers form")).isEmpty();
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
