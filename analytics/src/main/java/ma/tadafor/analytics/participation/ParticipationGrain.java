package ma.tadafor.analytics.participation;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import ma.tadafor.analytics.Activities;
import ma.tadafor.analytics.disclosure.RecordKeys;

/**
 * Participation at its finest grain: the cells, each with its activity and the activity's base
 * (commune, mechanism, month) as numbers, its values as one cell code ({@link CellCode}) and its
 * record key for disclosure control ({@link RecordKeys}). Every
 * mart is a roll-up of this narrow, all-numeric table, which is why the big cell table is read once,
 * here. The cells are partitioned by base: an activity has one base, so a base's activities share a
 * partition and every later aggregation per base or per activity (grouped with its base) keeps that
 * partitioning: the big table is shuffled once. They are not grouped per activity and cell code:
 * a portal rarely sends one cell twice, so grouping kept nearly every row and cost a third of the
 * participation cube's time, and every roll-up sums them anyway. They are sorted by base and
 * activity, the order the cube's tally reads them in, so that sort is done once, before caching.
 */
public final class ParticipationGrain {

    public static final String UNKNOWN = "UNKNOWN";
    public static final List<String> CELL_DIMENSIONS = List.of("gender", "age_band", "disability", "role");
    /** What a row of the cube is grouped by besides the cell dimensions: all functions of the base. */
    public static final List<String> BASE = List.of("commune_code", "province_code", "region_code", "cohort",
            "mechanism", "month", "year", "semester");

    private ParticipationGrain() {
    }

    /**
     * The distinct bases of the activities, numbered after {@code offset} (the bases an incremental
     * refresh keeps are numbered up to it): {@code base_key} and the {@link #BASE} columns.
     */
    public static Dataset<Row> bases(Dataset<Row> activities, int offset) {
        Column[] base = BASE.stream().map(name -> col(name)).toArray(Column[]::new);
        return activities.select(base).distinct()
                .withColumn("base_key", row_number().over(Window.orderBy(base)).plus(offset).cast("int"));
    }

    /**
     * @param activities activities with {@code activity_key} and the base columns
     * @param bases      the bases of {@link #bases}
     * @param cells      the snapshot's {@code participation_cell} table
     * @param secret     the deployment's disclosure secret ({@link RecordKeys})
     * @return {@code activity_key, base_key, cell_code, participants, record_key}, sorted by base and activity
     *         within partitions
     */
    public static Dataset<Row> finest(Dataset<Row> activities, Dataset<Row> bases, Dataset<Row> cells, String secret) {
        Dataset<Row> keys = activities.as("a").join(bases.as("b"), col("a.commune_code").equalTo(col("b.commune_code"))
                                .and(col("a.mechanism").equalTo(col("b.mechanism")))
                                .and(col("a.month").eqNullSafe(col("b.month"))), "inner")
                .select(col("activity_key"), col("base_key"));
        // Unknown disability is data: it gets its own value, like gender U and age UNKNOWN.
        Column disability = when(col("disability").isNull(), lit(UNKNOWN)).when(col("disability"), lit("YES"))
                .otherwise(lit("NO"));
        return cells.select(Activities.key().as("activity_key"),
                        CellCode.encode(List.of(col("gender"), col("age_band"), disability, col("role"))).as("cell_code"),
                        col("participants").cast("long").as("participants"))
                .withColumn("record_key", RecordKeys.ofCell(secret))
                // Broadcast: the activities' two numbers are small beside the cells.
                .join(broadcast(keys), "activity_key")
                .repartition(col("base_key"))
                .sortWithinPartitions(col("base_key"), col("activity_key"));
    }
}
