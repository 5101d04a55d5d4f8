package ma.tadafor.dashboard.export;

/**
 * Text that a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return
 * first) is prefixed with an apostrophe: a commune name or a title typed by anyone must never run
 * in an analyst's Excel (OWASP "CSV injection").
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
