package ma.tadafor.data.ingestion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** Every source's watermark, in one query: a run of 1,503 sources would otherwise ask 1,503 times. */
    public Map<String, Instant> all() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT source_id, applied_up_to FROM watermark");
             ResultSet rows = query.executeQuery()) {
            Map<String, Instant> watermarks = new HashMap<>();
            while (rows.next()) {
                watermarks.put(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant());
            }
            return watermarks;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the watermarks failed: " + e.getMessage(), e);
        }
    }

    /** A source pulled in full, and the newest version it applied (null if it applied none). */
    public record Success(String sourceId, Instant newestApplied) {
    }

    /**
     * Records successful pulls, in one statement (a lane's chunk may end dozens of sources). A
     * watermark never moves back: a pull that saw nothing new (its newest version null or older)
     * keeps it.
     */
    public void recordSuccesses(List<Success> successes, Instant succeededAt) {
        String rows = String.join(", ", Collections.nCopies(successes.size(), "(CAST(? AS VARCHAR), CAST(? AS TIMESTAMPTZ))"));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO watermark (source_id, applied_up_to, last_success_at)
                     SELECT source_id, coalesce(applied_up_to, TIMESTAMPTZ '1970-01-01 00:00:00+00'), CAST(? AS TIMESTAMPTZ)
                     FROM (VALUES %s) AS v(source_id, applied_up_to)
                     ON CONFLICT (source_id) DO UPDATE SET
                         applied_up_to = greatest(watermark.applied_up_to, excluded.applied_up_to),
                         last_success_at = excluded.last_success_at""".formatted(rows))) {
            int parameter = 1;
            statement.setTimestamp(parameter++, Timestamp.from(succeededAt));
            for (Success success : successes) {
                statement.setString(parameter++, success.sourceId());
                statement.setTimestamp(parameter++, success.newestApplied() == null ? null : Timestamp.from(success.newestApplied()));
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("saving the watermarks of " + successes.stream().map(Success::sourceId).toList()
                    + " failed: " + e.getMessage(), e);
        }
    }
}
