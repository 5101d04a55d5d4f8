package ma.tadafor.data.mart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import ma.tadafor.data.Rows;

import ma.tadafor.data.territory.TerritorialScope;

/**
 * Reads the participation mart within the caller's scope. Rows come from the grouping set of the
 * cell dimensions asked for; territory, cohort, mechanism and time are summed at query time, which
 * is exact for distinct activities too because an activity has one commune, mechanism and month.
 *
 * <p>The mart counts by month. A date range that cuts a month is counted from the facts instead (the
 * cells of the activities that started in it), with the mart's values and rules: exact to the day,
 * and current rather than as of the last refresh. The whole answer comes from one or the other, so
 * its rows always add up to its total.
 *
 * <p>A question that does not name communes, in a scope of whole provinces, reads the cube summed by
 * province (7.6 times fewer rows at 10 M cells): the same sums, so the same answer.
 */
public class ParticipationQueries {

    private static final String MART = "(SELECT *, commune_code AS code FROM mart_participation)";
    private static final String PROVINCE_MART = "mart_participation_province";
    /** The facts shaped as the mart's rows (see the analytics module's participation grain). */
    private static final String FACTS = """
            (SELECT a.commune_code AS code, a.commune_code, c.province_code, c.region_code, p.cohort, a.mechanism,
                    a.start_date, CAST(year(a.start_date) AS INTEGER) AS year,
                    year(a.start_date) || CASE WHEN month(a.start_date) <= 6 THEN 'S1' ELSE 'S2' END AS semester,
                    pc.gender, pc.age_band,
                    CASE WHEN pc.disability IS NULL THEN 'UNKNOWN' WHEN pc.disability THEN 'YES' ELSE 'NO' END AS disability,
                    pc.role, pc.participants, a.source_id, a.item_id
             FROM participation_cell pc
             JOIN activity a ON a.source_id = pc.source_id AND a.item_id = pc.item_id
             JOIN commune c ON c.code = a.commune_code
             LEFT JOIN programme_commune p ON p.commune_code = a.commune_code
             WHERE NOT EXISTS (SELECT 1 FROM excluded_activity e WHERE e.source_id = a.source_id AND e.item_id = a.item_id))""";

    private final DataSource dataSource;

    public ParticipationQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ParticipationFigures participation(ParticipationQuery query, TerritorialScope scope) {
        ParticipationFigures total = total(query, scope);
        return new ParticipationFigures(rows(query, scope), total.totalParticipants(), total.totalActivities());
    }

    /** The answer's rows: one per combination of {@code groupBy}, none without it. */
    protected List<ParticipationFigures.Row> rows(ParticipationQuery query, TerritorialScope scope) {
        List<ParticipationFigures.Row> rows = new ArrayList<>();
        if (query.groupBy().isEmpty()) {
            return rows;
        }
        boolean fromMart = query.inWholeMonths();
        String dimensions = query.groupBy().stream().map(ParticipationDimension::column).collect(Collectors.joining(", "));
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT %s, %s FROM %s m WHERE %s GROUP BY %1$s ORDER BY %s".formatted(dimensions, measures(fromMart),
                source(query, scope), where(query, scope, fromMart, true, parameters),
                query.groupBy().stream().map(ParticipationDimension::orderBy).collect(Collectors.joining(", ")));
        int n = query.groupBy().size();
        Rows.each(dataSource, sql, parameters, result -> {
            Map<ParticipationDimension, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                values.put(query.groupBy().get(i), result.getObject(i + 1));
            }
            rows.add(new ParticipationFigures.Row(values, new ExactCount(result.getLong(n + 1), result.getInt(n + 3)),
                    result.getLong(n + 2)));
        }, "reading participation");
        return rows;
    }

    /**
     * The answer's total, without rows: it depends on the filters, the period and the scope only, so the
     * questions that group the same participation differently share it.
     */
    protected ParticipationFigures total(ParticipationQuery query, TerritorialScope scope) {
        boolean fromMart = query.inWholeMonths();
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT %s FROM %s m WHERE %s".formatted(measures(fromMart), source(query, scope),
                where(query, scope, fromMart, false, parameters));
        long[] total = new long[3];
        Rows.each(dataSource, sql, parameters, result -> {
            total[0] = result.getLong(1);
            total[1] = result.getLong(2);
            total[2] = result.getLong(3);
        }, "reading participation");
        return new ParticipationFigures(List.of(), new ExactCount(total[0], (int) total[2]), total[1]);
    }

    private static String source(ParticipationQuery query, TerritorialScope scope) {
        if (!query.inWholeMonths()) {
            return FACTS;
        }
        return query.namesCommunes() || !scope.ofWholeProvinces() ? MART : PROVINCE_MART;
    }

    /** Participants, activities and the participants' cell key. */
    private static String measures(boolean fromMart) {
        // The facts have no cell keys: only an administrator's day-cut ranges are read from them, exact.
        return "coalesce(sum(participants), 0), "
                + (fromMart ? "coalesce(sum(activities), 0), CAST(coalesce(sum(participants_key), 0) % 256 AS INTEGER)"
                        : "count(DISTINCT (source_id, item_id)), 0");
    }

    private static String where(ParticipationQuery query, TerritorialScope scope, boolean fromMart, boolean withGroupBy,
            List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (fromMart) {
            conditions.add("m.cell_set = ?");
            parameters.add(query.cellSet(withGroupBy));
        }
        conditions.add(scope.communeCondition("m", parameters));
        query.filters().forEach((dimension, values) -> {
            conditions.add("m." + dimension.column() + " IN (" + values.stream().map(v -> "?").collect(Collectors.joining(", ")) + ")");
            parameters.addAll(values);
        });
        String time = fromMart ? "m.month" : "m.start_date";
        if (query.from() != null) {
            conditions.add(time + " >= ?");
            parameters.add(query.from());
        }
        if (query.to() != null) {
            conditions.add(time + " <= ?");
            // The mart's month is its first day.
            parameters.add(fromMart ? query.to().withDayOfMonth(1) : query.to());
        }
        return String.join(" AND ", conditions);
    }
}
