package ma.tadafor.dashboard.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.audit.AuditLog;

/**
 * Audits browser sign-ins, every failure and every wait the throttle starts (an API call
 * authenticates on each request: its successes are not audited one by one). A sign-in is answered
 * whether or not its audit could be written: a busy warehouse must not turn a wrong password
 * into a 500, nor a right one into a refusal.
 */
@Component
class SignInEvents {

    private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

    private final AuditLog audit;

    SignInEvents(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        record(null, "SIGN_IN_FAILED", event.getAuthentication().getName(), event.getException().getClass().getSimpleName());
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        record(event.getAuthentication().getName(), "SIGN_IN", event.getAuthentication().getName(), null);
    }

    void throttled(SignInThrottle.Throttling throttling) {
        record(null, "SIGN_IN_THROTTLED", throttling.key(), "after " + throttling.failures() + " failed sign-ins, "
                + "the next is checked in " + throttling.delay().toSeconds() + " s");
    }

    private void record(String username, String action, String target, String detail) {
        try {
            audit.recordFor(username, action, target, detail);
        } catch (RuntimeException e) {
            log.warn("Could not audit {} of {}: {}", action, target, e.getMessage());
        }
    }
}
