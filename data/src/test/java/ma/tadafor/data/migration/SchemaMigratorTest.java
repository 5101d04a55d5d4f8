package ma.tadafor.data.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.Warehouse;

class SchemaMigratorTest {

    @TempDir
    Path folder;

    @Test
    void migratesAnEmptyFileToTheNewestVersion() throws SQLException {
        try (HikariDataSource warehouse = Warehouse.open(folder.resolve("fresh.duckdb"), 2)) {
            SchemaMigrator migrator = new SchemaMigrator(warehouse);

            assertThat(migrator.migrate()).isEqualTo(SchemaMigrator.available().size());
            assertThat(migrator.currentVersion()).isEqualTo(SchemaMigrator.available().size());
            assertThat(migrator.migrate()).as("a second run has nothing to do").isZero();
            assertThat(tableCount(warehouse)).isGreaterThan(30);
        }
    }

    @Test
    void upgradesAFileMadeByTheFirstMigrationWithoutLosingData() throws SQLException {
        Path file = folder.resolve("v1.duckdb");
        try (HikariDataSource warehouse = Warehouse.open(file, 1)) {
            assertThat(new SchemaMigrator(warehouse).migrateTo(1)).isEqualTo(1);
            execute(warehouse, """
                    INSERT INTO commune VALUES ('05.091.01.07', '05', '05.091', 'Kasba Tadla', 'قصبة تادلة', 'urban',
                        NULL, NULL, 48172, 47399, 22404, 24995, 13030);
                    INSERT INTO activity VALUES ('portal-1', 'petition-2024-017', '05.091.01.07', 'PETITION', 'ADMISSIBLE',
                        DATE '2024-03-01', NULL, 'Éclairage public', 'الإنارة العمومية', 'INFRASTRUCTURE', 'CITIZENS', NULL,
                        13, TIMESTAMPTZ '2024-03-02 10:15:00+00', now());
                    INSERT INTO participation_cell VALUES ('portal-1', 'petition-2024-017', 'F', '18-24', false, 'CITIZEN', 12),
                        ('portal-1', 'petition-2024-017', 'M', '35-59', true, 'CITIZEN', 1);""");
        }

        try (HikariDataSource reopened = Warehouse.open(file, 1)) {
            SchemaMigrator migrator = new SchemaMigrator(reopened);
            assertThat(migrator.currentVersion()).isEqualTo(1);

            assertThat(migrator.migrate()).isEqualTo(SchemaMigrator.available().size() - 1);

            assertThat(migrator.currentVersion()).isEqualTo(SchemaMigrator.available().size());
            assertThat(single(reopened, "SELECT name_ar FROM commune")).isEqualTo("قصبة تادلة");
            assertThat(single(reopened, "SELECT sum(participants)::VARCHAR FROM participation_cell")).isEqualTo("13");
            assertThat(single(reopened, "SELECT count(*)::VARCHAR FROM app_user")).isEqualTo("0");
        }
    }

    /** V010 splits the participation cube into numbers: what the view shows is what the table held. */
    @Test
    void keepsTheParticipationCubeOfTheLastRefreshThroughItsSplit() throws SQLException {
        String rows = """
                ('05.091.01.07', '05.091', '05', 'pilot', 'PETITION', DATE '2024-03-01', 2024, '2024S1', 0, NULL, NULL, NULL, NULL, 13, 1),
                ('05.091.01.07', '05.091', '05', 'pilot', 'PETITION', DATE '2024-03-01', 2024, '2024S1', 5, 'F', NULL, 'NO', NULL, 12, 1),
                ('05.091.01.07', '05.091', '05', 'pilot', 'PETITION', NULL, NULL, NULL, 15, 'U', 'UNKNOWN', 'UNKNOWN', 'CITIZEN', 3, 1),
                ('05.081.01.01', '05.081', '05', NULL, 'CITIZEN_MEETING', DATE '2024-04-01', 2024, '2024S1', 1, 'M', NULL, NULL, NULL, 4, 2)""";
        try (HikariDataSource warehouse = Warehouse.open(folder.resolve("v9.duckdb"), 1)) {
            new SchemaMigrator(warehouse).migrateTo(9);
            execute(warehouse, "INSERT INTO mart_participation VALUES " + rows);

            new SchemaMigrator(warehouse).migrate();

            // V011 adds the cell key, 0 until the next refresh computes it.
            assertThat(single(warehouse, "SELECT count(*)::VARCHAR FROM (SELECT * EXCLUDE (participants_key) FROM mart_participation EXCEPT ALL "
                    + "SELECT * FROM (VALUES " + rows + "))")).isEqualTo("0");
            assertThat(single(warehouse, "SELECT count(*)::VARCHAR FROM mart_participation")).isEqualTo("4");
            assertThat(single(warehouse, "SELECT count(*)::VARCHAR FROM mart_participation_base")).isEqualTo("3");
        }
    }

    @Test
    void refusesAMigrationEditedAfterItWasApplied() throws SQLException {
        try (HikariDataSource warehouse = Warehouse.open(folder.resolve("edited.duckdb"), 1)) {
            new SchemaMigrator(warehouse).migrate();
            execute(warehouse, "UPDATE schema_version SET checksum = 'something else' WHERE version = 2");

            assertThatThrownBy(() -> new SchemaMigrator(warehouse).migrate())
                    .hasMessageContaining("V2 was edited after it was applied");
        }
    }

    @Test
    void aFailingMigrationLeavesNoTrace() throws SQLException {
        try (HikariDataSource warehouse = Warehouse.open(folder.resolve("conflict.duckdb"), 1)) {
            new SchemaMigrator(warehouse).migrateTo(1);
            // A table V2 wants to create already exists: V2 must fail as a whole.
            execute(warehouse, "CREATE TABLE meeting (id INTEGER)");

            assertThatThrownBy(() -> new SchemaMigrator(warehouse).migrate()).hasMessageContaining("V2");

            assertThat(new SchemaMigrator(warehouse).currentVersion()).isEqualTo(1);
            assertThat(single(warehouse, "SELECT count(*)::VARCHAR FROM information_schema.tables WHERE table_name = 'indicator'"))
                    .isEqualTo("0");
        }
    }

    static void execute(HikariDataSource warehouse, String sql) throws SQLException {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String single(HikariDataSource warehouse, String sql) throws SQLException {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static int tableCount(HikariDataSource warehouse) throws SQLException {
        return Integer.parseInt(single(warehouse,
                "SELECT count(*)::VARCHAR FROM information_schema.tables WHERE table_schema = 'main'"));
    }
}
