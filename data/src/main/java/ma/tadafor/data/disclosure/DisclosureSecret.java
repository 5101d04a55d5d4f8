package ma.tadafor.data.disclosure;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import javax.sql.DataSource;

import ma.tadafor.data.Transactions;

/**
 * The deployment's disclosure secret (docs/PRIVACY.md): 256 random bits made at the warehouse's
 * first start and kept in it, so that its backups carry it and a restored warehouse publishes the
 * same protected figures. Only the refresh reads it, through the snapshot; it is never logged.
 */
public final class DisclosureSecret {

    private static final int BYTES = 32;

    private DisclosureSecret() {
    }

    /** Makes the secret if the warehouse has none yet; a warehouse keeps its first one for ever. */
    public static void ensure(DataSource warehouse) {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                boolean present;
                try (var rows = statement.executeQuery("SELECT count(*) FROM disclosure_secret")) {
                    rows.next();
                    present = rows.getLong(1) > 0;
                }
                if (!present) {
                    byte[] secret = new byte[BYTES];
                    new SecureRandom().nextBytes(secret);
                    statement.execute("INSERT INTO disclosure_secret VALUES ('" + HexFormat.of().formatHex(secret)
                            + "', now())");
                }
                connection.commit();
            } catch (SQLException e) {
                Transactions.rollBack(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("making the disclosure secret failed: " + e.getMessage(), e);
        }
    }
}
