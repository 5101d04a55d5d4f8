package ma.tadafor.data.mart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.TestWarehouse;

class WarehouseSnapshotTest {

    @TempDir
    Path folder;

    @Test
    void exportsEveryTableTheJobsReadButNoSecret() {
        try (HikariDataSource warehouse = TestWarehouse.withReferenceData(folder)) {
            TestWarehouse.execute(warehouse, """
                    INSERT INTO source VALUES ('portal-1', 'PORTAL_FEED', '05.091.01.07', 'https://example.org', 'secret-token',
                        '0 0 * * * *', true, now())""");

            WarehouseSnapshot.Summary summary = new WarehouseSnapshot(warehouse).export(folder.resolve("snapshot"));

            assertThat(summary.cells()).isZero();
            for (String table : WarehouseSnapshot.TABLES.keySet()) {
                assertThat(folder.resolve("snapshot").resolve(table + ".parquet")).exists();
            }
            assertThat(folder.resolve("snapshot").resolve("snapshot_info.parquet")).exists();
            String source = folder.resolve("snapshot").resolve("source.parquet").toString();
            assertThat(TestWarehouse.count(warehouse, "SELECT count(*) FROM read_parquet('" + source + "')")).isEqualTo(1);
            assertThat(TestWarehouse.count(warehouse, "SELECT count(*) FROM (DESCRIBE SELECT * FROM read_parquet('" + source
                    + "')) WHERE column_name = 'token'")).isZero();
            assertThat(TestWarehouse.count(warehouse, "SELECT count(*) FROM read_parquet('"
                    + folder.resolve("snapshot").resolve("commune.parquet") + "')")).isEqualTo(1503);
            assertThat(Files.isDirectory(folder.resolve("snapshot"))).isTrue();
        }
    }
}
