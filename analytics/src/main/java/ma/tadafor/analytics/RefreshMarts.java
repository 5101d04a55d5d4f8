package ma.tadafor.analytics;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import ma.tadafor.analytics.convergence.Convergence;
import ma.tadafor.analytics.disclosure.RecordKeys;
import ma.tadafor.analytics.convergence.IndhLinks;
import ma.tadafor.analytics.indicators.Indicator;
import ma.tadafor.analytics.indicators.IndicatorActuals;
import ma.tadafor.analytics.lineage.LineageItems;
import ma.tadafor.analytics.indicators.StatusThresholds;
import ma.tadafor.analytics.participation.CellCode;
import ma.tadafor.analytics.participation.ParticipationCube;
import ma.tadafor.analytics.participation.ParticipationGrain;
import ma.tadafor.analytics.participation.ParticipationRates;
import ma.tadafor.analytics.quality.DataQuality;
import ma.tadafor.analytics.quality.OutlierRules;
import ma.tadafor.analytics.quality.Outliers;

/**
 * The analytics job: reads the warehouse's Parquet snapshot, writes one Parquet folder per mart
 * (the warehouse loads a table {@code mart_<name>} from each) and one per partial
 * ({@code partial_<name>}, {@link Partials}).
 * Usage with {@code spark-submit}: {@code RefreshMarts <snapshot folder> <marts folder> [onTrack atRisk]}.
 */
public final class RefreshMarts {

    /**
     * Settings of the session the jobs run in, wherever it is made. A refresh runs a few hundred generated
     * classes and Spark keeps 100 compiled by default: each refresh compiled them again, and the JVM
     * JIT-compiled them again (docs/BENCHMARKS.md: 49 s of jobs at 10 M cells instead of 57 s).
     */
    public static final Map<String, String> SESSION_SETTINGS = Map.of("spark.sql.codegen.cache.maxEntries", "2000");

    private RefreshMarts() {
    }

