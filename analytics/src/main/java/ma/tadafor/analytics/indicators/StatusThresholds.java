package ma.tadafor.analytics.indicators;

/**
 * When an actual is on track: its ratio to the target is at least {@code onTrack}; at risk: at
 * least {@code atRisk}; otherwise off track. A target of zero is met by any actual.
 */
public record StatusThresholds(double onTrack, double atRisk) {

    public static final StatusThresholds DEFAULT = new StatusThresholds(0.9, 0.6);

    public StatusThresholds {
        if (!(atRisk >= 0 && atRisk <= onTrack)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= atRisk <= onTrack: " + atRisk + ", " + onTrack);
        }
    }
}
