package ma.tadafor.dashboard.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import ma.tadafor.dashboard.DemoApplicationTest;

/**
 * A clerk chooses a file over the upload limit (10 MB by default) in a real headless Chromium: the
 * form says so in their language as soon as the file is chosen and is not sent; a file within the
 * limit makes it sendable again.
 */
class UploadLimitInBrowserTest extends DemoApplicationTest {

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        Path large = Files.createTempFile("activites-", ".csv");
        Path small = Files.createTempFile("activites-", ".csv");
        try (RandomAccessFile sparse = new RandomAccessFile(large.toFile(), "rw")) {
            sparse.setLength(11L * 1024 * 1024);
        }
        Files.writeString(small, "id;updatedAt\n");
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("focal-kasba-tadla", PASSWORD);
            for (String language : new String[] {"fr", "ar"}) {
                browser.visit("/imports?lang=" + language);
                WebDriver driver = browser.driver();
                WebElement file = driver.findElement(By.id("file"));
                file.sendKeys(large.toString());
                // the limit as every number is written: isolated, so that it reads right in Arabic
                assertThat(file.getDomProperty("validationMessage")).as(language)
                        .isEqualTo(language.equals("fr") ? "Le fichier dépasse la taille maximale de \u206810\u2069 Mo."
                                : "يتجاوز الملف الحجم الأقصى البالغ \u206810\u2069 ميغابايت.");

                assertThat(browser.script("return document.querySelector('form[enctype]').checkValidity()")).isEqualTo(false);
                browser.script("window.notSent = true");
                driver.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
                Thread.sleep(1000);
                assertThat(browser.script("return window.notSent === true")).as("the form was not sent: still the same document")
                        .isEqualTo(true);

                file.clear();
                file.sendKeys(small.toString());
                assertThat(file.getDomProperty("validationMessage")).as("a file within the limit").isEmpty();
                assertThat(browser.consoleErrors()).isEmpty();
            }
        } finally {
            Files.deleteIfExists(large);
            Files.deleteIfExists(small);
        }
    }
}
