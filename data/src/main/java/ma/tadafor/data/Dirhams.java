package ma.tadafor.data;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in Moroccan dirhams are stored with two decimals (DECIMAL(…, 2)). */
public final class Dirhams {

    private Dirhams() {
    }

    /** The amount at the warehouse's scale (DuckDB's appender wants the column's exact scale). */
    public static BigDecimal stored(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
