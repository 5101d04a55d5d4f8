package ma.tadafor.data.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import ma.tadafor.data.Transactions;
import ma.tadafor.data.mart.ExactCount;
import ma.tadafor.data.territory.TerritorialScope;

/**
 * The outliers and the decisions on them (table {@code outlier}, V013). After each refresh
 * {@link #carryOver} brings the refresh's flags ({@code mart_outlier}) in, keeping the decisions that
 * still hold: an item's decision holds for the version it was taken on, a commune semester's
 * confirmation for the total it was taken on. What the refresh no longer flags leaves the list,
 * except excluded items, which the refresh does not see.
 */
public final class OutlierStore {

    /** The same item, or the same commune semester, in {@code outlier o} and {@code mart_outlier m}. */
    private static final String SAME_SUBJECT = """
            m.kind = o.kind AND (o.kind = 'item' AND m.source_id = o.source_id AND m.item_id = o.item_id
                                 OR o.kind = 'commune-semester' AND m.commune_code = o.commune_code AND m.semester = o.semester)""";
    private static final String FIGURES = "commune_code, province_code, mechanism, semester, item_version, value, value_key, "
            + "expected, expected_key, score, basis, history";
    private static final String SELECT = """
            SELECT o.id, o.kind, o.source_id, o.item_id, o.item_version, o.commune_code, c.name_fr, c.name_ar, o.mechanism,
                   o.semester, o.value, o.value_key, o.expected, o.expected_key, o.score, o.basis, o.history, o.status,
                   o.flagged_at, o.decided_by, o.decided_at, o.decision_reason
            FROM outlier o JOIN commune c ON c.code = o.commune_code""";

    private final DataSource dataSource;

    public OutlierStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Brings the last refresh's flags in, in one transaction; returns how many outliers are now listed. */
    public long carryOver() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                // A decision on an item lapses with the version it was taken on: a corrected item is judged afresh.
                statement.execute("""
                        DELETE FROM outlier o WHERE o.kind = 'item' AND o.status <> 'FLAGGED' AND NOT EXISTS (
                            SELECT 1 FROM activity a
                            WHERE a.source_id = o.source_id AND a.item_id = o.item_id AND a.updated_at = o.item_version)""");
                // A commune semester's confirmation lapses when its total changes.
                statement.execute("DELETE FROM outlier o WHERE o.kind = 'commune-semester' AND o.status = 'CONFIRMED' "
                        + "AND NOT EXISTS (SELECT 1 FROM mart_outlier m WHERE " + SAME_SUBJECT + " AND m.value = o.value)");
                statement.execute("DELETE FROM outlier o WHERE o.status <> 'EXCLUDED' "
                        + "AND NOT EXISTS (SELECT 1 FROM mart_outlier m WHERE " + SAME_SUBJECT + ")");
                StringBuilder assignments = new StringBuilder();
                for (String column : FIGURES.split(", ")) {
                    assignments.append(assignments.isEmpty() ? "" : ", ").append(column).append(" = m.").append(column);
                }
                statement.execute("UPDATE outlier o SET " + assignments + " FROM mart_outlier m WHERE " + SAME_SUBJECT
                        + " AND o.status <> 'EXCLUDED'");
                statement.execute("INSERT INTO outlier (kind, source_id, item_id, " + FIGURES + ", status, flagged_at) "
                        + "SELECT m.kind, m.source_id, m.item_id, " + FIGURES.replaceAll("(\\w+)", "m.$1")
                        + ", 'FLAGGED', now() FROM mart_outlier m "
                        + "WHERE NOT EXISTS (SELECT 1 FROM outlier o WHERE " + SAME_SUBJECT + ")");
                long listed;
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM outlier")) {
                    count.next();
                    listed = count.getLong(1);
                }
                connection.commit();
                connection.setAutoCommit(true);
                return listed;
            } catch (SQLException e) {
                Transactions.rollBack(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("carrying the refresh's outliers over failed: " + e.getMessage(), e);
        }
    }

    /**
     * The outliers of communes in {@code scope}, flagged ones first, then the latest semesters.
     *
     * @param under    a region, province or commune code narrowing the answer (null: the whole scope)
     * @param semester only this semester (null: all)
     * @param status   only this status (null: all)
     */
    public List<Outlier> list(TerritorialScope scope, String under, String semester, Outlier.Status status) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE ").append(scope.communeCondition("c", parameters));
        if (under != null) {
            sql.append(" AND starts_with(o.commune_code, ?)");
            parameters.add(under);
        }
        if (semester != null) {
            sql.append(" AND o.semester = ?");
            parameters.add(semester);
        }
        if (status != null) {
            sql.append(" AND o.status = ?");
            parameters.add(status.name());
        }
        sql.append(" ORDER BY CASE o.status WHEN 'FLAGGED' THEN 0 WHEN 'EXCLUDED' THEN 1 ELSE 2 END, "
                + "o.semester DESC NULLS LAST, o.commune_code, o.id");
        return query(sql.toString(), parameters);
    }

    public Optional<Outlier> find(long id) {
        return query(SELECT + " WHERE o.id = ?", List.of(id)).stream().findFirst();
    }

    /** Records a decision, which replaces any earlier one; returns the outlier as it now is. */
    public Outlier decide(long id, Outlier.Status status, String decidedBy, String reason) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE outlier SET status = ?, decided_by = ?, decided_at = now(), decision_reason = ? WHERE id = ?")) {
            update.setString(1, status.name());
            update.setString(2, decidedBy);
            update.setString(3, reason);
            update.setLong(4, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording the decision on outlier " + id + " failed: " + e.getMessage(), e);
        }
        return find(id).orElseThrow();
    }

    private List<Outlier> query(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<Outlier> outliers = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    outliers.add(new Outlier(rows.getLong(1), Outlier.Kind.of(rows.getString(2)), rows.getString(3),
                            rows.getString(4), instant(rows, 5), rows.getString(6), rows.getString(7), rows.getString(8),
                            rows.getString(9), rows.getString(10), new ExactCount(rows.getLong(11), rows.getInt(12)),
                            new ExactCount(Math.round(rows.getDouble(13)), rows.getInt(14)), rows.getDouble(15),
                            rows.getString(16), rows.getLong(17), Outlier.Status.valueOf(rows.getString(18)),
                            instant(rows, 19), rows.getString(20), instant(rows, 21), rows.getString(22)));
                }
            }
            return outliers;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the outliers failed: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
