package ma.tadafor.analytics.participation;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The participation cube behind {@code GET /api/v1/participation}: participants and distinct
 * activities per base (commune, mechanism and month) for each of the 16 subsets of the cell
 * dimensions (gender, age band, disability, role).
 *
 * <p>Why these grouping sets and no more: an activity belongs to one commune, one mechanism and
 * one month, so distinct activities add up over territory, cohort, mechanism and time, and the API
 * rolls those up from the rows at query time. They do not add up over the cell dimensions (one
 * activity has women and men), so every subset of those is precomputed. {@code cell_set} is the
 * bit mask of the cell dimensions a row is grouped by (gender 1, age band 2, disability 4,
 * role 8), and {@code cell_code} the row's values of those ({@link CellCode}, 0 for the others).
 *
 * <p>The cube is written as numbers only ({@code base_key, cell_set, cell_code} and the two
 * counts), beside the bases and the cell codes it refers to: at national scale it has tens of
 * millions of rows, and writing and loading four strings and eight base columns with each of them
 * took longer than computing them. The warehouse puts the three back together in a view.
 *
 * <p>How: the grain is partitioned by base, so each base is tallied whole in one partition
 * ({@link BaseTally}), its activities one after the other: no shuffle, and one pass over the grain
 * for all 16 sets. Spark's own operators need a hash aggregation per set (each activity's distinct
 * projections) and were 4–6× slower at 10 million cells (docs/BENCHMARKS.md).
 */
public final class ParticipationCube {

    public static final int ALL_CELL_DIMENSIONS = 15;

    private static final StructType TALLIED = new StructType()
            .add("base_key", DataTypes.IntegerType, false)
            .add("cell_set", DataTypes.IntegerType, false)
            .add("cell_code", DataTypes.IntegerType, false)
            .add("participants", DataTypes.LongType, false)
            .add("activities", DataTypes.LongType, false)
            .add("participants_key", DataTypes.IntegerType, false);

    private ParticipationCube() {
    }

    /** @param grain the grain of {@link ParticipationGrain#finest}, partitioned by base */
    public static Dataset<Row> of(Dataset<Row> grain) {
        return grain.select(col("base_key"), col("activity_key"), col("cell_code"), col("participants"), col("record_key"))
                .sortWithinPartitions(col("base_key"), col("activity_key"))
                .mapPartitions((MapPartitionsFunction<Row, Row>) ParticipationCube::tally, Encoders.row(TALLIED));
    }

    /**
     * The rows of the cube with their base's columns and their cell dimensions as values (null where
     * not grouped by): what the view {@code mart_participation} of the warehouse shows.
     *
     * @param cube  the cube of {@link #of}
     * @param bases the bases of {@link ParticipationGrain#bases}
     */
    public static Dataset<Row> decoded(Dataset<Row> cube, Dataset<Row> bases) {
        List<Column> output = new ArrayList<>(ParticipationGrain.BASE.stream().map(name -> col(name)).toList());
        output.add(col("cell_set"));
        for (int i = 0; i < ParticipationGrain.CELL_DIMENSIONS.size(); i++) {
            output.add(CellCode.decode(col("cell_code"), i).as(ParticipationGrain.CELL_DIMENSIONS.get(i)));
        }
        output.add(col("participants"));
        output.add(col("activities"));
        output.add(col("participants_key"));
        return cube.join(broadcast(bases), "base_key").select(output.toArray(Column[]::new));
    }

    /** Rows sorted by base and activity in, the cube's rows of each base out as soon as the base is complete. */
    private static Iterator<Row> tally(Iterator<Row> rows) {
        return new Iterator<>() {
            private final BaseTally tally = new BaseTally();
            private final List<Row> out = new ArrayList<>();
            private int next;
            private Row pending;

            @Override
            public boolean hasNext() {
                while (next == out.size()) {
                    if (pending == null && !rows.hasNext()) {
                        return false;
                    }
                    fillWithNextBase();
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return out.get(next++);
            }

            private void fillWithNextBase() {
                out.clear();
                next = 0;
                Row row = pending != null ? pending : rows.next();
                pending = null;
                int base = row.getInt(0);
                while (true) {
                    tally.add(row.getLong(1), row.getInt(2), row.getLong(3), row.getInt(4));
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                    if (row.getInt(0) != base) {
                        pending = row;
                        break;
                    }
                }
                tally.drain((set, code, participants, activities, participantsKey) ->
                        out.add(RowFactory.create(base, set, code, participants, activities, participantsKey)));
            }
        };
    }
}
