package ma.tadafor.analytics.indicators;

import org.apache.spark.sql.Row;

/**
 * An indicator of the results framework as the warehouse defines it (docs/INDICATORS.md); the
 * filters are parsed once, so a definition that does not parse fails the run and names itself.
 */
public record Indicator(String code, Computation computation, IndicatorFilter filter, IndicatorFilter shareFilter,
                        boolean cumulative) {

    public enum Computation {
        COUNT_ACTIVITIES, COUNT_COMMUNES, SUM_PARTICIPANTS, SHARE_OF_PARTICIPANTS, SHARE_OF_ACTIVITIES,
        SUM_TADAFOR_FUNDING, MANUAL;

        boolean share() {
            return this == SHARE_OF_PARTICIPANTS || this == SHARE_OF_ACTIVITIES;
        }

        /** Computed from participation cells rather than from activities. */
        boolean ofCells() {
            return this == SUM_PARTICIPANTS || this == SHARE_OF_PARTICIPANTS;
        }
    }

    /** @param row a row of the snapshot's {@code indicator} table */
    public static Indicator of(Row row) {
        String code = row.getAs("code");
        try {
            return new Indicator(code, Computation.valueOf(row.getAs("computation")),
                    IndicatorFilter.parse(row.getAs("activity_filter")), IndicatorFilter.parse(row.getAs("share_filter")),
                    row.<Boolean>getAs("cumulative"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("indicator " + code + ": " + e.getMessage(), e);
        }
    }
}
