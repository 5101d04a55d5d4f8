package ma.tadafor.dashboard.security;

import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.audit.AuditLog;
import ma.tadafor.data.user.UserStore;

/**
 * Counts failed sign-ins towards the lockout, clears the count on success, and audits browser
 * sign-ins and every failure (an API call authenticates on each request: its successes are not
 * audited one by one).
 */
@Component
class SignInEvents {

    private final UserStore users;
    private final AuditLog audit;
    private final SignInProperties.Lockout lockout;

    SignInEvents(UserStore users, AuditLog audit, SignInProperties security) {
        this.users = users;
        this.audit = audit;
        this.lockout = security.lockout();
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        audit.recordFor(null, "SIGN_IN_FAILED", username, event.getException().getClass().getSimpleName());
        if (event instanceof AuthenticationFailureBadCredentialsEvent
                && users.recordFailedSignIn(username, lockout.maxAttempts(), Instant.now().plus(lockout.duration()))) {
            audit.recordFor(null, "ACCOUNT_LOCKED", username, "after " + lockout.maxAttempts() + " failed sign-ins, for "
                    + lockout.duration());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user && user.account().failedAttempts() > 0) {
            users.recordSuccessfulSignIn(user.getUsername());
        }
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        audit.recordFor(event.getAuthentication().getName(), "SIGN_IN", event.getAuthentication().getName(), null);
    }
}
