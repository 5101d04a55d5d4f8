package ma.tadafor.data.framework;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import ma.tadafor.data.Transactions;

/**
 * What programme managers change in the results framework and the programme's membership:
 * indicator definitions, targets, hand-entered actuals, narratives, member communes. Values they
 * set are no longer demo values. Whoever keeps answers built from the framework is told of each
 * change once it is committed ({@code changed}).
 */
public final class ResultsFrameworkStore {

    private static final String SET_TARGET = "INSERT OR REPLACE INTO indicator_target VALUES (?, ?, ?, ?, false)";
    private static final String SET_BASELINE = "UPDATE indicator SET baseline = ?, is_demo = false WHERE code = ?";
    private static final String SAVE_MEMBER = """
            INSERT INTO programme_commune VALUES (?, ?, ?, 'set by a programme manager')
            ON CONFLICT (commune_code) DO UPDATE SET cohort = excluded.cohort, joined_on = excluded.joined_on,
                basis = excluded.basis""";
    private static final String INDICATOR_COLUMNS = """
            code, result, sort_order, label_fr, label_ar, unit, computation, activity_filter, share_filter,
            cumulative, disaggregations, baseline""";

    private final DataSource dataSource;
    private final Runnable changed;

    public ResultsFrameworkStore(DataSource dataSource) {
        this(dataSource, () -> { });
    }

    public ResultsFrameworkStore(DataSource dataSource, Runnable changed) {
        this.dataSource = dataSource;
        this.changed = changed;
    }

    public List<IndicatorDefinition> indicators() {
        return queryIndicators("SELECT " + INDICATOR_COLUMNS + " FROM indicator ORDER BY result, sort_order");
    }

    public Optional<IndicatorDefinition> indicator(String code) {
        return queryIndicators("SELECT " + INDICATOR_COLUMNS + " FROM indicator WHERE code = ?", code).stream().findFirst();
    }

    public void saveIndicator(IndicatorDefinition indicator) {
        update("""
                INSERT OR REPLACE INTO indicator (%s, is_demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)"""
                .formatted(INDICATOR_COLUMNS), indicator.code(), indicator.result(), indicator.sortOrder(),
                indicator.labelFr(), indicator.labelAr(), indicator.unit(), indicator.computation(),
                indicator.activityFilter(), indicator.shareFilter(), indicator.cumulative(), indicator.disaggregations(),
                indicator.baseline());
    }

    public void setTarget(String code, String scope, String semester, double target) {
        update(SET_TARGET, code, scope, semester, target);
    }

    /** Every target, by indicator, scope and semester. */
    public List<IndicatorTarget> targets() {
        String sql = "SELECT indicator_code, scope, semester, target, is_demo FROM indicator_target ORDER BY 1, 2, 3";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            List<IndicatorTarget> targets = new ArrayList<>();
            while (rows.next()) {
                targets.add(new IndicatorTarget(rows.getString(1), rows.getString(2), rows.getString(3), rows.getDouble(4),
                        rows.getBoolean(5)));
            }
            return targets;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the targets failed: " + e.getMessage(), e);
        }
    }

    /** Sets an existing indicator's baseline, which is then no longer a demo value. */
    public boolean setBaseline(String code, double baseline) {
        return update(SET_BASELINE, baseline, code) > 0;
    }

    /** Writes a whole set-up in one transaction: a failure leaves the framework as it was. */
    public void apply(FrameworkSetup setup) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement targets = connection.prepareStatement(SET_TARGET);
             PreparedStatement baselines = connection.prepareStatement(SET_BASELINE);
             PreparedStatement members = connection.prepareStatement(SAVE_MEMBER)) {
            connection.setAutoCommit(false);
            try {
                for (FrameworkSetup.Target target : setup.targets()) {
                    bind(targets, target.indicatorCode(), target.scope(), target.semester(), target.target());
                    targets.executeUpdate();
                }
                for (FrameworkSetup.Baseline baseline : setup.baselines()) {
                    bind(baselines, baseline.baseline(), baseline.indicatorCode());
                    baselines.executeUpdate();
                }
                for (FrameworkSetup.Member member : setup.members()) {
                    bind(members, member.communeCode(), member.cohort(), member.joinedOn());
                    members.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                Transactions.rollBack(connection, e);
                throw e;
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("setting up the programme failed: " + e.getMessage(), e);
        }
        changed.run();
    }

    public void setValue(String code, String scope, String semester, double value, String enteredBy) {
        update("INSERT OR REPLACE INTO indicator_value VALUES (?, ?, ?, ?, ?, now())", code, scope, semester, value,
                enteredBy);
    }

    public void setNarrative(String code, String scope, String semester, String textFr, String textAr, String author) {
        update("INSERT OR REPLACE INTO indicator_narrative VALUES (?, ?, ?, ?, ?, ?, now())", code, scope, semester,
                textFr, textAr, author);
    }

    /** Adds the commune to the programme, or changes its cohort or joining date. */
    public void saveMember(String communeCode, String cohort, LocalDate joinedOn) {
        update(SAVE_MEMBER, communeCode, cohort, joinedOn);
    }

    public boolean removeMember(String communeCode) {
        return update("DELETE FROM programme_commune WHERE commune_code = ?", communeCode) > 0;
    }

    private List<IndicatorDefinition> queryIndicators(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, parameters);
            List<IndicatorDefinition> indicators = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    indicators.add(new IndicatorDefinition(rows.getString(1), rows.getString(2), rows.getInt(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                            rows.getString(9), rows.getBoolean(10), rows.getString(11), rows.getObject(12, Double.class)));
                }
            }
            return indicators;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the results framework failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            int rows = statement.executeUpdate();
            changed.run();
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("changing the results framework failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }
}
