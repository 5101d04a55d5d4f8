package ma.tadafor.data.activity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import ma.tadafor.data.Dirhams;
import ma.tadafor.data.Transactions;

/**
 * Writes portal-feed items into the facts, idempotently: a batch, of one source or of several, is
 * appended to temporary staging tables with DuckDB's appender (row-by-row JDBC inserts are ~150×
 * slower here), then merged in one transaction. A newer version of an item replaces the older one and all its cells; an older
 * or equal version, or one older than the item's withdrawal, changes nothing, so replaying a
 * page is harmless. Each applied version whose status is new for its item is appended to
 * {@code activity_status_change}: the only history of statuses there is.
 */
public final class ActivityStore {

    private final DataSource dataSource;
    /**
     * DuckDB has one writer at heart: merges of parallel pulls queue here rather than meet as
     * transaction conflicts. Staging, the bulk of the work, stays parallel.
     */
    private final ReentrantLock merges = new ReentrantLock();

    public ActivityStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One source's share of a batch to apply: its items' versions and its withdrawals. */
    public record SourceChanges(String sourceId, String communeCode, List<Activity> activities,
                                List<Withdrawal> withdrawals) {
    }

    public ApplyResult apply(String sourceId, String communeCode, List<Activity> activities, List<Withdrawal> withdrawals) {
        return apply(List.of(new SourceChanges(sourceId, communeCode, activities, withdrawals))).get(sourceId);
    }

