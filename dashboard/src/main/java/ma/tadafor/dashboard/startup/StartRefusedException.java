package ma.tadafor.dashboard.startup;

/**
 * A start the configuration does not allow (a setting missing, a demo exposed beyond this machine):
 * reported as Spring Boot's short "APPLICATION FAILED TO START" with {@code action}, then the
 * process exits non-zero.
 */
public class StartRefusedException extends RuntimeException {

    private final String action;

    public StartRefusedException(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }
}
