package ma.tadafor.dashboard.framework;

import java.util.List;

/** A data sheet of the set-up workbook; {@code key} names it in the messages ({@code programme.sheet.<key>}). */
enum SetupSheet {
    TARGETS("targets", List.of(SetupColumn.INDICATOR, SetupColumn.SCOPE, SetupColumn.SEMESTER, SetupColumn.TARGET)),
    BASELINES("baselines", List.of(SetupColumn.INDICATOR, SetupColumn.BASELINE)),
    COMMUNES("communes", List.of(SetupColumn.COMMUNE, SetupColumn.COHORT, SetupColumn.JOINED));

    private final String key;
    private final List<SetupColumn> columns;

    SetupSheet(String key, List<SetupColumn> columns) {
        this.key = key;
        this.columns = columns;
    }

    String key() {
        return key;
    }

    /** Every column is required. */
    List<SetupColumn> columns() {
        return columns;
    }
}
