package ma.tadafor.data.mail;

/** A file sent with a message. */
public record Attachment(String name, String contentType, byte[] content) {

    public AttachmentInfo info() {
        return new AttachmentInfo(name, contentType, content.length);
    }
}
