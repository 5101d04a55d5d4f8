package ma.tadafor.data.ingestion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import ma.tadafor.data.Transactions;

/** The history of ingestion runs, per source, as the API and the data-quality pages report it. */
public final class IngestionRunStore {

    private final DataSource dataSource;

    public IngestionRunStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a run and its sources, PENDING, in one transaction: a national run has 1,503 sources. */
    public void start(String runId, String trigger, List<String> sourceIds) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement run = connection.prepareStatement(
                     "INSERT INTO ingestion_run (run_id, trigger, status, started_at) VALUES (?, ?, 'RUNNING', now())");
             PreparedStatement source = connection.prepareStatement(
                     "INSERT INTO ingestion_run_source (run_id, source_id, status) VALUES (?, ?, 'PENDING')")) {
            connection.setAutoCommit(false);
            try {
                run.setString(1, runId);
                run.setString(2, trigger);
                run.executeUpdate();
                for (String sourceId : sourceIds) {
                    source.setString(1, runId);
                    source.setString(2, sourceId);
                    source.addBatch();
                }
                source.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                Transactions.rollBack(connection, e);
                throw e;
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("recording ingestion run failed: " + e.getMessage(), e);
        }
    }

    public void attachJobExecution(String runId, long jobExecutionId) {
        update("UPDATE ingestion_run SET job_execution_id = ? WHERE run_id = ?", jobExecutionId, runId);
    }

    /** The Spring Batch execution that carries the run, once it has started. */
    public Optional<Long> jobExecutionOf(String runId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT job_execution_id FROM ingestion_run WHERE run_id = ?")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long id = row.getLong(1);
                return row.wasNull() ? Optional.empty() : Optional.of(id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading ingestion runs failed: " + e.getMessage(), e);
        }
    }

    /**
     * Marks sources RUNNING, in one statement, each from the time given (a source resumed after a
     * restart keeps the time it first started).
     */
    public void sourcesStarted(String runId, Map<String, Instant> startedAt) {
        List<Object> parameters = new ArrayList<>();
        startedAt.forEach((sourceId, at) -> {
            parameters.add(sourceId);
            parameters.add(Timestamp.from(at));
        });
        parameters.add(runId);
        update("""
                UPDATE ingestion_run_source AS r SET status = 'RUNNING', error = NULL,
                    started_at = coalesce(r.started_at, v.started_at)
                FROM (VALUES %s) AS v(source_id, started_at)
                WHERE r.run_id = ? AND r.source_id = v.source_id""".formatted(
                rows("(CAST(? AS VARCHAR), CAST(? AS TIMESTAMPTZ))", startedAt.size())), parameters.toArray());
    }

    public void sourceFinished(String runId, SourceRun result) {
        sourcesFinished(runId, List.of(result));
    }

    /**
     * Records what the run did for each source, in one statement: a lane's chunk may end dozens of
     * sources. A result's {@code startedAt}, if any, stands where the source has no start yet; its
     * {@code finishedAt}, if any, is the end's time, now otherwise.
     */
    public void sourcesFinished(String runId, List<SourceRun> results) {
        List<Object> parameters = new ArrayList<>();
        for (SourceRun result : results) {
            parameters.addAll(Arrays.asList(result.sourceId(), result.status(), result.read(), result.inserted(),
                    result.updated(), result.deleted(), result.quarantined(), result.error(), timestamp(result.startedAt()),
                    timestamp(result.finishedAt())));
        }
        parameters.add(runId);
        update("""
                UPDATE ingestion_run_source AS r SET status = v.status, read = v.read, inserted = v.inserted,
                    updated = v.updated, deleted = v.deleted, quarantined = v.quarantined, error = v.error,
                    started_at = coalesce(r.started_at, v.started_at), finished_at = coalesce(v.finished_at, now())
                FROM (VALUES %s) AS v(source_id, status, read, inserted, updated, deleted, quarantined, error,
                                      started_at, finished_at)
                WHERE r.run_id = ? AND r.source_id = v.source_id""".formatted(rows("""
                (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT),
                 CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR), CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ))""",
                results.size())), parameters.toArray());
    }

    private static String rows(String row, int count) {
        return String.join(", ", Collections.nCopies(count, row));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public void finish(String runId, String status) {
        update("UPDATE ingestion_run SET status = ?, finished_at = now() WHERE run_id = ?", status, runId);
    }

    /** Whether any run was ever made. */
    public boolean any() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM ingestion_run)");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("reading ingestion runs failed: " + e.getMessage(), e);
        }
    }

    /** Runs left RUNNING by a process that died; they are resumed at start. */
    public List<String> unfinished() {
        List<String> runs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT run_id FROM ingestion_run WHERE status = 'RUNNING' ORDER BY started_at");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                runs.add(rows.getString(1));
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException("reading ingestion runs failed: " + e.getMessage(), e);
        }
    }

    /** The newest runs first, without their per-source detail. */
    public List<IngestionRun> recent(int limit) {
        List<String> runIds = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT run_id FROM ingestion_run ORDER BY started_at DESC LIMIT ?")) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runIds.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading ingestion runs failed: " + e.getMessage(), e);
        }
        return runIds.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    public Optional<IngestionRun> find(String runId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement run = connection.prepareStatement(
                     "SELECT run_id, trigger, status, started_at, finished_at FROM ingestion_run WHERE run_id = ?");
             PreparedStatement sources = connection.prepareStatement("""
                     SELECT source_id, status, read, inserted, updated, deleted, quarantined, error, started_at, finished_at
                     FROM ingestion_run_source WHERE run_id = ? ORDER BY source_id""")) {
            run.setString(1, runId);
            sources.setString(1, runId);
            try (ResultSet row = run.executeQuery(); ResultSet sourceRows = sources.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                List<SourceRun> sourceRuns = new ArrayList<>();
                while (sourceRows.next()) {
                    sourceRuns.add(new SourceRun(sourceRows.getString(1), sourceRows.getString(2), sourceRows.getLong(3),
                            sourceRows.getLong(4), sourceRows.getLong(5), sourceRows.getLong(6), sourceRows.getLong(7),
                            sourceRows.getString(8), instant(sourceRows, 9), instant(sourceRows, 10)));
                }
                return Optional.of(new IngestionRun(row.getString(1), row.getString(2), row.getString(3), instant(row, 4),
                        instant(row, 5), sourceRuns));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading ingestion run " + runId + " failed: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording ingestion run failed: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
