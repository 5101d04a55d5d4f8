package ma.tadafor.data.mart;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import ma.tadafor.data.Rows;

import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.data.territory.Territory;

/** Reads {@code mart_participation_rate}: participation against the census, per scope and semester. */
public class ParticipationRateQueries {

    private final DataSource dataSource;

    public ParticipationRateQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Every semester of one scope the caller may see (the web layer checks it, as for indicators),
     * oldest first.
     *
     * @param scope {@code programme}, {@code region:05}, {@code province:05.091} or {@code commune:05.091.01.07}
     */
    public List<ParticipationRate> semesters(String scope) {
        String sql = "SELECT " + ParticipationRate.COLUMNS + " FROM mart_participation_rate r WHERE r.scope = ? ORDER BY r.semester";
        List<ParticipationRate> rates = new ArrayList<>();
        query(sql, List.of(scope), rows -> rates.add(ParticipationRate.read(rows, 1)));
        return rates;
    }

    /**
     * The regions, or the provinces (of one region when {@code regionCode} is given), that lie
     * wholly in the caller's scope, with their rate in {@code semester}; ordered by code.
     */
    public List<AreaRate> areas(Territory.Level level, String regionCode, String semester, TerritorialScope scope) {
        if (level == Territory.Level.COMMUNE) {
            throw new IllegalArgumentException("areas are regions or provinces");
        }
        boolean regions = level == Territory.Level.REGION;
        List<Object> parameters = new ArrayList<>();
        parameters.add(semester);
        // The scope condition reads region_code, province_code and code: an area is in scope when
        // its region (or, for a province, the province itself) is; a commune-only scope holds no area.
        String areas = regions
                ? "SELECT code AS region_code, NULL::VARCHAR AS province_code, NULL::VARCHAR AS code, code AS area, name_fr, name_ar, 'region:' || code AS scope FROM region"
                : "SELECT region_code, code AS province_code, NULL::VARCHAR AS code, code AS area, name_fr, name_ar, 'province:' || code AS scope FROM province";
        String sql = """
                SELECT a.area, a.name_fr, a.name_ar, %s
                FROM (%s) a LEFT JOIN mart_participation_rate r ON r.scope = a.scope AND r.semester = ?
                WHERE %s%s ORDER BY a.area""".formatted(ParticipationRate.COLUMNS, areas, scope.communeCondition("a", parameters),
                regionCode == null ? "" : " AND a.region_code = ?");
        if (regionCode != null) {
            parameters.add(regionCode);
        }
        List<AreaRate> result = new ArrayList<>();
        query(sql, parameters, rows -> result.add(new AreaRate(rows.getString(1), rows.getString(2), rows.getString(3),
                rows.getString(4) == null ? null : ParticipationRate.read(rows, 4))));
        return result;
    }


    private void query(String sql, List<Object> parameters, Rows.Reader reader) {
        Rows.each(dataSource, sql, parameters, reader, "reading participation rates");
    }
}
