package ma.tadafor.dashboard.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused unchecked, because its account or its address must wait after failed ones. */
class SignInThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    SignInThrottledException(Duration retryAfter) {
        super("too many failed sign-ins");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up: a client that waits this long is not refused again for the same failures. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
