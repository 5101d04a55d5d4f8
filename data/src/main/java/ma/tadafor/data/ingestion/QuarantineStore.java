package ma.tadafor.data.ingestion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import ma.tadafor.data.Checksums;

/** Items set aside with their reason, for an administrator to review. */
public final class QuarantineStore {

    private final DataSource dataSource;

    public QuarantineStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A rejected item to set aside. */
    public record Rejection(String itemId, String reason, String rawText) {
    }

    /**
     * Sets the items aside; returns how many were new. The same raw item from the same source is
     * kept once, so a replayed page adds nothing.
     */
    public int add(String sourceId, String runId, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO quarantine (source_id, run_id, item_id, reason, raw_text, raw_sha256, received_at)
                     VALUES (?, ?, ?, ?, ?, ?, now())
                     ON CONFLICT (source_id, raw_sha256) DO NOTHING""")) {
            int added = 0;
            for (Rejection rejection : rejections) {
                statement.setString(1, sourceId);
                statement.setString(2, runId);
                statement.setString(3, rejection.itemId());
                statement.setString(4, rejection.reason());
                statement.setString(5, rejection.rawText());
                statement.setString(6, Checksums.sha256(rejection.rawText()));
                added += statement.executeUpdate();
            }
            return added;
        } catch (SQLException e) {
            throw new IllegalStateException("setting items of " + sourceId + " aside failed: " + e.getMessage(), e);
        }
    }

    /** The newest items set aside, of one source or (null) of all. */
    public List<QuarantinedItem> list(String sourceId, int offset, int limit) {
        String sql = """
                SELECT id, source_id, run_id, item_id, reason, raw_text, received_at FROM quarantine
                WHERE ? IS NULL OR source_id = ? ORDER BY id DESC LIMIT ? OFFSET ?""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, sourceId);
            query.setString(2, sourceId);
            query.setInt(3, limit);
            query.setInt(4, offset);
            List<QuarantinedItem> items = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(new QuarantinedItem(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getObject(7, OffsetDateTime.class).toInstant()));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the quarantine failed: " + e.getMessage(), e);
        }
    }
}
