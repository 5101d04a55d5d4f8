package ma.tadafor.analytics.quality;

/**
 * When an item or a commune's semester is flagged as an outlier (docs/TRUST.md, "Outliers").
 *
 * @param zThreshold           an item is flagged when the robust z-score of its participants, against its
 *                             history, is beyond ± this (3.5: Iglewicz and Hoaglin's cut-off, also DHIS2's)
 * @param minHistory           the fewest items a commune × mechanism history needs to judge an item by; with
 *                             fewer, the province × mechanism history is used, and with fewer there too the
 *                             item is not judged
 * @param jumpFactor           a commune's semester total is flagged when above this many times the median of
 *                             its previous semesters' totals, or below that median divided by it
 * @param minPreviousSemesters the fewest previous semesters with participation a commune needs for the jump rule
 * @param lookbackSemesters    how many of the latest previous semesters the median is taken over, so that the
 *                             programme's growth does not read as a jump
 */
public record OutlierRules(double zThreshold, int minHistory, double jumpFactor, int minPreviousSemesters,
        int lookbackSemesters) {

    public static final OutlierRules DEFAULT = new OutlierRules(3.5, 8, 3.0, 2, 4);

    public OutlierRules {
        if (!(zThreshold > 0) || minHistory < 3 || !(jumpFactor > 1) || minPreviousSemesters < 1
                || lookbackSemesters < minPreviousSemesters) {
            throw new IllegalArgumentException("outlier rules need zThreshold > 0, minHistory >= 3, jumpFactor > 1, "
                    + "minPreviousSemesters >= 1 and lookbackSemesters >= minPreviousSemesters: " + zThreshold + ", " + minHistory
                    + ", " + jumpFactor + ", " + minPreviousSemesters + ", " + lookbackSemesters);
        }
    }
}
