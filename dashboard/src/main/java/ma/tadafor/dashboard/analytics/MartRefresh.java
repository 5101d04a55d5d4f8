package ma.tadafor.dashboard.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ma.tadafor.analytics.RefreshMarts;
import ma.tadafor.analytics.quality.OutlierRules;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.mart.AnalyticsRun.Timings;
import ma.tadafor.data.mart.MartStore;
import ma.tadafor.data.mart.WarehouseSnapshot;
import ma.tadafor.data.quality.OutlierStore;

/**
 * One refresh of the marts: warehouse → Parquet snapshot → Spark jobs → Parquet marts → new
 * tables swapped in, the refresh's outliers carried over to the decisions on them, and the answers
 * kept from the old marts forgotten. Each run works in its own exchange folder, removed afterwards.
 */
public class MartRefresh {

    private static final Logger log = LoggerFactory.getLogger(MartRefresh.class);

    private final AnalyticsProperties properties;
    private final SparkSessionProvider spark;
    private final WarehouseSnapshot snapshot;
    private final MartStore marts;
    private final MartCache answers;
    private final OutlierRules outlierRules;
    private final OutlierStore outliers;

    public MartRefresh(AnalyticsProperties properties, SparkSessionProvider spark, WarehouseSnapshot snapshot,
            MartStore marts, MartCache answers, OutlierRules outlierRules, OutlierStore outliers) {
        this.properties = properties;
        this.spark = spark;
        this.snapshot = snapshot;
        this.marts = marts;
        this.answers = answers;
        this.outlierRules = outlierRules;
        this.outliers = outliers;
    }

    /** What a refresh did, and where its time went. */
    public record Outcome(Timings timings, Map<String, Long> martMs, long cells, WarehouseSnapshot.RefreshScope scope,
            Exception failure) {
    }

    /** Stops the Spark jobs of a refresh under way, which then ends with their failure. */
    public void cancel() {
        spark.cancelJobs();
    }

    /** @param full whether to recompute every commune, whatever changed */
    public Outcome run(String runId, boolean full) {
        Path folder = properties.exchange().toAbsolutePath().resolve(runId);
        Long sessionMs = null;
        Long snapshotMs = null;
        Long jobsMs = null;
        long cells = 0;
        WarehouseSnapshot.RefreshScope scope = null;
        long start = System.nanoTime();
        try {
            SparkSession session = spark.session();
            sessionMs = elapsed(start);
            start = System.nanoTime();
            WarehouseSnapshot.Summary exported = snapshot.export(folder.resolve("snapshot"), full);
            cells = exported.cells();
            scope = exported.scope();
            snapshotMs = elapsed(start);
            start = System.nanoTime();
            Map<String, Long> martMs = RefreshMarts.run(session, folder.resolve("snapshot").toString(),
                    folder.resolve("marts").toString(), properties.status().thresholds(), outlierRules);
            jobsMs = elapsed(start);
            start = System.nanoTime();
            marts.load(folder.resolve("marts"), folder.resolve("snapshot"), scope);
            outliers.carryOver();
            answers.forget();
            return new Outcome(new Timings(sessionMs, snapshotMs, jobsMs, elapsed(start)), martMs, cells, scope, null);
        } catch (Exception e) {
            // Not only runtime exceptions: Spark throws its checked SparkException undeclared (Scala), and a
            // job failing mid-run must end the run FAILED, not kill the refresh thread and leave it RUNNING.
            return new Outcome(new Timings(sessionMs, snapshotMs, jobsMs, null), Map.of(), cells, scope, e);
        } finally {
            delete(folder);
        }
    }

    /**
     * Runs the jobs once on a sample of the warehouse ({@code sources} sources' facts), writing marts
     * nobody loads: Spark started, its classes loaded and JIT-compiled, the jobs' generated code in
     * its cache, so that the first real refresh after a start runs as fast as the next ones. Returns
     * how long it took (milliseconds).
     */
    public long warmUp(int sources) {
        long start = System.nanoTime();
        Path folder = properties.exchange().toAbsolutePath().resolve("warm-up-" + UUID.randomUUID());
        try {
            SparkSession session = spark.session();
            snapshot.exportSample(folder.resolve("snapshot"), sources);
            RefreshMarts.run(session, folder.resolve("snapshot").toString(), folder.resolve("marts").toString(),
                    properties.status().thresholds(), outlierRules);
            return elapsed(start);
        } finally {
            delete(folder);
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            // Leftovers cost disk, not correctness: each run has its own folder.
            log.warn("Could not remove the exchange folder {}", folder, e);
        }
    }
}
