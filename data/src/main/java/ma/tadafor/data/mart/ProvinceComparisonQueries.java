package ma.tadafor.data.mart;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import ma.tadafor.data.territory.TerritorialScope;

/**
 * The marts province by province, to compare them before a national consultation: the
 * programme's provinces (those with a member commune) the caller's scope covers whole, every
 * semester the marts hold, ordered by semester then province.
 */
public final class ProvinceComparisonQueries {

    public record Province(String code, String nameFr, String nameAr) {
    }

    /** Participation against the census, as the rate mart holds it. */
    public record Participation(Province province, ParticipationRate rate) {
    }

    /** {@code demo} when the indicator's baseline or this target is the demo's invention. */
    public record Indicator(String semester, Province province, String code, String labelFr, String unit,
                            IndicatorActual actual, Double target, String status, boolean demo) {
    }

    /** Convergence with one INDH programme (its number in INDH phase III). */
    public record Convergence(Province province, int indhProgramme, long linkedActivities, long explicitActivities,
                              long inferredActivities, long linkedCoConstruction, BigDecimal indhMad, BigDecimal tadaforMad,
                              long programmeCommunes, long communesWithActiveIndh, Double activeIndhShare) {
    }

    private static final String PROVINCES = """
            SELECT p.code, p.name_fr, p.name_ar, 'province:' || p.code AS scope FROM province p
            WHERE %s AND EXISTS (SELECT 1 FROM programme_commune pc JOIN commune c ON c.code = pc.commune_code
                                 WHERE c.province_code = p.code)""";

    private final DataSource dataSource;

    public ProvinceComparisonQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Province> provinces(TerritorialScope scope) {
        List<Object> parameters = new ArrayList<>();
        String sql = PROVINCES.formatted(scope.provinceCondition("p", parameters)) + " ORDER BY p.code";
        return query(sql, parameters, ProvinceComparisonQueries::province);
    }

    public List<Participation> participation(TerritorialScope scope) {
        List<Object> parameters = new ArrayList<>();
        String sql = """
                SELECT p.code, p.name_fr, p.name_ar, %s
                FROM (%s) p JOIN mart_participation_rate r ON r.scope = p.scope
                ORDER BY r.semester, p.code""".formatted(ParticipationRate.COLUMNS,
                PROVINCES.formatted(scope.provinceCondition("p", parameters)));
        return query(sql, parameters, rows -> new Participation(province(rows), ParticipationRate.read(rows, 4)));
    }

    public List<Indicator> indicators(TerritorialScope scope) {
        List<Object> parameters = new ArrayList<>();
        String sql = """
                SELECT p.code, p.name_fr, p.name_ar, m.semester, i.code, i.label_fr, i.unit, m.target, m.status,
                       m.actual, m.numerator, m.denominator, m.numerator_key, m.denominator_key,
                       i.is_demo OR EXISTS (SELECT 1 FROM indicator_target t WHERE t.indicator_code = i.code
                                            AND t.scope = m.scope AND t.semester = m.semester AND t.is_demo)
                FROM (%s) p JOIN mart_indicator m ON m.scope = p.scope JOIN indicator i ON i.code = m.indicator_code
                ORDER BY m.semester, p.code, i.result, i.sort_order""".formatted(
                PROVINCES.formatted(scope.provinceCondition("p", parameters)));
        return query(sql, parameters, rows -> new Indicator(rows.getString(4), province(rows), rows.getString(5),
                rows.getString(6), rows.getString(7), IndicatorActual.read(rows, 10), rows.getObject(8, Double.class),
                rows.getString(9), rows.getBoolean(15)));
    }

    public List<Convergence> convergence(TerritorialScope scope) {
        List<Object> parameters = new ArrayList<>();
        String sql = """
                SELECT p.code, p.name_fr, p.name_ar, c.programme_no, c.linked_activities, c.explicit_activities,
                       c.inferred_activities, c.linked_co_construction, c.indh_co_financing_mad, c.tadafor_mad,
                       c.programme_communes, c.communes_with_active_indh, c.active_indh_share
                FROM (%s) p JOIN mart_convergence c ON c.scope = p.scope
                ORDER BY p.code, c.programme_no""".formatted(PROVINCES.formatted(scope.provinceCondition("p", parameters)));
        return query(sql, parameters, rows -> new Convergence(province(rows), rows.getInt(4), rows.getLong(5),
                rows.getLong(6), rows.getLong(7), rows.getLong(8), rows.getBigDecimal(9), rows.getBigDecimal(10),
                rows.getLong(11), rows.getLong(12), rows.getObject(13, Double.class)));
    }

    private static Province province(ResultSet rows) throws SQLException {
        return new Province(rows.getString(1), rows.getString(2), rows.getString(3));
    }

    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> parameters, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("comparing provinces failed: " + e.getMessage(), e);
        }
    }
}
