package ma.tadafor.dashboard.disclosure;

/**
 * A count of participants as it may be shown: exact for an administrator, else perturbed and
 * suppressed under 5 ({@link #value()} null). The perturbed value of a suppressed count stays in
 * here, for the status it implies, and is never shown.
 */
public record PublishedCount(long perturbed, boolean suppressed) {

    public static final PublishedCount ZERO = new PublishedCount(0, false);
    /** How a suppressed count reads on pages, in tables and files. */
    public static final String SUPPRESSED = "< 5";

    /** The count to show, or null when suppressed. */
    public Long value() {
        return suppressed ? null : perturbed;
    }

    /** The count for a page's table or a file: the number, or "< 5". */
    public Object shown() {
        return suppressed ? SUPPRESSED : perturbed;
    }

    /** The count to add into a sum shown beside it: a suppressed count adds nothing. */
    public long shownOrZero() {
        return suppressed ? 0 : perturbed;
    }

    /** {@code part} as a percentage of {@code whole}, null when either is suppressed or the whole is 0. */
    public static Double percent(PublishedCount part, PublishedCount whole) {
        if (part.suppressed || whole.suppressed || whole.perturbed <= 0) {
            return null;
        }
        return part.perturbed * 100.0 / whole.perturbed;
    }
}
