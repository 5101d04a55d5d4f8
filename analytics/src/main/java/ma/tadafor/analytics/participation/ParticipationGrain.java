package ma.tadafor.analytics.participation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import ma.tadafor.analytics.Semesters;

/**
 * Participation at its finest grain: one row per commune, mechanism, semester and
 * (gender, age band, disability, role). Every roll-up the dashboard needs is a cheap aggregation
 * of this small table, which is why the big cell table is grouped once, here, and not per
 * grouping set.
 */
public final class ParticipationGrain {

    public static final String UNKNOWN = "UNKNOWN";

    private ParticipationGrain() {
    }

    /**
     * @param activities the snapshot's {@code activity} table
     * @param cells      the snapshot's {@code participation_cell} table
     */
    public static Dataset<Row> finest(Dataset<Row> activities, Dataset<Row> cells) {
        Dataset<Row> dated = activities
                .select(col("source_id"), col("item_id"), col("commune_code"), col("mechanism"),
                        year(col("start_date")).as("year"), Semesters.semesterOf(col("start_date")).as("semester"));
        return cells.join(dated, new String[] {"source_id", "item_id"})
                .withColumn("disability", when(col("disability").isNull(), lit(UNKNOWN))
                        .when(col("disability"), lit("YES")).otherwise(lit("NO")))
                .withColumn("semester", coalesce(col("semester"), lit(UNKNOWN)))
                .groupBy("commune_code", "mechanism", "year", "semester", "gender", "age_band", "disability", "role")
                .agg(sum("participants").as("participants"), count(lit(1)).as("cells"));
    }
}
