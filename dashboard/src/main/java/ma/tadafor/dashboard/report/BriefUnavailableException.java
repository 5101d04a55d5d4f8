package ma.tadafor.dashboard.report;

/**
 * The brief cannot be printed now (Chromium missing, failing or too slow): answered 503 with the
 * message of {@code messageKey}, which says what to do.
 */
class BriefUnavailableException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    BriefUnavailableException(String messageKey, String detail, Object... arguments) {
        super(detail);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments;
    }
}
