package ma.tadafor.data.mail;

import java.time.Instant;
import java.util.List;

/** A message in the outbox with its state; the body and attachments' contents are read only to send it. */
public record OutboxMessage(long id, MailKind kind, String to, String lang, String subject, MailStatus status,
                            int attempts, Instant queuedAt, Instant nextAttemptAt, Instant sentAt, String lastError,
                            List<AttachmentInfo> attachments) {
}
