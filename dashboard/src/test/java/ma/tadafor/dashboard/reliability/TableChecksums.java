package ma.tadafor.dashboard.reliability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.Checksums;
import ma.tadafor.data.Warehouse;

/**
 * A fingerprint per table: its row count and the SHA-256 of its rows, sorted. Doubles are taken
 * to 6 decimals, since Spark may sum them in another order from one run to the next.
 */
final class TableChecksums {

    private TableChecksums() {
    }

    /** Opens the warehouse file as the application would after a crash (replaying its WAL), reads, closes it. */
    static Map<String, String> of(Path warehouseFile, Map<String, String> queries) {
        try (HikariDataSource warehouse = Warehouse.open(warehouseFile, 1); Connection connection = warehouse.getConnection();
             Statement statement = connection.createStatement()) {
            Map<String, String> checksums = new LinkedHashMap<>();
            for (Map.Entry<String, String> table : queries.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery(table.getValue())) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            row.append(value(result, i, columns.getColumnType(i))).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                checksums.put(table.getKey(), rows.size() + " rows " + Checksums.sha256(String.join("\n", rows)));
            }
            return checksums;
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + warehouseFile + " failed: " + e.getMessage(), e);
        }
    }

    private static String value(ResultSet result, int column, int type) throws SQLException {
        if (type == Types.DOUBLE || type == Types.FLOAT || type == Types.REAL) {
            double value = result.getDouble(column);
            if (result.wasNull() || !Double.isFinite(value)) {
                return result.wasNull() ? "null" : String.valueOf(value);
            }
            return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).toPlainString();
        }
        return result.getString(column);
    }
}
