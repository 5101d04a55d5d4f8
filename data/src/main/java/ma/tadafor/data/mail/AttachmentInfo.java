package ma.tadafor.data.mail;

/** What the outbox shows of an attachment: its name, type and size in bytes. */
public record AttachmentInfo(String name, String contentType, long size) {
}
