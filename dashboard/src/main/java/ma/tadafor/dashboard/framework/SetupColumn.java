package ma.tadafor.dashboard.framework;

/**
 * A column of the set-up workbook. {@code key} names its header and format in the messages
 * ({@code programme.column.<key>}, {@code programme.format.<key>}) and its errors
 * ({@code programme.error.<key>}, as the page's fields of the same name).
 */
enum SetupColumn {
    INDICATOR("indicator"),
    SCOPE("scope"),
    SEMESTER("semester"),
    TARGET("target"),
    BASELINE("baseline"),
    COMMUNE("commune"),
    COHORT("cohort"),
    JOINED("joined");

    private final String key;

    SetupColumn(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
