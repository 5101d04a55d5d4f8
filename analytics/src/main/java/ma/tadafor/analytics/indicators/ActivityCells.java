package ma.tadafor.analytics.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Per activity, what its participation cells bring to the indicators' cell conditions: for each
 * {@link Measure}, the participants of the cells passing it ({@code SUM}) or whether any cell
 * passes it ({@code ANY}), null when none does. The grain is partitioned by base and an activity
 * has one base, so each partition holds its activities whole: they are tallied in a hash table,
 * one pass over the cells for every measure, a condition being a table lookup of the cell's code.
 * Spark's own aggregation evaluated one {@code isin} per measure and cell and hashed each row.
 */
final class ActivityCells {

    /** The largest cell code ({@link ma.tadafor.analytics.participation.CellCode}: four digits) plus one. */
    private static final int CODES = 10_000;

    enum Kind { SUM, ANY }

    /**
     * One output column.
     *
     * @param codes the cell codes passing the condition; null: every cell passes
     */
    record Measure(String name, Kind kind, Object[] codes) {
    }

    private ActivityCells() {
    }

    /** @param grain {@code activity_key, base_key, cell_code, participants}, partitioned by base */
    static Dataset<Row> of(Dataset<Row> grain, List<Measure> measures) {
        StructType schema = new StructType().add("activity_key", DataTypes.LongType, false);
        boolean[][] passes = new boolean[measures.size()][];
        boolean[] sums = new boolean[measures.size()];
        for (int m = 0; m < measures.size(); m++) {
            Measure measure = measures.get(m);
            schema = schema.add(measure.name(), measure.kind() == Kind.SUM ? DataTypes.LongType : DataTypes.BooleanType, true);
            sums[m] = measure.kind() == Kind.SUM;
            passes[m] = new boolean[CODES];
            if (measure.codes() == null) {
                Arrays.fill(passes[m], true);
            } else {
                for (Object code : measure.codes()) {
                    passes[m][(Integer) code] = true;
                }
            }
        }
        return grain.select("activity_key", "cell_code", "participants")
                .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> tally(rows, passes, sums), Encoders.row(schema));
    }

    private static Iterator<Row> tally(Iterator<Row> rows, boolean[][] passes, boolean[] sums) {
        // Per activity: participants passing each measure, and -1 while no cell passed it.
        Map<Long, long[]> activities = new HashMap<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            long[] tally = activities.computeIfAbsent(row.getLong(0), key -> {
                long[] fresh = new long[passes.length];
                Arrays.fill(fresh, -1);
                return fresh;
            });
            int code = row.getInt(1);
            long participants = row.getLong(2);
            for (int m = 0; m < passes.length; m++) {
                if (passes[m][code]) {
                    tally[m] = Math.max(tally[m], 0) + participants;
                }
            }
        }
        List<Row> out = new ArrayList<>(activities.size());
        activities.forEach((activity, tally) -> {
            Object[] values = new Object[passes.length + 1];
            values[0] = activity;
            for (int m = 0; m < passes.length; m++) {
                values[m + 1] = tally[m] < 0 ? null : sums[m] ? (Object) tally[m] : Boolean.TRUE;
            }
            out.add(RowFactory.create(values));
        });
        return out.iterator();
    }
}
