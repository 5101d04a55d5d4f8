package ma.tadafor.data.mart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Reads the indicator mart. The scope is one the caller may see (the web layer checks it); every
 * defined indicator is answered, with {@code NO_DATA} where the last refresh computed nothing for
 * it (an indicator defined since, or a semester outside the data).
 */
public final class IndicatorQueries {

    private final DataSource dataSource;

    public IndicatorQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param scope {@code programme}, {@code region:05}, {@code province:05.091} or {@code commune:05.091.01.07} */
    public List<IndicatorFigure> indicators(String scope, String semester) {
        // Targets are configuration: the live one wins, so a change shows at once (its status follows
        // with the next refresh of the marts).
        String sql = """
                SELECT i.code, i.result, i.label_fr, i.label_ar, i.unit, i.baseline, coalesce(t.target, m.target),
                       coalesce(m.status, 'NO_DATA'), m.actual, m.numerator, m.denominator, m.numerator_key,
                       m.denominator_key, i.is_demo OR coalesce(t.is_demo, false)
                FROM indicator i
                LEFT JOIN mart_indicator m ON m.indicator_code = i.code AND m.scope = ? AND m.semester = ?
                LEFT JOIN indicator_target t ON t.indicator_code = i.code AND t.scope = ? AND t.semester = ?
                ORDER BY i.result, i.sort_order, i.code""";
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, scope);
            query.setString(2, semester);
            query.setString(3, scope);
            query.setString(4, semester);
            List<IndicatorFigure> figures = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    figures.add(new IndicatorFigure(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getObject(6, Double.class),
                            rows.getObject(7, Double.class), IndicatorActual.read(rows, 9), rows.getString(8),
                            rows.getBoolean(14)));
                }
            }
            return figures;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the indicator mart failed: " + e.getMessage(), e);
        }
    }
}