    public static void main(String[] args) {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: RefreshMarts <snapshot folder> <marts folder> [onTrack atRisk]");
            System.exit(2);
        }
        StatusThresholds thresholds = args.length == 4
                ? new StatusThresholds(Double.parseDouble(args[2]), Double.parseDouble(args[3])) : StatusThresholds.DEFAULT;
        SparkSession.Builder builder = SparkSession.builder().appName("tadafor-refresh-marts");
        SESSION_SETTINGS.forEach(builder::config);
        SparkSession spark = builder.getOrCreate();
        try {
            run(spark, args[0], args[1], thresholds);
        } finally {
            spark.stop();
        }
    }

    /**
     * Computes and writes every mart and partial; returns how long each took (milliseconds, in the order
     * written; a mart's time includes what it is the first to compute: the bases for
     * {@code participation_base}, the grain for {@code participation_cube}).
     */
    public static Map<String, Long> run(SparkSession spark, String snapshotFolder, String martsFolder,
            StatusThresholds thresholds) {
        return run(spark, snapshotFolder, martsFolder, thresholds, OutlierRules.DEFAULT);
    }

    /** As {@link #run(SparkSession, String, String, StatusThresholds)}, with the outliers judged by {@code outliers}. */
    public static Map<String, Long> run(SparkSession spark, String snapshotFolder, String martsFolder,
            StatusThresholds thresholds, OutlierRules outliers) {
        // Days of instants (arrival delays) are UTC days, and instants are written as the warehouse reads them.
        spark.conf().set("spark.sql.session.timeZone", "UTC");
        spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        Snapshot snapshot = Snapshot.read(spark, snapshotFolder);
        // The indicator definitions are a few dozen rows: they become code on the driver.
        List<Indicator> indicators = snapshot.indicators().orderBy(col("code")).collectAsList().stream()
                .map(Indicator::of).toList();

        // The activities, their bases and the grain are read by several marts: each is computed once.
        Dataset<Row> reporting = Communes.reported(snapshot, snapshot.activities()).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> links = IndhLinks.of(snapshot.activities(), snapshot.indhProjects());
        Dataset<Row> activities = Activities.enriched(snapshot, reporting, links).repartition(col("activity_key"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Map<String, Long> elapsed = new LinkedHashMap<>();
        try {
            Activities.requireDistinctKeys(activities);
            Dataset<Row> bases = ParticipationGrain.bases(activities, snapshot.baseOffset())
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> grain = ParticipationGrain.finest(activities, bases, snapshot.cells(),
                            RecordKeys.secret(snapshot.disclosureSecret()))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            // The marts of items and bases: only the communes of the snapshot's facts (all of them in a full refresh).
            write(bases, martsFolder, "participation_base", elapsed);
            write(CellCode.table(spark), martsFolder, "participation_cell_code", elapsed);
            write(ParticipationCube.of(grain), martsFolder, "participation_cube", elapsed);
            Dataset<Row> cube = ParticipationCube.decoded(spark.read().parquet(martsFolder + "/participation_cube"), bases);
            write(links.join(activities.select(col("source_id"), col("item_id"), col("commune_code"), col("mechanism")),
                    new String[] {"source_id", "item_id"}, "inner"), martsFolder, "convergence_link", elapsed);
            write(LineageItems.of(activities, grain), martsFolder, "lineage_item", elapsed);
            write(IndicatorActuals.contributions(indicators, activities, grain), martsFolder, "indicator_item", elapsed);

            // Every commune's partials, then the marts of every scope summed from them.
            Partials partials = new Partials(snapshot.keptPartials(), martsFolder, elapsed);
            Dataset<Row> communeSemesters = partials.merged("commune_semester",
                    activities.select(col("commune_code"), col("semester")).distinct());
            Dataset<Row> communes = Communes.reported(snapshot, communeSemesters).persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> semesters = communeSemesters.select(col("semester")).filter(col("semester").isNotNull())
                    .union(snapshot.indicatorTargets().select(col("semester"))).distinct()
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> rates = partials.merged("rate", ParticipationRates.perCommune(cube));
            write(ParticipationRates.of(rates, communes, semesters, snapshot), martsFolder, "participation_rate", elapsed);
            Dataset<Row> terms = partials.merged("indicator",
                    IndicatorActuals.perCommune(indicators, activities, grain));
            write(IndicatorActuals.of(indicators, terms, communes, semesters, snapshot.indicatorTargets(),
                    snapshot.indicatorValues(), thresholds), martsFolder, "indicator", elapsed);
            Dataset<Row> linked = partials.merged("convergence",
                    Convergence.perCommune(links, activities, snapshot.coConstructionProjects()));
            write(Convergence.of(linked, communes, snapshot.indhProjects()), martsFolder, "convergence", elapsed);
            Dataset<Row> quality = partials.merged("quality",
                    DataQuality.perCommune(activities, cube));
            write(DataQuality.of(quality, communes, snapshot.sources(), snapshot.watermarks(), snapshot.info()),
                    martsFolder, "data_quality", elapsed);
            Dataset<Row> items = partials.merged("outlier_item",
                    Outliers.itemTotals(activities, grain));
            // An item is judged against its commune's and its province's items only: an incremental refresh
            // judges the provinces of the communes it recomputed, and the warehouse keeps the others' flags.
            Dataset<Row> judged = snapshot.recomputedCommunes()
                    .map(recomputed -> items.join(recomputed.join(snapshot.communes().withColumnRenamed("code", "commune_code"),
                            "commune_code").select(col("province_code")).distinct(), "province_code"))
                    .orElse(items);
            write(Outliers.of(judged, outliers), martsFolder, "outlier", elapsed);
            return elapsed;
        } finally {
            // What the jobs cached: the session outlives the run.
            spark.catalog().clearCache();
        }
    }

    private static void write(Dataset<Row> mart, String martsFolder, String name, Map<String, Long> elapsed) {
        long start = System.nanoTime();
        mart.write().mode(SaveMode.Overwrite).parquet(martsFolder + "/" + name);
        elapsed.put(name, (System.nanoTime() - start) / 1_000_000);
    }
}
