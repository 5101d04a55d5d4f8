package ma.tadafor.data.mart;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import ma.tadafor.data.Rows;

/**
 * The results framework over time, for one scope the caller may see (the web layer checks it, as
 * for {@link IndicatorQueries}): every indicator in every semester that has figures or targets,
 * and the semester's narrative comments.
 */
public final class IndicatorTrendQueries {

    private final DataSource dataSource;

    public IndicatorTrendQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Ordered by indicator code, then semester; the live target wins, as in {@link IndicatorQueries}. */
    public List<IndicatorPoint> trend(String scope) {
        String sql = """
                WITH semesters AS (
                    SELECT semester FROM mart_indicator WHERE scope = ?
                    UNION SELECT semester FROM indicator_target WHERE scope = ?)
                SELECT i.code, s.semester, coalesce(t.target, m.target), coalesce(m.status, 'NO_DATA'), m.actual,
                       m.numerator, m.denominator, m.numerator_key, m.denominator_key, i.unit
                FROM indicator i CROSS JOIN semesters s
                LEFT JOIN mart_indicator m ON m.indicator_code = i.code AND m.scope = ? AND m.semester = s.semester
                LEFT JOIN indicator_target t ON t.indicator_code = i.code AND t.scope = ? AND t.semester = s.semester
                ORDER BY i.code, s.semester""";
        List<IndicatorPoint> points = new ArrayList<>();
        query(sql, List.of(scope, scope, scope, scope), rows -> points.add(new IndicatorPoint(rows.getString(1),
                rows.getString(2), IndicatorActual.read(rows, 5), rows.getObject(3, Double.class), rows.getString(4),
                rows.getString(10))));
        return points;
    }

    public List<IndicatorNarrative> narratives(String scope, String semester) {
        String sql = """
                SELECT indicator_code, text_fr, text_ar FROM indicator_narrative
                WHERE scope = ? AND semester = ? ORDER BY indicator_code""";
        List<IndicatorNarrative> narratives = new ArrayList<>();
        query(sql, List.of(scope, semester), rows -> narratives.add(
                new IndicatorNarrative(rows.getString(1), rows.getString(2), rows.getString(3))));
        return narratives;
    }


    private void query(String sql, List<Object> parameters, Rows.Reader reader) {
        Rows.each(dataSource, sql, parameters, reader, "reading the results framework");
    }
}
