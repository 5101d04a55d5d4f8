package ma.tadafor.dashboard.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import ma.tadafor.analytics.quality.OutlierRules;

/**
 * When a refresh flags an outlier (docs/TRUST.md, "Outliers"; the rules themselves:
 * {@link OutlierRules}). A wrong combination stops the application at start, naming the rule.
 *
 * @param zThreshold           an item is flagged beyond ± this robust z-score (3.5: Iglewicz and Hoaglin, DHIS2)
 * @param minHistory           items of the commune and mechanism needed to judge an item, else its province's
 * @param jumpFactor           a commune semester is flagged above this many times the median of its previous
 *                             semesters, or below that median divided by it
 * @param minPreviousSemesters previous semesters with participation needed for the jump rule
 * @param lookbackSemesters    how many of the latest previous semesters that median is taken over
 */
@ConfigurationProperties("tadafor.outliers")
public record OutlierProperties(
        @DefaultValue("3.5") double zThreshold,
        @DefaultValue("8") int minHistory,
        @DefaultValue("3.0") double jumpFactor,
        @DefaultValue("2") int minPreviousSemesters,
        @DefaultValue("4") int lookbackSemesters) {

    public OutlierRules rules() {
        return new OutlierRules(zThreshold, minHistory, jumpFactor, minPreviousSemesters, lookbackSemesters);
    }
}
