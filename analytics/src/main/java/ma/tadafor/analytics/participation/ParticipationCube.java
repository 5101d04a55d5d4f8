package ma.tadafor.analytics.participation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
 */
public final class ParticipationCube {

    public static final List<String> BASE = List.of("commune_code", "province_code", "region_code", "cohort",
            "mechanism", "month", "year", "semester");
    public static final int ALL_CELL_DIMENSIONS = 15;

    private ParticipationCube() {
    }

    /** @param grain the table of {@link ParticipationGrain#finest} */
    public static Dataset<Row> of(Dataset<Row> grain) {
        Dataset<Row> cube = null;
        for (int set = 0; set <= ALL_CELL_DIMENSIONS; set++) {
            List<String> dimensions = dimensions(set);
            List<String> perActivityKeys = new ArrayList<>(List.of("source_id", "item_id"));
            perActivityKeys.addAll(BASE);
            perActivityKeys.addAll(dimensions);
            // One row per activity and combination of this set's dimensions, then count those rows.
            Dataset<Row> perActivity = grain.groupBy(columns(perActivityKeys.stream()))
                    .agg(sum("participants").as("participants"));
            Dataset<Row> rolled = perActivity.groupBy(columns(Stream.concat(BASE.stream(), dimensions.stream())))
                    .agg(sum("participants").as("participants"), count(lit(1)).as("activities"));
            List<Column> output = new ArrayList<>(BASE.stream().map(name -> col(name)).toList());
            output.add(lit(set).as("cell_set"));
            for (String dimension : ParticipationGrain.CELL_DIMENSIONS) {
                output.add(dimensions.contains(dimension) ? col(dimension) : lit(null).cast("string").as(dimension));
            }
            output.add(col("participants"));
            output.add(col("activities"));
            Dataset<Row> rows = rolled.select(output.toArray(Column[]::new));
            cube = cube == null ? rows : cube.union(rows);
        }
        return cube;
    }

    /** The cell dimensions of grouping set {@code set}. */
    public static List<String> dimensions(int set) {
        List<String> dimensions = new ArrayList<>();
        for (int bit = 0; bit < ParticipationGrain.CELL_DIMENSIONS.size(); bit++) {
            if ((set & (1 << bit)) != 0) {
                dimensions.add(ParticipationGrain.CELL_DIMENSIONS.get(bit));
            }
        }
        return dimensions;
    }

    private static Column[] columns(Stream<String> names) {
        return names.map(name -> col(name)).toArray(Column[]::new);
    }
}
