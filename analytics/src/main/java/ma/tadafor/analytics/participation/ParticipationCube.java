package ma.tadafor.analytics.participation;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The participation cube behind {@code GET /api/v1/participation}: participants and distinct
 * activities per commune, mechanism and month, for each of the 16 subsets of the cell dimensions
 * (gender, age band, disability, role).
 *
 * <p>Why these grouping sets and no more: an activity belongs to one commune, one mechanism and
 * one month, so distinct activities add up over territory, cohort, mechanism and time, and the API
 * rolls those up from the rows at query time. They do not add up over the cell dimensions (one
 * activity has women and men), so every subset of those is precomputed. {@code cell_set} is the
 * bit mask of the cell dimensions a row is grouped by (gender 1, age band 2, disability 4,
 * role 8); the others are null in that row.
 *
 * <p>How: per grouping set, the grain's cell codes are projected onto the set and grouped per
 * activity (no shuffle: the grain is partitioned by activity), which leaves one row per activity
 * and combination; those rows are then counted and summed per base, a shuffle of a small table.
 */
public final class ParticipationCube {

    public static final int ALL_CELL_DIMENSIONS = 15;

    private ParticipationCube() {
    }

    /**
     * @param grain the grain of {@link ParticipationGrain#finest}
     * @param bases the bases of {@link ParticipationGrain#bases}
     */
    public static Dataset<Row> of(Dataset<Row> grain, Dataset<Row> bases) {
        Dataset<Row> counted = null;
        for (int set = 0; set <= ALL_CELL_DIMENSIONS; set++) {
            // The grain has one row per activity and cell code already: the full set needs no per-activity step.
            Dataset<Row> perActivity = set == ALL_CELL_DIMENSIONS ? grain
                    : grain.groupBy(col("activity_key"), col("base_key"), CellCode.project(col("cell_code"), set).as("cell_code"))
                            .agg(sum("participants").as("participants"));
            Dataset<Row> rows = perActivity.groupBy(col("base_key"), col("cell_code"))
                    .agg(sum("participants").as("participants"), count(lit(1)).as("activities"))
                    .withColumn("cell_set", lit(set));
            counted = counted == null ? rows : counted.union(rows);
        }
        List<Column> output = new ArrayList<>(ParticipationGrain.BASE.stream().map(name -> col(name)).toList());
        output.add(col("cell_set"));
        for (int i = 0; i < ParticipationGrain.CELL_DIMENSIONS.size(); i++) {
            output.add(CellCode.decode(col("cell_code"), i).as(ParticipationGrain.CELL_DIMENSIONS.get(i)));
        }
        output.add(col("participants"));
        output.add(col("activities"));
        return counted.join(broadcast(bases), "base_key").select(output.toArray(Column[]::new));
    }
}
