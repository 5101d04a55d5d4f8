package ma.tadafor.analytics;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * What a refresh keeps per commune for the next one (docs/ANALYTICS.md, "Incremental refresh"): the
 * per-commune figures every mart above the commune is summed from. A refresh recomputes them for the
 * communes of its snapshot's facts, takes the other communes' from the snapshot (the warehouse's
 * {@code partial_<name>} tables, those the last refresh wrote), and writes the union as
 * {@code partial_<name>} beside the marts; a full refresh has nothing kept and recomputes every commune.
 * Every mart above the commune is then computed from the union, the same way in both cases.
 */
public final class Partials {

    /** The partials, each with a {@code commune_code} column. */
    public static final List<String> NAMES = List.of("commune_semester", "rate", "indicator", "convergence", "quality",
            "outlier_item");

    private final Map<String, Dataset<Row>> kept;
    private final String martsFolder;
    private final Map<String, Long> elapsed;

    /** @param elapsed where each partial's time goes (milliseconds, as {@code partial_<name>}) */
    Partials(Map<String, Dataset<Row>> kept, String martsFolder, Map<String, Long> elapsed) {
        this.kept = kept;
        this.martsFolder = martsFolder;
        this.elapsed = elapsed;
    }

    /**
     * {@code fresh} (the recomputed communes' rows) with the kept rows of the others, written as
     * {@code partial_<name>} and read back: small, and read by several marts.
     */
    Dataset<Row> merged(String name, Dataset<Row> fresh) {
        long start = System.nanoTime();
        Dataset<Row> all = fresh;
        if (kept.containsKey(name)) {
            // The warehouse gives back what Spark wrote, but not always in the same types (timestamps, decimals).
            Column[] asFresh = Arrays.stream(fresh.schema().fields())
                    .map(field -> col(field.name()).cast(field.dataType()).as(field.name())).toArray(Column[]::new);
            all = fresh.unionByName(kept.get(name).select(asFresh));
        }
        String folder = martsFolder + "/partial_" + name;
        all.write().mode(SaveMode.Overwrite).parquet(folder);
        elapsed.put("partial_" + name, (System.nanoTime() - start) / 1_000_000);
        return fresh.sparkSession().read().parquet(folder);
    }
}
