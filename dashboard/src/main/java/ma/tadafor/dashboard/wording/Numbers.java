package ma.tadafor.dashboard.wording;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the dashboard writes a number, in French and in Arabic alike, as Moroccan administrations
 * do: Western digits, groups of three separated by a narrow no-break space (U+202F), a decimal
 * comma ("3 052", "12,5 %"). Each number is wrapped in Unicode isolates (U+2068 … U+2069) so that
 * right-to-left text never reorders its groups ("3 052" stays "3 052", not "052 3"). Files carry
 * raw numbers, not these; the charts write the same way in the browser ({@code charts.js}).
 */
public final class Numbers {

    /** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: digits alone resolve left to right inside them. */
    public static final char ISOLATE = '\u2068';
    public static final char POP = '\u2069';
    public static final char GROUP = '\u202F';
    /** What a missing figure reads. */
    public static final String NONE = "–";

    private Numbers() {
    }

    /** {@code value} rounded to {@code decimals} places, decimals always shown ("0,50" for 2). */
    public static String decimal(Number value, int decimals) {
        if (value == null) {
            return NONE;
        }
        BigDecimal rounded = new BigDecimal(value.toString()).setScale(decimals, RoundingMode.HALF_UP);
        String digits = rounded.abs().toPlainString();
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(GROUP);
            }
            grouped.append(whole.charAt(i));
        }
        if (point >= 0) {
            grouped.append(',').append(digits.substring(point + 1));
        }
        return isolated((rounded.signum() < 0 ? "-" : "") + grouped);
    }

    public static String count(long value) {
        return decimal(value, 0);
    }

    /** "12,5 %". */
    public static String percent(Number value) {
        return value == null ? NONE : decimal(value, 1) + "\u00A0%";
    }

    /** "+2,5 pts" style: a signed change with its unit. */
    public static String change(Number value, String unit) {
        if (value == null) {
            return NONE;
        }
        String shown = decimal(value, 1);
        return (value.doubleValue() >= 0 ? isolated("+" + strip(shown)) : shown) + unit;
    }

    /** An indicator's value in its unit: a share with one decimal, a count or amount whole unless it has tenths. */
    public static String figure(Number value, String unit) {
        if (value == null) {
            return NONE;
        }
        if ("percent".equals(unit)) {
            return decimal(value, 1);
        }
        double tenths = Math.round(value.doubleValue() * 10) / 10.0;
        return tenths == Math.rint(tenths) ? decimal(Math.round(tenths), 0) : decimal(tenths, 1);
    }

    /** {@code text} between isolates: for a code or a semester read inside right-to-left text. */
    public static String isolated(String text) {
        return ISOLATE + text + POP;
    }

    private static String strip(String isolated) {
        return isolated.substring(1, isolated.length() - 1);
    }
}
