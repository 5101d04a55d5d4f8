package ma.tadafor.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

/** Runs a parameterised query and hands each row to a reader: the loop every read query needs. */
public final class Rows {

    private Rows() {
    }

    /** Reads one row; may throw what JDBC throws. */
    @FunctionalInterface
    public interface Reader {
        void read(ResultSet row) throws SQLException;
    }

    public static void each(Connection connection, String sql, List<Object> parameters, Reader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    /** The same on a connection of its own; {@code what} says what failed, e.g. "reading participation rates". */
    public static void each(DataSource dataSource, String sql, List<Object> parameters, Reader reader, String what) {
        try (Connection connection = dataSource.getConnection()) {
            each(connection, sql, parameters, reader);
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }
}
