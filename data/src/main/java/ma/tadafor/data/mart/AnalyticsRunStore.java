package ma.tadafor.data.mart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import javax.sql.DataSource;

/** The log of mart refreshes ({@code analytics_run}). */
public final class AnalyticsRunStore {

    private final DataSource dataSource;

    public AnalyticsRunStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param full whether a full refresh was asked for */
    public void queued(String runId, String trigger, boolean full) {
        update("""
                INSERT INTO analytics_run (run_id, trigger, status, requested_at, full_requested)
                VALUES (?, ?, 'QUEUED', now(), ?)""", runId, trigger, full);
    }

    /** A full refresh asked for while the run was queued: it will be one. */
    public void fullRequested(String runId) {
        update("UPDATE analytics_run SET full_requested = true WHERE run_id = ?", runId);
    }

    public void running(String runId) {
        update("UPDATE analytics_run SET status = 'RUNNING', started_at = now() WHERE run_id = ?", runId);
    }

    public void completed(String runId, AnalyticsRun.Timings timings, long cells, WarehouseSnapshot.RefreshScope scope) {
        update("""
                UPDATE analytics_run SET status = 'COMPLETED', finished_at = now(), session_ms = ?, snapshot_ms = ?,
                       jobs_ms = ?, load_ms = ?, cells = ?, refresh_kind = ?, communes = ?
                WHERE run_id = ?""", timings.sessionMs(), timings.snapshotMs(), timings.jobsMs(), timings.loadMs(), cells,
                scope.kind(), scope.full() ? null : scope.communes(), runId);
    }

    public void failed(String runId, AnalyticsRun.Timings timings, String error) {
        update("""
                UPDATE analytics_run SET status = 'FAILED', finished_at = now(), session_ms = ?, snapshot_ms = ?,
                       jobs_ms = ?, load_ms = ?, error = ?
                WHERE run_id = ?""", timings.sessionMs(), timings.snapshotMs(), timings.jobsMs(), timings.loadMs(), error,
                runId);
    }

    /** Runs a previous process left queued or running will never finish: they are marked failed. */
    public int abandonUnfinished() {
        return update("""
                UPDATE analytics_run SET status = 'FAILED', finished_at = now(), error = 'interrupted by a restart'
                WHERE status IN ('QUEUED', 'RUNNING')""");
    }

    public Optional<AnalyticsRun> find(String runId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT run_id, trigger, status, requested_at, started_at, finished_at, session_ms, snapshot_ms,
                            jobs_ms, load_ms, cells, error, coalesce(full_requested, false), refresh_kind, communes
                     FROM analytics_run WHERE run_id = ?""")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new AnalyticsRun(row.getString(1), row.getString(2),
                        AnalyticsRun.Status.valueOf(row.getString(3)), instant(row, 4), instant(row, 5), instant(row, 6),
                        new AnalyticsRun.Timings(row.getObject(7, Long.class), row.getObject(8, Long.class),
                                row.getObject(9, Long.class), row.getObject(10, Long.class)),
                        row.getObject(11, Long.class), row.getString(12), row.getBoolean(13),
                        row.getString(14) == null ? null : new AnalyticsRun.Refresh(row.getString(14), row.getObject(15, Integer.class))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading analytics run " + runId + " failed: " + e.getMessage(), e);
        }
    }

    /** When the marts in place were swapped in: the end of the latest completed refresh, if any. */
    public Optional<Instant> lastCompletedAt() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT max(finished_at) FROM analytics_run WHERE status = 'COMPLETED'");
             ResultSet row = query.executeQuery()) {
            row.next();
            return Optional.ofNullable(instant(row, 1));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the last refresh failed: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the analytics run log failed: " + e.getMessage(), e);
        }
    }
}
