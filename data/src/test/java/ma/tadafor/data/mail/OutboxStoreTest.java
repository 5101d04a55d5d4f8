package ma.tadafor.data.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.TestWarehouse;
import ma.tadafor.data.mail.OutboxStore.DueMail;

class OutboxStoreTest {

    private static final Instant NOW = Instant.parse("2025-01-06T07:00:00Z");

    @TempDir
    static Path folder;

    static HikariDataSource warehouse;
    static OutboxStore outbox;

    @BeforeAll
    static void load() {
        warehouse = TestWarehouse.withReferenceData(folder);
        outbox = new OutboxStore(warehouse);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void aMessageIsQueuedOnceWithItsAttachmentsAndKeepsEachAttemptsOutcome() {
        byte[] pdf = "%PDF-1.4 brief".getBytes(StandardCharsets.US_ASCII);
        OutgoingMail brief = new OutgoingMail("BRIEF meeting:1 to:a@example.ma", MailKind.BRIEF, "a@example.ma", "ar",
                "Note", "corps", List.of(new Attachment("note-ar.pdf", "application/pdf", pdf)));
        assertThat(outbox.queue(brief, NOW)).isTrue();
        assertThat(outbox.queue(brief, NOW.plusSeconds(60))).as("the same key again").isFalse();

        DueMail due = outbox.due(NOW, 10).stream().filter(m -> m.to().equals("a@example.ma")).findFirst().orElseThrow();
        assertThat(due.attachments()).singleElement().satisfies(a -> assertThat(a.content()).isEqualTo(pdf));

        outbox.failed(due.id(), 1, "ConnectException: Connection refused", NOW.plus(Duration.ofMinutes(1)));
        assertThat(outbox.due(NOW.plusSeconds(30), 10)).as("waiting for its retry").noneMatch(m -> m.id() == due.id());
        assertThat(outbox.due(NOW.plusSeconds(60), 10)).anySatisfy(m -> {
            assertThat(m.id()).isEqualTo(due.id());
            assertThat(m.attempts()).isEqualTo(1);
        });
        OutboxMessage retrying = message(due.id());
        assertThat(retrying.status()).isEqualTo(MailStatus.RETRYING);
        assertThat(retrying.lastError()).contains("Connection refused");

        outbox.sent(due.id(), 2, NOW.plusSeconds(61));
        OutboxMessage sent = message(due.id());
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.sentAt()).isEqualTo(NOW.plusSeconds(61));
        assertThat(sent.attachments()).containsExactly(new AttachmentInfo("note-ar.pdf", "application/pdf", pdf.length));
        assertThat(outbox.due(NOW.plus(Duration.ofDays(1)), 10)).noneMatch(m -> m.id() == due.id());
    }

    @Test
    void aMessageGivenUpIsNeverDueAgainAndThePageIsNewestFirst() {
        outbox.queue(new OutgoingMail("ALERT x to:b@example.ma", MailKind.ALERT, "b@example.ma", "fr", "Alerte", "corps",
                List.of()), NOW.plusSeconds(1));
        long id = outbox.due(NOW.plusSeconds(1), 10).stream().filter(m -> m.to().equals("b@example.ma")).findFirst()
                .orElseThrow().id();
        outbox.failed(id, 6, "SMTPSendFailedException: 550 rejected", null);
        assertThat(message(id).status()).isEqualTo(MailStatus.FAILED);
        assertThat(outbox.due(NOW.plus(Duration.ofDays(365)), 10)).noneMatch(m -> m.id() == id);

        outbox.queue(new OutgoingMail("ALERT y to:c@example.ma", MailKind.ALERT, "c@example.ma", "fr", "Plus récente",
                "corps", List.of()), NOW.plusSeconds(3600));
        assertThat(outbox.page(0, 1)).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo("c@example.ma"));
    }

    private static OutboxMessage message(long id) {
        return outbox.page(0, 1_000).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }
}
