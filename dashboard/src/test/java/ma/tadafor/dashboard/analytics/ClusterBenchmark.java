package ma.tadafor.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ma.tadafor.analytics.RefreshMarts;
import ma.tadafor.analytics.indicators.StatusThresholds;
import ma.tadafor.data.mart.MartStore;

/**
 * The analytics jobs on the Spark standalone cluster of the cluster test's topology (a master and
 * two one-core workers on 127.0.0.1, {@link LocalStandaloneCluster}) beside {@code local[*]}, over
 * one warehouse snapshot: docs/SCALING.md. Not a test (its name keeps it out of the build's test
 * run). Each way runs the jobs three times in its own session (the first pays the session's start
 * and warm-up) and the cluster's marts must equal local's. Run with
 * {@code mvn -B -o -q test -pl dashboard -Dtest=ClusterBenchmark -Dbenchmark.snapshot=<snapshot folder>}
 * ({@code bench/run} leaves one in {@code var/bench/<cells>/oracle-snapshot});
 * {@code -Dbenchmark.workerMemory} (default 4g) sets each worker's and executor's memory.
 */
class ClusterBenchmark {

    private static final int RUNS = 3;

    @Test
    @Timeout(value = 2, unit = TimeUnit.HOURS) // not the build's 10 minutes for a test
    void localAndCluster() throws Exception {
        Path snapshot = Path.of(System.getProperty("benchmark.snapshot", "")).toAbsolutePath();
        assertThat(snapshot.resolve("participation_cell.parquet")).as("-Dbenchmark.snapshot names a snapshot").exists();
        String memory = System.getProperty("benchmark.workerMemory", "4g");
        Path root = Files.createTempDirectory(Path.of("target"), "cluster-benchmark").toAbsolutePath();
        List<String> lines = new ArrayList<>(List.of("| Spark | run | jobs | by mart |", "|---|---|---|---|"));

        SparkSessionProvider local = provider(root, "local[*]", List.of(), Map.of());
        try {
            lines.addAll(runs("`local[*]` (2 cores)", local.session(), snapshot, root.resolve("local")));
        } finally {
            // One SparkContext per JVM: the local one makes way for the cluster's driver.
            local.destroy();
        }
        try (LocalStandaloneCluster cluster = LocalStandaloneCluster.start(root, 2, memory)) {
            SparkSessionProvider clustered = provider(root, cluster.master(), List.of(cluster.analyticsJar().toString()),
                    Map.of("spark.executor.memory", memory, "spark.cores.max", "2"));
            try {
                SparkSession spark = clustered.session();
                cluster.awaitExecutors(spark);
                lines.addAll(runs("standalone: master and 2 workers of 1 core, %s each".formatted(memory), spark, snapshot,
                        root.resolve("cluster")));
            } finally {
                clustered.destroy();
            }
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (String mart : MartStore.MARTS) {
                assertThat(MartComparison.differences(duckdb, MartComparison.parquet(root.resolve("cluster"), mart),
                        MartComparison.parquet(root.resolve("local"), mart)))
                        .as("rows of %s only on the cluster (first) or only in local[*] (second)", mart).isEmpty();
            }
        }
        String table = String.join("\n", lines) + "\n";
        Files.writeString(root.resolve("cluster.md"), table);
        System.out.println(table);
    }

    private static List<String> runs(String way, SparkSession spark, Path snapshot, Path marts) {
        List<String> lines = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            long start = System.nanoTime();
            Map<String, Long> martMs = RefreshMarts.run(spark, snapshot.toString(), marts.toString(), StatusThresholds.DEFAULT);
            double seconds = (System.nanoTime() - start) / 1e9;
            lines.add("| %s | %d | %.1f s | %s |".formatted(way, run, seconds, martMs.entrySet().stream()
                    .map(e -> "%s %.1f".formatted(e.getKey(), e.getValue() / 1000.0)).collect(Collectors.joining(", "))));
            System.out.println(lines.get(lines.size() - 1));
        }
        return lines;
    }

    private static SparkSessionProvider provider(Path root, String master, List<String> jars, Map<String, String> settings) {
        return new SparkSessionProvider(new AnalyticsProperties(master, "127.0.0.1", root.resolve("exchange"), 4, jars,
                settings, new AnalyticsProperties.Status(0.9, 0.6), new AnalyticsProperties.WarmUp(0)));
    }
}
