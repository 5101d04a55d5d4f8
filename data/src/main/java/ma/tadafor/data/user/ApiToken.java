package ma.tadafor.data.user;

import java.time.Instant;

/** A personal API token as its owner sees it: never the secret, only its name and use. */
public record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
}
