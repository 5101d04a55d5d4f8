package ma.tadafor.data;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.migration.SchemaMigrator;
import ma.tadafor.data.reference.ReferenceDataLoader;

/** A real warehouse file in a test's temporary folder, migrated and with reference data loaded. */
public final class TestWarehouse {

    private TestWarehouse() {
    }

    public static HikariDataSource withReferenceData(Path folder) {
        HikariDataSource warehouse = Warehouse.open(folder.resolve("warehouse.duckdb"), 2);
        new SchemaMigrator(warehouse).migrate();
        ReferenceDataLoader reference = new ReferenceDataLoader(warehouse);
        reference.load();
        reference.loadIllustrative();
        return warehouse;
    }

    public static long count(HikariDataSource warehouse, String sql) {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(HikariDataSource warehouse, String sql) {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(HikariDataSource warehouse, String sql) {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
