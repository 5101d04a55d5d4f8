package ma.tadafor.dashboard.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * API tokens found valid, with their owner's authentication, for a minute. An analyst's script
 * calls the API many times a second, and checking the token and loading its owner were the
 * costliest part of each call. A revocation, and any change of what a user may do (role, scope,
 * disabled), empties it at once: the stores call {@link #forget()} once it is committed.
 * After a minute a token is checked again, which also marks it used (shown to the minute).
 */
@Component
public class TokenChecks {

    static final Duration KEPT_FOR = Duration.ofMinutes(1);

    private record Check(Authentication authentication, long atNanos) {
    }

    private final Map<String, Check> valid = new ConcurrentHashMap<>();
    private volatile long generation;

    /** The authentication of the token with this hash, checked by {@code check} unless checked within the minute. */
    Authentication authenticate(String tokenHash, Supplier<Authentication> check) {
        long now = System.nanoTime();
        Check kept = valid.get(tokenHash);
        if (kept != null && now - kept.atNanos() < KEPT_FOR.toNanos()) {
            return kept.authentication();
        }
        long checkedFrom = generation;
        // A failed check throws: only valid tokens are kept, so a flood of wrong ones keeps nothing.
        Authentication authentication = check.get();
        synchronized (this) {
            // Not if a change was committed meanwhile: the check may have read what it replaced.
            if (checkedFrom == generation) {
                valid.put(tokenHash, new Check(authentication, now));
            }
        }
        return authentication;
    }

    public synchronized void forget() {
        valid.clear();
        generation++;
    }
}
