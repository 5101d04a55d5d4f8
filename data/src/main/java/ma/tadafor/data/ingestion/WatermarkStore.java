package ma.tadafor.data.ingestion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Per source, the newest {@code updatedAt} fully applied: the next pull asks from there (minus an
 * overlap), so a pull only transfers what changed.
 */
public final class WatermarkStore {

    private final DataSource dataSource;

    public WatermarkStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Instant> appliedUpTo(String sourceId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT applied_up_to FROM watermark WHERE source_id = ?")) {
            query.setString(1, sourceId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the watermark of " + sourceId + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Records a successful pull. The watermark never moves back: a pull that saw nothing new
     * ({@code newestApplied} null or older) keeps it.
     */
    public void recordSuccess(String sourceId, Instant newestApplied, Instant succeededAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO watermark (source_id, applied_up_to, last_success_at) VALUES (?, coalesce(?, TIMESTAMPTZ '1970-01-01 00:00:00+00'), ?)
                     ON CONFLICT (source_id) DO UPDATE SET
                         applied_up_to = greatest(watermark.applied_up_to, excluded.applied_up_to),
                         last_success_at = excluded.last_success_at""")) {
            statement.setString(1, sourceId);
            statement.setTimestamp(2, newestApplied == null ? null : Timestamp.from(newestApplied));
            statement.setTimestamp(3, Timestamp.from(succeededAt));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("saving the watermark of " + sourceId + " failed: " + e.getMessage(), e);
        }
    }
}
