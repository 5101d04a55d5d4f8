package ma.tadafor.dashboard.disclosure;

/**
 * An indicator's actual as it may be shown ({@link #value()} null when there is none or it is
 * suppressed), the status it gives against the target, and for a share its numerator and
 * denominator as published (null for other indicators).
 */
public record PublishedActual(Double value, boolean suppressed, String status, PublishedCount numerator,
                              PublishedCount denominator) {
}
