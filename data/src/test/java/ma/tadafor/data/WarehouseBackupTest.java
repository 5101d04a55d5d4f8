package ma.tadafor.data;

import static ma.tadafor.data.TestWarehouse.count;
import static ma.tadafor.data.TestWarehouse.execute;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.migration.SchemaMigrator;

class WarehouseBackupTest {

    @TempDir
    Path folder;

    @Test
    void aBackupIsAWarehouseThatRestoresEverythingIncludingSequences() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC);
        WarehouseBackup.Backup backup;
        try (HikariDataSource live = TestWarehouse.withReferenceData(folder)) {
            execute(live, "INSERT INTO audit_event (occurred_at, action) VALUES (now(), 'ONE'), (now(), 'TWO')");
            backup = new WarehouseBackup(live, folder.resolve("backups"), clock).create();

            assertThat(backup.file().getFileName().toString()).isEqualTo("warehouse-20261129-020000.duckdb");
            assertThat(backup.bytes()).isPositive();
            assertThat(new WarehouseBackup(live, folder.resolve("backups"), clock).list()).containsExactly(backup);
            execute(live, "INSERT INTO audit_event (occurred_at, action) VALUES (now(), 'AFTER THE BACKUP')");
        }

        try (HikariDataSource restored = Warehouse.open(backup.file(), 1)) {
            assertThat(new SchemaMigrator(restored).migrate()).as("the backup is at the newest version").isZero();
            assertThat(count(restored, "SELECT count(*) FROM commune")).isEqualTo(1503);
            assertThat(count(restored, "SELECT count(*) FROM audit_event")).isEqualTo(2);
            execute(restored, "INSERT INTO audit_event (occurred_at, action) VALUES (now(), 'THREE')");
            assertThat(count(restored, "SELECT max(id) FROM audit_event")).as("sequences carry on").isEqualTo(3);
        }
    }
}
