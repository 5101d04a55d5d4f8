package ma.tadafor.dashboard.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.analytics.quality.OutlierRules;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.mart.MartStore;
import ma.tadafor.data.mart.WarehouseSnapshot;
import ma.tadafor.data.quality.OutlierStore;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;

/**
 * The refresh benchmark of docs/BENCHMARKS.md, not a test (its name keeps it out of the build's
 * test run). For each size, a warehouse of generated data (kept in {@code target/benchmark} and
 * reused), then a full refresh through {@link MartRefresh} (snapshot, Spark jobs, load and swap),
 * timed step by step, and the DuckDB oracle over a snapshot of the same warehouse. Run with
 * {@code mvn -B -o -q test -pl dashboard -Dtest=AnalyticsBenchmark -Dbenchmark.cells=1000000,10000000}.
 */
class AnalyticsBenchmark {

    private static final long SEED = 20240213;

    @Test
    @Timeout(value = 3, unit = TimeUnit.HOURS) // not the build's 10 minutes for a test
    void refresh() throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "| cells | Spark session start | snapshot | Spark jobs | load + swap | refresh (ingestion done → marts visible) | DuckDB oracle | Spark jobs ÷ oracle |",
                "|---|---|---|---|---|---|---|---|"));
        List<String> marts = new ArrayList<>(List.of("| cells | Spark jobs by mart (second run) |", "|---|---|"));
        Path root = Path.of("target", "benchmark").toAbsolutePath();
        SparkSessionProvider spark = new SparkSessionProvider(new AnalyticsProperties("local[*]", "127.0.0.1",
                root.resolve("exchange"), 4, List.of(), Map.of(), new AnalyticsProperties.Status(0.9, 0.6), new AnalyticsProperties.WarmUp(0)));
        try {
            for (String size : System.getProperty("benchmark.cells", "1000000").split(",")) {
                long target = Long.parseLong(size.strip());
                HikariDataSource warehouse = warehouse(root.resolve(size.strip()), target);
                try {
                    MartRefresh refresh = new MartRefresh(new AnalyticsProperties("local[*]", "127.0.0.1",
                            root.resolve("exchange"), 4, List.of(), Map.of(), new AnalyticsProperties.Status(0.9, 0.6), new AnalyticsProperties.WarmUp(0)),
                            spark, new WarehouseSnapshot(warehouse), new MartStore(warehouse), new MartCache(1),
                            OutlierRules.DEFAULT, new OutlierStore(warehouse));
                    // The first refresh of a JVM also pays Spark's start and warm-up; the second is the steady state.
                    MartRefresh.Outcome cold = refresh.run("cold-" + size.strip(), true);
                    MartRefresh.Outcome warm = refresh.run("warm-" + size.strip(), true);
                    if (cold.failure() != null || warm.failure() != null) {
                        throw cold.failure() != null ? cold.failure() : warm.failure();
                    }
                    Path snapshot = root.resolve("oracle-snapshot");
                    new WarehouseSnapshot(warehouse).export(snapshot, true);
                    long oracleMs;
                    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
                        long start = System.nanoTime();
                        MartOracle.compute(duckdb, snapshot, 0.9, 0.6);
                        oracleMs = (System.nanoTime() - start) / 1_000_000;
                    }
                    for (MartRefresh.Outcome outcome : List.of(cold, warm)) {
                        var t = outcome.timings();
                        lines.add("| %,d%s | %.1f s | %.1f s | %.1f s | %.1f s | %.1f s | %.1f s | %.1f× |".formatted(
                                outcome.cells(), outcome == cold ? " (first run)" : "", t.sessionMs() / 1000.0,
                                t.snapshotMs() / 1000.0, t.jobsMs() / 1000.0, t.loadMs() / 1000.0,
                                (t.sessionMs() + t.snapshotMs() + t.jobsMs() + t.loadMs()) / 1000.0, oracleMs / 1000.0,
                                (double) t.jobsMs() / oracleMs));
                    }
                    marts.add("| %,d | %s |".formatted(warm.cells(), warm.martMs().entrySet().stream()
                            .map(e -> "%s %.1f s".formatted(e.getKey(), e.getValue() / 1000.0))
                            .collect(Collectors.joining(", "))));
                    System.out.println(String.join("\n", lines) + "\n\n" + String.join("\n", marts));
                } finally {
                    warehouse.close();
                }
            }
        } finally {
            spark.destroy();
        }
        Files.writeString(root.resolve("refresh.md"), String.join("\n", lines) + "\n\n" + String.join("\n", marts) + "\n");
    }

    /** A warehouse with about {@code cells} participation cells of the 60 programme communes. */
    private static HikariDataSource warehouse(Path folder, long cells) throws Exception {
        Path file = folder.resolve("warehouse.duckdb");
        boolean exists = Files.exists(file);
        HikariDataSource warehouse = DemoWarehouse.open(file);
        if (!exists) {
            List<DemoCommune> communes = ProgrammeCommunes.all();
            double scale = (double) cells / DemoDataGenerator.PROGRAMME_CELLS_PER_SCALE;
            long start = System.nanoTime();
            long written = DemoWarehouse.fill(warehouse, new DemoDataGenerator(SEED, scale), communes);
            System.out.printf("generated and wrote %,d cells in %.1f s%n", written, (System.nanoTime() - start) / 1e9);
        }
        return warehouse;
    }
}
