package ma.tadafor.dashboard.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import ma.tadafor.data.audit.AuditStore;

/**
 * Records who did what from where: the signed-in user and the client's address are taken from
 * the current request, so callers only say what happened.
 */
@Component
public class AuditLog {

    private final AuditStore store;

    AuditLog(AuditStore store) {
        this.store = store;
    }

    public void record(String action, String target, String detail) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String username = authentication == null || !authentication.isAuthenticated() ? null : authentication.getName();
        recordFor(username, action, target, detail);
    }

    /** For events where the request's user is not (yet) the one concerned, such as a failed sign-in. */
    public void recordFor(String username, String action, String target, String detail) {
        store.append(username, action, target, detail, origin());
    }

    private static String origin() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return request.getRequest().getRemoteAddr();
        }
        return null;
    }
}
