package ma.tadafor.data.mail;

import java.util.List;

/**
 * A message to queue. {@code dedupKey} names what it is about and for whom (e.g.
 * {@code BRIEF meeting:12 to:x@example.ma}): a key already in the outbox is not queued again.
 */
public record OutgoingMail(String dedupKey, MailKind kind, String to, String lang, String subject, String body,
                           List<Attachment> attachments) {
}
