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

            WarehouseSnapshot.Summary summary = new WarehouseSnapshot(warehouse).export(folder.resolve("snapshot"), false);

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

    @Test
    void aSampleHoldsTheFactsOfTheFirstSourcesOnlyWithEveryTable() {
        try (HikariDataSource warehouse = TestWarehouse.withReferenceData(folder)) {
            for (String source : new String[] {"portal-a", "portal-b", "portal-c"}) {
                TestWarehouse.execute(warehouse, """
                        INSERT INTO source VALUES ('%s', 'PORTAL_FEED', '05.091.01.07', 'https://example.org', 'secret-token',
                            '0 0 * * * *', true, now())""".formatted(source));
                TestWarehouse.execute(warehouse, """
                        INSERT INTO activity (source_id, item_id, commune_code, mechanism, status, start_date, participants,
                            updated_at, ingested_at)
                            VALUES ('%s', 'item-1', '05.091.01.07', 'CITIZEN_MEETING', 'HELD', DATE '2024-03-01', 3, now(), now())"""
                        .formatted(source));
                TestWarehouse.execute(warehouse,
                        "INSERT INTO participation_cell VALUES ('%s', 'item-1', 'F', '25-34', false, 'CITIZEN', 3)".formatted(source));
            }

            WarehouseSnapshot.Summary summary = new WarehouseSnapshot(warehouse).exportSample(folder.resolve("sample"), 2);

            assertThat(summary.cells()).as("the warehouse's count, as for a whole snapshot").isEqualTo(3);
            for (String table : WarehouseSnapshot.TABLES.keySet()) {
                assertThat(folder.resolve("sample").resolve(table + ".parquet")).exists();
            }
            for (String facts : new String[] {"activity", "participation_cell"}) {
                assertThat(TestWarehouse.count(warehouse, "SELECT count(*) FROM read_parquet('"
                        + folder.resolve("sample").resolve(facts + ".parquet") + "') WHERE source_id IN ('portal-a', 'portal-b')"))
                        .as(facts).isEqualTo(2);
                assertThat(TestWarehouse.count(warehouse, "SELECT count(*) FROM read_parquet('"
                        + folder.resolve("sample").resolve(facts + ".parquet") + "')")).as(facts).isEqualTo(2);
            }
        }
    }
}
