package ma.tadafor.dashboard.analytics;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Compares a mart Spark wrote with another table, in DuckDB, to the row. */
public final class MartComparison {

    private MartComparison() {
    }

    /** The mart Spark wrote as a DuckDB table expression. */
    public static String parquet(Path marts, String mart) {
        return "read_parquet('" + marts.resolve(mart) + "/*.parquet')";
    }

    /**
     * Rows in only one of the two (at most 20, each prefixed by the side it is on): doubles are
     * compared to 6 decimals, amounts as exact decimals, columns by the names of the first.
     */
    static List<String> differences(Connection duckdb, String table, String other) throws SQLException {
        return differences(duckdb, table, other, column -> false);
    }

    /** As {@link #differences(Connection, String, String)}, leaving out the columns of the first that are {@code ignored}. */
    static List<String> differences(Connection duckdb, String table, String other, Predicate<String> ignored)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = duckdb.createStatement();
             ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + table)) {
            while (rows.next()) {
                String name = rows.getString("column_name");
                String type = rows.getString("column_type");
                if (ignored.test(name)) {
                    continue;
                }
                columns.add(type.equals("DOUBLE") || type.equals("FLOAT") ? "round(" + name + ", 6) AS " + name
                        : type.startsWith("DECIMAL") ? "CAST(" + name + " AS DECIMAL(38, 2)) AS " + name : name);
            }
        }
        return rowsInOnlyOne(duckdb, columns, table, other);
    }

    /** Rows of {@code select} (column expressions) in only one of the two tables: at most 20, each prefixed by its side. */
    public static List<String> rowsInOnlyOne(Connection duckdb, List<String> select, String table, String other)
            throws SQLException {
        String left = "SELECT " + String.join(", ", select) + " FROM " + table;
        String right = "SELECT " + String.join(", ", select) + " FROM " + other;
        List<String> differences = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(
                "(SELECT 'first' AS side, * FROM (" + left + " EXCEPT ALL " + right + ")) UNION ALL "
                        + "(SELECT 'second', * FROM (" + right + " EXCEPT ALL " + left + ")) LIMIT 20")) {
            int n = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rows.getString(i)).append(i < n ? " | " : "");
                }
                differences.add(row.toString());
            }
        }
        return differences;
    }

    public static long count(Connection duckdb, String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
