package ma.tadafor.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The warehouse's Parquet snapshot: one {@code <table>.parquet} per exported table, with the
 * warehouse's own table and column names. {@code snapshot_info} holds the instant it was taken,
 * against which freshness is measured (never the clock of the machine running the job), and
 * {@code base_offset}, after which this refresh numbers its participation bases. An incremental
 * refresh's snapshot holds the facts of the communes it recomputes only, their list
 * ({@code refresh_commune}, one column {@code commune_code}) and the kept partials of the others
 * ({@code partial_<name>.parquet}, {@link Partials}); a full refresh's holds every fact, no list and
 * no partial.
 */
public record Snapshot(
        Dataset<Row> activities,
        Dataset<Row> cells,
        Dataset<Row> coConstructionProjects,
        Dataset<Row> indhProjects,
        Dataset<Row> communes,
        Dataset<Row> programmeCommunes,
        Dataset<Row> censusPopulation,
        Dataset<Row> censusAgeShares,
        Dataset<Row> indicators,
        Dataset<Row> indicatorTargets,
        Dataset<Row> indicatorValues,
        Dataset<Row> sources,
        Dataset<Row> watermarks,
        Dataset<Row> info,
        Dataset<Row> disclosureSecret,
        Map<String, Dataset<Row>> keptPartials,
        Optional<Dataset<Row>> recomputedCommunes) {

    public static Snapshot read(SparkSession spark, String folder) {
        return new Snapshot(
                table(spark, folder, "activity"),
                table(spark, folder, "participation_cell"),
                table(spark, folder, "co_construction_project"),
                table(spark, folder, "indh_project"),
                table(spark, folder, "commune"),
                table(spark, folder, "programme_commune"),
                table(spark, folder, "census_population"),
                table(spark, folder, "census_age_share"),
                table(spark, folder, "indicator"),
                table(spark, folder, "indicator_target"),
                table(spark, folder, "indicator_value"),
                table(spark, folder, "source"),
                table(spark, folder, "watermark"),
                table(spark, folder, "snapshot_info"),
                table(spark, folder, "disclosure_secret"),
                keptPartials(spark, folder),
                Files.exists(Path.of(folder, "refresh_commune.parquet"))
                        ? Optional.of(table(spark, folder, "refresh_commune")) : Optional.empty());
    }

    /** The number after which this refresh's participation bases are numbered (0 in a full refresh). */
    public int baseOffset() {
        return info.select("base_offset").first().getInt(0);
    }

    private static Map<String, Dataset<Row>> keptPartials(SparkSession spark, String folder) {
        Map<String, Dataset<Row>> kept = new LinkedHashMap<>();
        for (String name : Partials.NAMES) {
            if (Files.exists(Path.of(folder, "partial_" + name + ".parquet"))) {
                kept.put(name, table(spark, folder, "partial_" + name));
            }
        }
        // An incremental snapshot (it lists the communes recomputed) without every partial would lose the others' figures.
        if (Files.exists(Path.of(folder, "refresh_commune.parquet")) && kept.size() != Partials.NAMES.size()) {
            throw new IllegalStateException("the snapshot keeps the partials " + kept.keySet() + " but the refresh needs "
                    + Partials.NAMES + ": ask for a full refresh");
        }
        return kept;
    }

    private static Dataset<Row> table(SparkSession spark, String folder, String name) {
        return spark.read().parquet(folder + "/" + name + ".parquet");
    }
}
