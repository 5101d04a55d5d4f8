package ma.tadafor.data.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

/**
 * The audit log: append and search, nothing else. There is deliberately no update or delete, so
 * the application cannot edit what it recorded.
 */
public final class AuditStore {

    private final DataSource dataSource;

    public AuditStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void append(String username, String action, String target, String detail, String origin) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO audit_event (occurred_at, username, action, target, detail, origin)
                     VALUES (now(), ?, ?, ?, ?, ?)""")) {
            statement.setString(1, username);
            statement.setString(2, action);
            statement.setString(3, target);
            statement.setString(4, detail);
            statement.setString(5, origin);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the audit log failed: " + e.getMessage(), e);
        }
    }

    /** An empty search field means "any". */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The newest {@code limit} events of these actions, newest first. */
    public List<AuditEvent> latest(List<String> actions, int limit) {
        String sql = "SELECT id, occurred_at, username, action, target, detail, origin FROM audit_event WHERE action IN ("
                + String.join(", ", Collections.nCopies(actions.size(), "?")) + ") ORDER BY id DESC LIMIT ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < actions.size(); i++) {
                query.setString(i + 1, actions.get(i));
            }
            query.setInt(actions.size() + 1, limit);
            return events(query);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit log failed: " + e.getMessage(), e);
        }
    }

    /**
     * The newest events first; each filter is ignored when null: the user, the action, and a
     * text searched in target and detail.
     */
    public List<AuditEvent> search(String username, String action, String text, int offset, int limit) {
        String sql = """
                SELECT id, occurred_at, username, action, target, detail, origin FROM audit_event
                WHERE (? IS NULL OR username = ?) AND (? IS NULL OR action = ?)
                  AND (? IS NULL OR contains(lower(coalesce(target, '') || ' ' || coalesce(detail, '')), lower(?)))
                ORDER BY id DESC LIMIT ? OFFSET ?""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, username);
            query.setString(2, username);
            query.setString(3, action);
            query.setString(4, action);
            query.setString(5, text);
            query.setString(6, text);
            query.setInt(7, limit);
            query.setInt(8, offset);
            return events(query);
        } catch (SQLException e) {
            throw new IllegalStateException("searching the audit log failed: " + e.getMessage(), e);
        }
    }

    private static List<AuditEvent> events(PreparedStatement query) throws SQLException {
        List<AuditEvent> events = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                events.add(new AuditEvent(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                        rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7)));
            }
        }
        return events;
    }
}
