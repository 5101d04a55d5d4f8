package ma.tadafor.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.analytics.RefreshMarts;
import ma.tadafor.analytics.indicators.StatusThresholds;
import ma.tadafor.data.mart.MartStore;
import ma.tadafor.data.mart.WarehouseSnapshot;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;

/**
 * The analytics job on a real Spark standalone cluster: a master and two workers started on
 * 127.0.0.1 ({@link LocalStandaloneCluster}), the driver in this JVM as in the application, the
 * analytics classes shipped as a jar ({@code spark.jars}). Its marts equal those of {@code local[*]}
 * on the same snapshot.
 */
class StandaloneClusterTest {

    @TempDir
    static Path folder;

    @Test
    void aMasterAndTwoWorkersComputeTheSameMartsAsLocal() throws Exception {
        try (HikariDataSource warehouse = DemoWarehouse.open(folder.resolve("warehouse.duckdb"))) {
            DemoWarehouse.fill(warehouse, new DemoDataGenerator(11, 0.03), ProgrammeCommunes.all().subList(0, 12));
            new WarehouseSnapshot(warehouse).export(folder.resolve("snapshot"), true);
        }
        String snapshot = folder.resolve("snapshot").toString();

        SparkSessionProvider local = provider("local[2]", List.of());
        RefreshMarts.run(local.session(), snapshot, folder.resolve("local").toString(), StatusThresholds.DEFAULT);
        // One SparkContext per JVM: the local one makes way for the cluster's driver.
        local.destroy();

        try (LocalStandaloneCluster cluster = LocalStandaloneCluster.start(folder, 2, "768m")) {
            SparkSessionProvider clustered = provider(cluster.master(), List.of(cluster.analyticsJar().toString()));
            try {
                SparkSession spark = clustered.session();
                cluster.awaitExecutors(spark);
                RefreshMarts.run(spark, snapshot, folder.resolve("cluster").toString(), StatusThresholds.DEFAULT);
                assertThat(spark.sparkContext().master()).isEqualTo(cluster.master());
            } finally {
                clustered.destroy();
            }
        }

        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (String mart : MartStore.MARTS) {
                String clusterMart = MartComparison.parquet(folder.resolve("cluster"), mart);
                assertThat(MartComparison.count(duckdb, "SELECT count(*) FROM " + clusterMart)).as(mart).isPositive();
                assertThat(MartComparison.differences(duckdb, clusterMart, MartComparison.parquet(folder.resolve("local"), mart)))
                        .as("rows of %s only on the cluster (first) or only in local[*] (second)", mart).isEmpty();
            }
        }
    }

    private static SparkSessionProvider provider(String master, List<String> jars) {
        return new SparkSessionProvider(new AnalyticsProperties(master, "127.0.0.1", folder.resolve("exchange"), 2, jars,
                Map.of("spark.executor.memory", "512m", "spark.cores.max", "2"), new AnalyticsProperties.Status(0.9, 0.6), new AnalyticsProperties.WarmUp(0)));
    }
}
