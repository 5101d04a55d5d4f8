package ma.tadafor.dashboard.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.springframework.stereotype.Service;

import ma.tadafor.data.Checksums;
import ma.tadafor.data.user.ApiTokenStore;

/**
 * Personal API tokens: 32 random bytes shown once to their owner, stored as a SHA-256 hash. A
 * fast hash is right here (unlike for passwords): the secret has 256 bits of entropy, so it
 * cannot be guessed from its hash, and each API request checks it.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "tdf_";

    private final ApiTokenStore store;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenStore store) {
        this.store = store;
    }

    /** Creates a token and returns its secret, which is never shown again. */
    public IssuedToken issue(String username, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = store.create(username, name, Checksums.sha256(secret));
        return new IssuedToken(id, name, secret);
    }

    Optional<String> owner(String secret) {
        return secret.startsWith(PREFIX) ? store.use(Checksums.sha256(secret)) : Optional.empty();
    }

    /** What the owner sees once, when the token is created. */
    public record IssuedToken(long id, String name, String token) {
    }
}
