package ma.tadafor.dashboard.disclosure;

/**
 * An indicator's actual as it may be shown ({@link #value()} null when there is none or it is
 * suppressed) and the status it gives against the target.
 */
public record PublishedActual(Double value, boolean suppressed, String status) {
}
