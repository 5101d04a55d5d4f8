package ma.tadafor.dashboard.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.dashboard.page.HeadlessChromium;
import ma.tadafor.data.mail.Attachment;
import ma.tadafor.data.mail.MailKind;
import ma.tadafor.data.mail.OutboxStore;
import ma.tadafor.data.mail.OutgoingMail;

/**
 * Mail in the demo and in the pages, in a real headless Chromium: the demo sends through its own
 * SMTP server on 127.0.0.1 and the administrator's outbox page shows what went, in French and in
 * Arabic (right to left); others do not see it; a user sets their subscriptions on the account page.
 */
class MailPagesTest extends DemoApplicationTest {

    @Autowired
    private OutboxStore outbox;
    @Autowired
    private OutboxSender sender;
    @Autowired
    private GreenMail demoSmtpServer;

    @Test
    void theDemoSendsThroughItsOwnLoopbackServerAndTheOutboxPageShowsWhatWent() throws Exception {
        assertThat(demoSmtpServer.getSmtp().getBindTo()).isEqualTo("127.0.0.1");
        String to = "lecteur-" + System.nanoTime() + "@example.ma";
        assertThat(outbox.queue(new OutgoingMail("TEST page " + to, MailKind.BRIEF, to, "fr", "Note d’essai pour la page",
                "corps", List.of(new Attachment("note-essai.pdf", BriefMailing.PDF,
                        "%PDF-1.4 essai".getBytes(StandardCharsets.US_ASCII)))), Instant.now())).isTrue();
        sender.sendDue();
        assertThat(Arrays.stream(demoSmtpServer.getReceivedMessages()).filter(m -> to(m).contains(to)))
                .as("in the demo's own mailbox").hasSize(1);

        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("admin", PASSWORD);
            for (String lang : List.of("fr", "ar")) {
                WebDriver page = browser.driver();
                page.get(uri("/admin/outbox?lang=" + lang).toString());
                WebElement row = page.findElements(By.cssSelector("table.outbox tbody tr")).stream()
                        .filter(r -> r.getText().contains(to)).findFirst().orElseThrow();
                assertThat(row.getDomAttribute("data-status")).isEqualTo("SENT");
                assertThat(row.getText()).contains("note-essai.pdf", "application/pdf", "Note d’essai pour la page");
                assertThat(row.findElement(By.cssSelector("td.status")).getText())
                        .isEqualTo(lang.equals("ar") ? "أُرسلت" : "envoyé");
                assertThat(browser.script("return document.documentElement.dir")).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
                assertThat(page.findElement(By.tagName("h1")).getText())
                        .isEqualTo(lang.equals("ar") ? "الرسائل المرسلة" : "Courriels envoyés");
                assertThat(page.findElements(By.cssSelector("nav a[href$='/admin/outbox']"))).as("in the menu").hasSize(1);
                assertThat(browser.consoleErrors()).as(lang).isEmpty();
            }
        }
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("enabel", PASSWORD);
            browser.driver().get(uri("/admin/outbox").toString());
            assertThat(browser.driver().findElements(By.cssSelector("table.outbox"))).as("not the programme manager's").isEmpty();
            assertThat(browser.driver().getPageSource()).doesNotContain(to);
            assertThat(browser.driver().findElements(By.cssSelector("nav a[href$='/admin/outbox']"))).isEmpty();
        }
    }

    @Test
    void aUserChoosesWhatTheyReceiveOnTheAccountPage() throws Exception {
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("gov-beni-mellal", PASSWORD);
            WebDriver page = browser.driver();
            page.get(uri("/account?lang=ar").toString());
            assertThat(browser.script("return document.documentElement.dir")).isEqualTo("rtl");
            WebElement email = page.findElement(By.id("subscription-email"));
            email.clear();
            email.sendKeys("cabinet.beni-mellal@example.ma");
            page.findElement(By.cssSelector("#subscription-lang option[value=ar]")).click();
            WebElement reminders = page.findElement(By.cssSelector("#subscriptions input[name=reminders]"));
            if (!reminders.isSelected()) {
                reminders.click();
            }
            page.findElement(By.cssSelector("#subscriptions button[type=submit]")).click();
            new WebDriverWait(page, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
            assertThat(page.findElement(By.cssSelector(".notice")).getText()).isEqualTo("تم حفظ اختياراتك.");
            assertThat(browser.consoleErrors()).isEmpty();
        }
        Map<String, Object> saved = object(get("/api/v1/me/subscriptions", "gov-beni-mellal"));
        assertThat(saved).containsEntry("email", "cabinet.beni-mellal@example.ma").containsEntry("lang", "ar")
                .containsEntry("reminders", true).containsEntry("briefs", false);
    }

    @Test
    void aGovernorKeepsHisMembersAddressesAndMailsTheBriefFromTheCommitteePage() throws Exception {
        var planned = send("POST", "/api/v1/committees/05.081/meetings", "gov-azilal", """
                {"kind": "EXTRAORDINARY", "mode": "REMOTE", "plannedOn": "2032-02-10"}""");
        assertThat(planned.statusCode()).isEqualTo(201);
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            browser.signIn("gov-azilal", PASSWORD);
            WebDriver page = browser.driver();
            page.get(uri("/committees/05.081?lang=ar").toString());
            String form = "form[action$='/committees/05.081/members'] ";
            page.findElement(By.cssSelector(form + "input[name=institution]")).sendKeys("جمعية المجتمع المدني");
            page.findElement(By.cssSelector(form + "select[name=role] option[value=NGO]")).click();
            page.findElement(By.cssSelector(form + "input[name=email]")).sendKeys("association.azilal@example.ma");
            page.findElement(By.cssSelector(form + "select[name=lang] option[value=ar]")).click();
            page.findElement(By.cssSelector(form + "button[type=submit]")).click();
            new WebDriverWait(page, Duration.ofSeconds(20)).until(d -> d.getPageSource().contains("association.azilal@example.ma"));

            page.get(uri("/committees/05.081?lang=ar").toString());
            WebElement member = page.findElements(By.cssSelector("tr")).stream()
                    .filter(row -> row.getText().contains("association.azilal@example.ma")).findFirst().orElseThrow();
            assertThat(member.getText()).contains("جمعية المجتمع المدني", "العربية");
            WebElement button = page.findElements(By.cssSelector("form[action$='/brief-mail'] button")).stream()
                    .filter(b -> b.findElement(By.xpath("ancestor::tr")).getText().contains("2032-02-10")).findFirst()
                    .orElseThrow();
            assertThat(button.getText()).isEqualTo("إرسال المذكرة إلى الأعضاء");
            button.click();
            // the committee page it comes back to says how many messages were queued
            new WebDriverWait(page, Duration.ofMinutes(3)).until(d -> !d.findElements(By.cssSelector("p.notice")).isEmpty());
            assertThat(page.findElement(By.cssSelector("p.notice")).getText()).matches(
                    "(Note mise en file d’envoi : [1-9]\\d* message\\(s\\)\\.|أُدرجت المذكرة في قائمة الإرسال: [1-9]\\d* رسالة\\.)");
            assertThat(browser.consoleErrors()).isEmpty();
        }
        assertThat(items(get("/api/v1/admin/outbox?size=500", "admin"))).anySatisfy(message -> {
            assertThat(message).containsEntry("to", "association.azilal@example.ma").containsEntry("kind", "BRIEF")
                    .containsEntry("lang", "ar");
            assertThat((String) message.get("subject")).contains("2032-02-10");
        });
    }

    private static String to(MimeMessage message) {
        try {
            return Arrays.toString(Arrays.stream(message.getAllRecipients()).map(Address::toString).toArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
