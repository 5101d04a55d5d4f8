package ma.tadafor.data.mart;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import ma.tadafor.data.Rows;
import ma.tadafor.data.territory.TerritorialScope;

/**
 * What each commune contributes to an indicator of a wider scope, from the indicator mart's rows
 * of commune scope: its actual and, for a share, the numerator and denominator the territory's
 * share is summed from.
 */
public final class IndicatorContributionQueries {

    /** One commune's figures for the indicator and semester; all null where the mart has none. */
    public record Contribution(String communeCode, String nameFr, String nameAr, IndicatorActual actual) {
    }

    private final DataSource dataSource;

    public IndicatorContributionQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The communes of the programme under {@code under} (a region, province or commune code; null
     * for all) that the caller's {@code scope} covers, by commune code.
     */
    public List<Contribution> contributions(String indicatorCode, String semester, TerritorialScope scope, String under) {
        List<Object> parameters = new ArrayList<>(List.of(indicatorCode, semester));
        StringBuilder where = new StringBuilder(scope.communeCondition("c", parameters));
        if (under != null) {
            where.append(" AND (c.code = ? OR starts_with(c.code, ?))");
            parameters.add(under);
            parameters.add(under + ".");
        }
        String sql = """
                SELECT c.code, c.name_fr, c.name_ar, m.actual, m.numerator, m.denominator, m.numerator_key, m.denominator_key
                FROM programme_commune p JOIN commune c ON c.code = p.commune_code
                LEFT JOIN mart_indicator m ON m.scope = 'commune:' || c.code AND m.indicator_code = ? AND m.semester = ?
                WHERE %s
                ORDER BY c.code""".formatted(where);
        List<Contribution> contributions = new ArrayList<>();
        Rows.each(dataSource, sql, parameters, row -> contributions.add(new Contribution(row.getString(1), row.getString(2),
                row.getString(3), IndicatorActual.read(row, 4))), "reading the communes' contributions to an indicator");
        return contributions;
    }
}
