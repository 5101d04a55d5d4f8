package ma.tadafor.data.audit;

import java.time.Instant;

/** Who did what, when and from where. {@code username} is null for an anonymous attempt. */
public record AuditEvent(long id, Instant occurredAt, String username, String action, String target, String detail,
                         String origin) {
}
