package ma.tadafor.analytics.participation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Participation at its finest grain: one row per activity and (gender, age band, disability, role),
 * carrying the activity's attributes. Every mart is a roll-up of this table, which is why the big
 * cell table is joined and grouped once, here. The cells are partitioned by activity (source, item)
 * before the join, and every later grouping keeps the activity's key: the big table is shuffled
 * once, and the cube's per-activity roll-ups need no shuffle of their own.
 */
public final class ParticipationGrain {

    public static final String UNKNOWN = "UNKNOWN";
    /** The activity's attributes the grain carries. */
    public static final List<String> ACTIVITY_COLUMNS = List.of("source_id", "item_id", "commune_code", "province_code",
            "region_code", "cohort", "mechanism", "status", "theme", "initiator", "indh_linked", "month", "year", "semester");
    public static final List<String> CELL_DIMENSIONS = List.of("gender", "age_band", "disability", "role");

    private ParticipationGrain() {
    }

    /**
     * @param activities the activities of {@link ma.tadafor.analytics.Activities#enriched}
     * @param cells      the snapshot's {@code participation_cell} table
     */
    public static Dataset<Row> finest(Dataset<Row> activities, Dataset<Row> cells) {
        Dataset<Row> labelled = cells.repartition(col("source_id"), col("item_id"))
                // Unknown disability is data: it gets its own value, like gender U and age UNKNOWN.
                .withColumn("disability", when(col("disability").isNull(), lit(UNKNOWN))
                        .when(col("disability"), lit("YES")).otherwise(lit("NO")));
        Column[] keys = Stream.concat(ACTIVITY_COLUMNS.stream(), CELL_DIMENSIONS.stream())
                .map(name -> col(name)).toArray(Column[]::new);
        return labelled.join(activities.select(ACTIVITY_COLUMNS.stream().map(name -> col(name)).toArray(Column[]::new)),
                        new String[] {"source_id", "item_id"}, "inner")
                .groupBy(keys)
                .agg(sum("participants").as("participants"));
    }
}
