package ma.tadafor.data;

import java.sql.Connection;
import java.sql.SQLException;

/** Ending a failed transaction over DuckDB without losing why it failed. */
public final class Transactions {

    private Transactions() {
    }

    /**
     * Rolls back after {@code failure} and puts the connection back in auto-commit. DuckDB ends a
     * transaction whose commit failed (a write-ahead log that could not be written: the disk is full)
     * by itself, so both steps may fail in turn ("no transaction is active"): their errors are
     * attached to the failure, never thrown in its place.
     */
    public static void rollBack(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
