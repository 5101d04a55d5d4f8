package ma.tadafor.data.framework;

/**
 * An indicator of the results framework as programme managers define it (docs/INDICATORS.md):
 * how its actual is computed from the facts, or entered by hand.
 */
public record IndicatorDefinition(
        String code,
        String result,
        int sortOrder,
        String labelFr,
        String labelAr,
        String unit,
        String computation,
        String activityFilter,
        String shareFilter,
        boolean cumulative,
        String disaggregations,
        Double baseline) {
}
