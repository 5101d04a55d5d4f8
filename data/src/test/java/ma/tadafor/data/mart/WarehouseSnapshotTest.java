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

    @Test
    void anIncrementalSnapshotHoldsTheFactsOfTheCommunesThatChangedAndTheOthersKeptPartials() {
        try (HikariDataSource warehouse = TestWarehouse.withReferenceData(folder)) {
            for (String commune : new String[] {"05.091.01.07", "05.091.01.01"}) {
                TestWarehouse.execute(warehouse, """
                        INSERT INTO activity (source_id, item_id, commune_code, mechanism, status, start_date, participants,
                            updated_at, ingested_at)
                            VALUES ('portal-%1$s', 'item-1', '%1$s', 'CITIZEN_MEETING', 'HELD', DATE '2024-03-01', 3, now(), now())"""
                        .formatted(commune));
                TestWarehouse.execute(warehouse, "INSERT INTO participation_cell VALUES ('portal-%s', 'item-1', 'F', '25-34', false, 'CITIZEN', 3)"
                        .formatted(commune));
            }
            // A partial as the last refresh left it: one row per commune.
            TestWarehouse.execute(warehouse, "CREATE TABLE partial_test AS SELECT code AS commune_code FROM commune "
                    + "WHERE code IN ('05.091.01.07', '05.091.01.01')");
            WarehouseSnapshot snapshot = new WarehouseSnapshot(warehouse);

            assertThat(snapshot.export(folder.resolve("first"), false).scope())
                    .isEqualTo(new WarehouseSnapshot.RefreshScope(true, 0, "no partials kept"));
            swappedIn(warehouse, folder.resolve("first"));
            assertThat(snapshot.export(folder.resolve("same"), false).scope())
                    .isEqualTo(new WarehouseSnapshot.RefreshScope(false, 0, "facts changed"));

            TestWarehouse.execute(warehouse, "UPDATE participation_cell SET participants = 4 WHERE source_id = 'portal-05.091.01.01'");
            Path changed = folder.resolve("changed");
            assertThat(snapshot.export(changed, false).scope()).isEqualTo(new WarehouseSnapshot.RefreshScope(false, 1, "facts changed"));
            assertThat(TestWarehouse.text(warehouse, "SELECT string_agg(commune_code, ',') FROM read_parquet('"
                    + changed.resolve("activity.parquet") + "')")).isEqualTo("05.091.01.01");
            assertThat(TestWarehouse.count(warehouse, "SELECT sum(participants) FROM read_parquet('"
                    + changed.resolve("participation_cell.parquet") + "')")).isEqualTo(4);
            assertThat(TestWarehouse.text(warehouse, "SELECT string_agg(commune_code, ',') FROM read_parquet('"
                    + changed.resolve("partial_test.parquet") + "')")).isEqualTo("05.091.01.07");
            assertThat(TestWarehouse.count(warehouse, "SELECT count(*) FROM read_parquet('"
                    + changed.resolve("commune.parquet") + "')")).as("reference tables whole").isEqualTo(1503);

            TestWarehouse.execute(warehouse, "DELETE FROM activity WHERE source_id = 'portal-05.091.01.07'");
            assertThat(snapshot.export(folder.resolve("withdrawn"), false).scope().communes()).as("a commune whose facts left")
                    .isEqualTo(2);
            assertThat(snapshot.export(folder.resolve("asked"), true).scope())
                    .isEqualTo(new WarehouseSnapshot.RefreshScope(true, 0, "asked for"));
            TestWarehouse.execute(warehouse, "UPDATE programme_commune SET cohort = CASE cohort WHEN 'pilot' THEN 'extension' "
                    + "ELSE 'pilot' END WHERE commune_code = (SELECT min(commune_code) FROM programme_commune)");
            assertThat(snapshot.export(folder.resolve("basis"), false).scope().full()).as("the basis changed").isTrue();
        }
    }

    /** What the load of a refresh stores: the fingerprints of the snapshot its marts were made of. */
    private static void swappedIn(HikariDataSource warehouse, Path snapshot) {
        TestWarehouse.execute(warehouse, "DELETE FROM refresh_fingerprint; INSERT INTO refresh_fingerprint SELECT * FROM read_parquet('"
                + snapshot.resolve("refresh_fingerprint.parquet") + "')");
    }
}
