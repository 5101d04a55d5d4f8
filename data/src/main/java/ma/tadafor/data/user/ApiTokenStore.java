package ma.tadafor.data.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/** Personal API tokens, kept as hashes of their secrets. */
public final class ApiTokenStore {

    private final DataSource dataSource;
    private final Runnable revoked;

    public ApiTokenStore(DataSource dataSource) {
        this(dataSource, () -> { });
    }

    /** @param revoked told once a revocation is committed, by whoever keeps tokens found valid */
    public ApiTokenStore(DataSource dataSource, Runnable revoked) {
        this.dataSource = dataSource;
        this.revoked = revoked;
    }

    public long create(String username, String name, String tokenHash) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO api_token (username, name, token_hash, created_at) VALUES (?, ?, ?, now())
                     RETURNING id""")) {
            statement.setString(1, username);
            statement.setString(2, name);
            statement.setString(3, tokenHash);
            try (ResultSet id = statement.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("creating a token failed: " + e.getMessage(), e);
        }
    }

    public List<ApiToken> of(String username) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT id, name, created_at, last_used_at, revoked_at FROM api_token
                     WHERE username = ? ORDER BY id""")) {
            query.setString(1, username);
            List<ApiToken> tokens = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tokens.add(new ApiToken(rows.getLong(1), rows.getString(2), instant(rows, 3), instant(rows, 4),
                            instant(rows, 5)));
                }
            }
            return tokens;
        } catch (SQLException e) {
            throw new IllegalStateException("listing tokens failed: " + e.getMessage(), e);
        }
    }

    /** Revokes the owner's token; returns false when the owner has no such live token. */
    public boolean revoke(String username, long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE api_token SET revoked_at = now() WHERE id = ? AND username = ? AND revoked_at IS NULL")) {
            statement.setLong(1, id);
            statement.setString(2, username);
            boolean done = statement.executeUpdate() > 0;
            if (done) {
                revoked.run();
            }
            return done;
        } catch (SQLException e) {
            throw new IllegalStateException("revoking a token failed: " + e.getMessage(), e);
        }
    }

    /**
     * The owner of the live token with this hash, marking it used. The mark is written at most once a
     * minute (it is shown to the minute): a token's requests are read-only, and concurrent ones do not
     * race to update the same row, which DuckDB refuses as a write conflict.
     */
    public Optional<String> use(String tokenHash) {
        try (Connection connection = dataSource.getConnection()) {
            String owner;
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT username, last_used_at IS NULL OR last_used_at < now() - INTERVAL 1 MINUTE
                    FROM api_token WHERE token_hash = ? AND revoked_at IS NULL""")) {
                statement.setString(1, tokenHash);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    owner = row.getString(1);
                    if (!row.getBoolean(2)) {
                        return Optional.of(owner);
                    }
                }
            }
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE api_token SET last_used_at = now() WHERE token_hash = ?")) {
                mark.setString(1, tokenHash);
                mark.executeUpdate();
            } catch (SQLException e) {
                if (!e.getMessage().contains("Conflict")) {
                    throw e;
                }
                // A concurrent request of the same token is writing the same mark.
            }
            return Optional.of(owner);
        } catch (SQLException e) {
            throw new IllegalStateException("checking a token failed: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
