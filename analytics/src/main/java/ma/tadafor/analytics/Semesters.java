package ma.tadafor.analytics;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;

/** The programme reports by semester: {@code 2024S1} is January–June 2024, {@code 2024S2} July–December. */
public final class Semesters {

    private Semesters() {
    }

    public static Column semesterOf(Column date) {
        return concat(year(date).cast("string"), when(month(date).leq(6), lit("S1")).otherwise(lit("S2")));
    }
}
