package ma.tadafor.dashboard.mail;

import java.time.Clock;
import java.time.Instant;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import ma.tadafor.data.mail.Attachment;
import ma.tadafor.data.mail.OutboxStore;
import ma.tadafor.data.mail.OutboxStore.DueMail;

/**
 * Sends the outbox's messages that are due over SMTP. A message the server refuses or cannot take
 * stays in the outbox as RETRYING and is tried again after a wait that doubles at each failure,
 * until {@code max-attempts}, after which it is FAILED with its last error: nothing is dropped
 * silently. One round at a time, so a message is never sent twice at once. Without an SMTP server
 * ({@code smtp} null: none configured) nothing is tried and messages stay PENDING.
 */
final class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    /** Messages read per round; the rest wait for the next one. */
    private static final int BATCH = 100;

    private final OutboxStore outbox;
    private final JavaMailSender smtp;
    private final MailProperties properties;
    private final Clock clock;

    OutboxSender(OutboxStore outbox, JavaMailSender smtp, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.properties = properties;
        this.clock = clock;
    }

    /** Tries every message due; answers how many were sent. */
    synchronized int sendDue() {
        if (smtp == null) {
            return 0;
        }
        int sent = 0;
        for (DueMail mail : outbox.due(clock.instant(), BATCH)) {
            int attempt = mail.attempts() + 1;
            try {
                smtp.send(message(mail));
                outbox.sent(mail.id(), attempt, clock.instant());
                sent++;
            } catch (MailException | MessagingException e) {
                Instant next = attempt >= properties.maxAttempts() ? null
                        : clock.instant().plus(properties.backoff(attempt));
                outbox.failed(mail.id(), attempt, reason(e), next);
                log.warn("Message {} to {} not sent (attempt {}), {}: {}", mail.id(), mail.to(), attempt,
                        next == null ? "given up" : "tried again at " + next, reason(e));
            }
        }
        return sent;
    }

    private MimeMessage message(DueMail mail) throws MessagingException {
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, !mail.attachments().isEmpty(), "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        for (Attachment attachment : mail.attachments()) {
            helper.addAttachment(attachment.name(), new ByteArrayResource(attachment.content()), attachment.contentType());
        }
        return message;
    }

    /** The failure as the outbox keeps it: the deepest cause says what the server or network did. */
    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > 1_000 ? text.substring(0, 1_000) : text;
    }
}
