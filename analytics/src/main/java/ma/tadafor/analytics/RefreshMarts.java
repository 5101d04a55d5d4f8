package ma.tadafor.analytics;

import static org.apache.spark.sql.functions.col;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import ma.tadafor.analytics.convergence.Convergence;
import ma.tadafor.analytics.convergence.IndhLinks;
import ma.tadafor.analytics.indicators.Indicator;
import ma.tadafor.analytics.indicators.IndicatorActuals;
import ma.tadafor.analytics.indicators.StatusThresholds;
import ma.tadafor.analytics.participation.ParticipationCube;
import ma.tadafor.analytics.participation.ParticipationGrain;
import ma.tadafor.analytics.participation.ParticipationRates;
import ma.tadafor.analytics.quality.DataQuality;

/**
 * The analytics job: reads the warehouse's Parquet snapshot, writes one Parquet folder per mart.
 * Usage with {@code spark-submit}: {@code RefreshMarts <snapshot folder> <marts folder> [onTrack atRisk]}.
 */
public final class RefreshMarts {

    /** The marts, in the order they are written; the warehouse loads a table {@code mart_<name>} from each. */
    public static final List<String> MARTS = List.of("participation", "participation_rate", "indicator",
            "convergence", "convergence_link", "data_quality");

    private RefreshMarts() {
    }

    public static void main(String[] args) {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: RefreshMarts <snapshot folder> <marts folder> [onTrack atRisk]");
            System.exit(2);
        }
        StatusThresholds thresholds = args.length == 4
                ? new StatusThresholds(Double.parseDouble(args[2]), Double.parseDouble(args[3])) : StatusThresholds.DEFAULT;
        SparkSession spark = SparkSession.builder().appName("tadafor-refresh-marts").getOrCreate();
        try {
            run(spark, args[0], args[1], thresholds);
        } finally {
            spark.stop();
        }
    }

    public static void run(SparkSession spark, String snapshotFolder, String martsFolder, StatusThresholds thresholds) {
        // Days of instants (arrival delays) are UTC days, and instants are written as the warehouse reads them.
        spark.conf().set("spark.sql.session.timeZone", "UTC");
        spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        Snapshot snapshot = Snapshot.read(spark, snapshotFolder);
        // The indicator definitions are a few dozen rows: they become code on the driver.
        List<Indicator> indicators = snapshot.indicators().orderBy(col("code")).collectAsList().stream()
                .map(Indicator::of).toList();

        Dataset<Row> communes = Communes.reported(snapshot);
        Dataset<Row> links = IndhLinks.of(snapshot.activities(), snapshot.indhProjects());
        Dataset<Row> activities = Activities.enriched(snapshot, communes, links);
        Dataset<Row> semesters = activities.select(col("semester")).filter(col("semester").isNotNull())
                .union(snapshot.indicatorTargets().select(col("semester"))).distinct();
        Dataset<Row> grain = ParticipationGrain.finest(activities, snapshot.cells()).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            write(ParticipationCube.of(grain), martsFolder, "participation");
            Dataset<Row> cube = spark.read().parquet(martsFolder + "/participation");
            write(ParticipationRates.of(cube, communes, semesters, snapshot), martsFolder, "participation_rate");
            write(IndicatorActuals.of(indicators, activities, grain, communes, semesters, snapshot.indicatorTargets(),
                    snapshot.indicatorValues(), thresholds), martsFolder, "indicator");
            write(Convergence.of(links, activities, snapshot.coConstructionProjects(), communes, snapshot.indhProjects()),
                    martsFolder, "convergence");
            write(links.join(activities.select(col("source_id"), col("item_id"), col("commune_code"), col("mechanism")),
                    new String[] {"source_id", "item_id"}, "inner"), martsFolder, "convergence_link");
            write(DataQuality.of(activities, cube, communes, snapshot.sources(), snapshot.watermarks(), snapshot.info()),
                    martsFolder, "data_quality");
        } finally {
            // The grain and the small per-commune tables the jobs cached: the session outlives the run.
            spark.catalog().clearCache();
        }
    }

    private static void write(Dataset<Row> mart, String martsFolder, String name) {
        mart.write().mode(SaveMode.Overwrite).parquet(martsFolder + "/" + name);
    }
}
