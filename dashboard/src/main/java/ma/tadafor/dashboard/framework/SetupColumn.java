package ma.tadafor.dashboard.framework;

import java.util.List;

/**
 * A column of the set-up workbook. {@code key} names its header and format in the messages
 * ({@code programme.column.<key>}, {@code programme.format.<key>}) and its errors
 * ({@code programme.error.<key>}); {@code parameter} is the API parameter whose rule it follows.
 */
enum SetupColumn {
    INDICATOR("indicator", "code"),
    SCOPE("scope", "scope"),
    SEMESTER("semester", "semester"),
    TARGET("target", "target"),
    BASELINE("baseline", "baseline"),
    COMMUNE("commune", "code"),
    COHORT("cohort", "cohort"),
    JOINED("joined", "joined");

    private final String key;
    private final String parameter;

    SetupColumn(String key, String parameter) {
        this.key = key;
        this.parameter = parameter;
    }

    String key() {
        return key;
    }

    /** The column of {@code columns} whose rule a broken {@code parameter} belongs to. */
    static SetupColumn of(String parameter, List<SetupColumn> columns) {
        return columns.stream().filter(column -> column.parameter.equals(parameter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column follows " + parameter));
    }
}