    /**
     * Applies the changes of several sources in one merge transaction (at national scale a pull
     * brings a few hundred cells a source, and a merge costs about the same for one source or
     * fifty); returns what changed, by source, every source of the batch included.
     */
    public Map<String, ApplyResult> apply(List<SourceChanges> batch) {
        String sourceIds = batch.stream().map(SourceChanges::sourceId).collect(Collectors.joining(", "));
        try (Connection connection = dataSource.getConnection()) {
            createStagingTables(connection);
            stage(connection.unwrap(DuckDBConnection.class), batch);
            merges.lock();
            try {
                connection.setAutoCommit(false);
                Map<String, ApplyResult> result = new HashMap<>();
                batch.forEach(changes -> result.put(changes.sourceId(), ApplyResult.NONE));
                try {
                    merge(connection).forEach((sourceId, applied) -> result.merge(sourceId, applied, ApplyResult::plus));
                    connection.commit();
                } catch (SQLException e) {
                    Transactions.rollBack(connection, e);
                    throw e;
                }
                connection.setAutoCommit(true);
                return result;
            } finally {
                merges.unlock();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing activities of source " + sourceIds + " failed: " + e.getMessage(), e);
        }
    }

    /** Staging tables live as long as their pooled connection: created once, emptied per batch (DDL is slow). */
    private static void createStagingTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMP TABLE IF NOT EXISTS stage_activity (
                        source_id VARCHAR, commune_code VARCHAR,
                        item_id VARCHAR, updated_at TIMESTAMP, mechanism VARCHAR, status VARCHAR,
                        start_date DATE, end_date DATE, title_fr VARCHAR, title_ar VARCHAR, theme VARCHAR,
                        initiator VARCHAR, indh_project_ref VARCHAR, participants BIGINT,
                        tadafor_mad DECIMAL(14, 2), commune_mad DECIMAL(14, 2), indh_mad DECIMAL(14, 2),
                        other_mad DECIMAL(14, 2));
                    CREATE TEMP TABLE IF NOT EXISTS stage_cell (
                        source_id VARCHAR, item_id VARCHAR, updated_at TIMESTAMP, gender VARCHAR, age_band VARCHAR,
                        disability BOOLEAN, role VARCHAR, participants INTEGER);
                    CREATE TEMP TABLE IF NOT EXISTS stage_association (
                        source_id VARCHAR, commune_code VARCHAR,
                        item_id VARCHAR, updated_at TIMESTAMP, association_id VARCHAR, name VARCHAR);
                    CREATE TEMP TABLE IF NOT EXISTS stage_withdrawal (
                        source_id VARCHAR, item_id VARCHAR, withdrawn_at TIMESTAMP);
                    TRUNCATE stage_activity;
                    TRUNCATE stage_cell;
                    TRUNCATE stage_association;
                    TRUNCATE stage_withdrawal;
                    """);
        }
    }

    private static void stage(DuckDBConnection connection, List<SourceChanges> batch) throws SQLException {
        try (DuckDBAppender activityRows = connection.createAppender("temp", "main", "stage_activity");
             DuckDBAppender cellRows = connection.createAppender("temp", "main", "stage_cell");
             DuckDBAppender associationRows = connection.createAppender("temp", "main", "stage_association");
             DuckDBAppender withdrawalRows = connection.createAppender("temp", "main", "stage_withdrawal")) {
            for (SourceChanges changes : batch) {
                String sourceId = changes.sourceId();
                for (Activity activity : changes.activities()) {
                    LocalDateTime updatedAt = utc(activity.updatedAt());
                    Funding funding = activity.funding();
                    activityRows.beginRow()
                            .append(sourceId)
                            .append(changes.communeCode())
                            .append(activity.id())
                            .append(updatedAt)
                            .append(activity.mechanism().name())
                            .append(activity.status().name())
                            .append(activity.startDate())
                            .append(activity.endDate())
                            .append(activity.title() == null ? null : activity.title().fr())
                            .append(activity.title() == null ? null : activity.title().ar())
                            .append(activity.theme() == null ? null : activity.theme().name())
                            .append(activity.initiator() == null ? null : activity.initiator().name())
                            .append(activity.indhProjectRef())
                            .append(activity.participants())
                            .append(funding == null ? null : Dirhams.stored(funding.tadaforMad()))
                            .append(funding == null ? null : Dirhams.stored(funding.communeMad()))
                            .append(funding == null ? null : Dirhams.stored(funding.indhMad()))
                            .append(funding == null ? null : Dirhams.stored(funding.otherMad()))
                            .endRow();
                    for (ParticipationCell cell : activity.participation()) {
                        cellRows.beginRow()
                                .append(sourceId)
                                .append(activity.id())
                                .append(updatedAt)
                                .append(cell.gender().name())
                                .append(cell.ageBand().code())
                                .append(cell.disability())
                                .append(cell.role().name())
                                .append(cell.count())
                                .endRow();
                    }
                    for (Association association : activity.associations()) {
                        associationRows.beginRow()
                                .append(sourceId)
                                .append(changes.communeCode())
                                .append(activity.id())
                                .append(updatedAt)
                                .append(association.id())
                                .append(association.name())
                                .endRow();
                    }
                }
                for (Withdrawal withdrawal : changes.withdrawals()) {
                    withdrawalRows.beginRow().append(sourceId).append(withdrawal.id()).append(utc(withdrawal.updatedAt()))
                            .endRow();
                }
            }
        }
    }

    private static Map<String, ApplyResult> merge(Connection connection) throws SQLException {
        // The versions that win: the newest staged one per item, newer than what the warehouse
        // holds and than the item's withdrawal, if any.
        update(connection, """
                CREATE OR REPLACE TEMP TABLE stage_apply AS
                SELECT s.source_id, s.item_id, s.updated_at, a.item_id IS NOT NULL AS existed
                FROM (SELECT source_id, item_id, max(updated_at) AS updated_at FROM stage_activity GROUP BY source_id, item_id) s
                LEFT JOIN activity a ON a.source_id = s.source_id AND a.item_id = s.item_id
                LEFT JOIN activity_withdrawal w ON w.source_id = s.source_id AND w.item_id = s.item_id
                WHERE (a.item_id IS NULL OR s.updated_at > a.updated_at)
                  AND (w.item_id IS NULL OR s.updated_at > w.withdrawn_at)""");
        Map<String, ApplyResult> results = new HashMap<>();
        boolean updated = false;
        boolean inserted = false;
        try (Statement statement = connection.createStatement();
             ResultSet counts = statement.executeQuery("""
                     SELECT s.source_id, s.staged, count(a.item_id) FILTER (WHERE NOT a.existed),
                            count(a.item_id) FILTER (WHERE a.existed)
                     FROM (SELECT source_id, count(DISTINCT item_id) AS staged FROM stage_activity GROUP BY source_id) s
                     LEFT JOIN stage_apply a USING (source_id)
                     GROUP BY s.source_id, s.staged""")) {
            while (counts.next()) {
                long staged = counts.getLong(2);
                long insertedItems = counts.getLong(3);
                long updatedItems = counts.getLong(4);
                results.put(counts.getString(1), new ApplyResult(insertedItems, updatedItems, 0,
                        staged - insertedItems - updatedItems));
                inserted |= insertedItems > 0;
                updated |= updatedItems > 0;
            }
        }
        // The feed keeps no history: a status is remembered when a version bringing it is applied.
        update(connection, """
                INSERT INTO activity_status_change
                SELECT s.source_id, s.item_id, s.status, s.updated_at
                FROM stage_activity s JOIN stage_apply USING (source_id, item_id, updated_at)
                LEFT JOIN activity a ON a.source_id = s.source_id AND a.item_id = s.item_id
                WHERE a.item_id IS NULL OR a.status <> s.status""");
        // Deleting scans the fact tables: only when older versions are actually replaced.
        if (updated) {
            deleteItems(connection, "SELECT source_id, item_id FROM stage_apply WHERE existed");
        }
        update(connection, """
                INSERT INTO activity
                SELECT s.source_id, s.item_id, s.commune_code, s.mechanism, s.status, s.start_date, s.end_date,
                       s.title_fr, s.title_ar, s.theme, s.initiator, s.indh_project_ref, s.participants, s.updated_at, now()
                FROM stage_activity s JOIN stage_apply USING (source_id, item_id, updated_at)""");
        update(connection, """
                INSERT INTO participation_cell
                SELECT c.source_id, c.item_id, c.gender, c.age_band, c.disability, c.role, c.participants
                FROM stage_cell c JOIN stage_apply USING (source_id, item_id, updated_at)""");
        update(connection, """
                INSERT INTO co_construction_project
                SELECT s.source_id, s.item_id, s.tadafor_mad, s.commune_mad, s.indh_mad, s.other_mad
                FROM stage_activity s JOIN stage_apply USING (source_id, item_id, updated_at)
                WHERE s.tadafor_mad IS NOT NULL""");
        update(connection, """
                INSERT INTO activity_association
                SELECT DISTINCT x.source_id, x.item_id, x.association_id
                FROM stage_association x JOIN stage_apply USING (source_id, item_id, updated_at)""");
        update(connection, """
                INSERT INTO association
                SELECT DISTINCT ON (commune_code, association_id) commune_code, association_id, name
                FROM stage_association ORDER BY commune_code, association_id, updated_at DESC
                ON CONFLICT (commune_code, association_id) DO UPDATE SET name = excluded.name""");

        withdraw(connection, inserted).forEach((sourceId, deleted) ->
                results.merge(sourceId, new ApplyResult(0, 0, deleted, 0), ApplyResult::plus));
        return results;
    }

    /**
     * Removes the items withdrawn after their newest version and remembers every withdrawal; an
     * item that came back with a version newer than its withdrawal is no longer withdrawn.
     * Returns how many items were removed, by source.
     */
    private static Map<String, Long> withdraw(Connection connection, boolean newItems) throws SQLException {
        if (newItems) {
            update(connection, """
                    DELETE FROM activity_withdrawal w USING stage_apply s
                    WHERE w.source_id = s.source_id AND w.item_id = s.item_id AND NOT s.existed""");
        }
        if (count(connection, "SELECT count(*) FROM stage_withdrawal") == 0) {
            return Map.of();
        }
        update(connection, """
                CREATE OR REPLACE TEMP TABLE stage_withdrawn AS
                SELECT w.source_id, w.item_id
                FROM (SELECT source_id, item_id, max(withdrawn_at) AS withdrawn_at FROM stage_withdrawal GROUP BY source_id, item_id) w
                JOIN activity a ON a.source_id = w.source_id AND a.item_id = w.item_id AND a.updated_at <= w.withdrawn_at""");
        Map<String, Long> withdrawn = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT source_id, count(*) FROM stage_withdrawn GROUP BY source_id")) {
            while (rows.next()) {
                withdrawn.put(rows.getString(1), rows.getLong(2));
            }
        }
        if (!withdrawn.isEmpty()) {
            deleteItems(connection, "SELECT source_id, item_id FROM stage_withdrawn");
        }
        update(connection, """
                INSERT INTO activity_withdrawal
                SELECT source_id, item_id, max(withdrawn_at) FROM stage_withdrawal GROUP BY source_id, item_id
                ON CONFLICT (source_id, item_id) DO UPDATE SET withdrawn_at = greatest(withdrawn_at, excluded.withdrawn_at)""");
        return withdrawn;
    }

    /** {@code items} selects (source_id, item_id) pairs. */
    private static void deleteItems(Connection connection, String items) throws SQLException {
        for (String table : List.of("participation_cell", "activity_association", "co_construction_project", "activity")) {
            update(connection, "DELETE FROM " + table + " t USING (" + items + ") d "
                    + "WHERE t.source_id = d.source_id AND t.item_id = d.item_id");
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
