package ma.tadafor.data.mail;

/**
 * Where a message stands: queued and not yet tried ({@code PENDING}), delivered to the SMTP server
 * ({@code SENT}), refused or unreachable and to be tried again ({@code RETRYING}), or given up after
 * the last allowed attempt ({@code FAILED}, kept with its last error).
 */
public enum MailStatus {
    PENDING, SENT, RETRYING, FAILED
}
