package ma.tadafor.data.mart;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An indicator's actual as the indicator mart computed it (null: none), with the terms of a share
 * and, for indicators made of participant counts, the cell keys the disclosure layer protects them
 * with: {@code numeratorKey} is that of a count's actual or of a share's numerator,
 * {@code denominatorKey} that of a share's denominator. Both null for indicators that count no
 * person (activities, communes, amounts, values entered by hand).
 */
public record IndicatorActual(Double value, Double numerator, Double denominator, Integer numeratorKey,
                              Integer denominatorKey) {

    public static final IndicatorActual NONE = new IndicatorActual(null, null, null, null, null);

    /** Whether the refresh computed an actual (or someone entered one). */
    public boolean known() {
        return value != null;
    }

    /** Whether the actual is made of participant counts. */
    public boolean ofParticipants() {
        return numeratorKey != null;
    }

    /** Whether it is a share (percent) of two counts rather than a count. */
    public boolean share() {
        return denominatorKey != null || denominator != null;
    }

    /** The mart's columns {@code actual, numerator, denominator, numerator_key, denominator_key} from {@code first} on. */
    static IndicatorActual read(ResultSet rows, int first) throws SQLException {
        return new IndicatorActual(rows.getObject(first, Double.class), rows.getObject(first + 1, Double.class),
                rows.getObject(first + 2, Double.class), rows.getObject(first + 3, Integer.class),
                rows.getObject(first + 4, Integer.class));
    }
}
