package ma.tadafor.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.analytics.quality.OutlierRules;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;
import ma.tadafor.data.mart.MartStore;
import ma.tadafor.data.mart.WarehouseSnapshot;
import ma.tadafor.data.quality.OutlierStore;

/**
 * The warm-up at start runs the real jobs on a sample and leaves nothing behind: no marts swapped
 * in, no exchange folder; Spark is then started, and the first refresh runs as usual.
 */
class SparkWarmUpTest {

    @TempDir
    Path folder;

    @Test
    void warmsSparkOnASampleAndLeavesTheMartsAndTheExchangeAsTheyWere() throws Exception {
        try (HikariDataSource warehouse = DemoWarehouse.open(folder.resolve("warehouse.duckdb"))) {
            DemoWarehouse.fill(warehouse, new DemoDataGenerator(11, 0.02), ProgrammeCommunes.all().subList(0, 6));
            AnalyticsProperties properties = new AnalyticsProperties("local[2]", "127.0.0.1", folder.resolve("exchange"), 2,
                    List.of(), Map.of(), new AnalyticsProperties.Status(0.9, 0.6), new AnalyticsProperties.WarmUp(2));
            SparkSessionProvider spark = new SparkSessionProvider(properties);
            MartCache answers = new MartCache(8);
            Object kept = answers.get("kept", () -> "an answer read before the warm-up");
            MartRefresh refresh = new MartRefresh(properties, spark, new WarehouseSnapshot(warehouse), new MartStore(warehouse),
                    answers, OutlierRules.DEFAULT, new OutlierStore(warehouse));

            assertThat(refresh.warmUp(properties.warmUp().sources())).isPositive();

            assertThat(spark.started()).isTrue();
            assertThat(martRows(warehouse)).as("no mart swapped in by the warm-up").isZero();
            assertThat(answers.get("kept", () -> "read again")).as("the answers kept are not forgotten").isSameAs(kept);
            try (Stream<Path> left = Files.list(folder.resolve("exchange"))) {
                assertThat(left).as("the warm-up's folder removed").isEmpty();
            }

            MartRefresh.Outcome first = refresh.run("first", false);
            assertThat(first.failure()).isNull();
            assertThat(martRows(warehouse)).isPositive();
        }
    }

    private static long martRows(HikariDataSource warehouse) throws SQLException {
        long rows = 0;
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement()) {
            for (String mart : MartStore.MARTS) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM mart_" + mart)) {
                    count.next();
                    rows += count.getLong(1);
                }
            }
        }
        return rows;
    }
}
