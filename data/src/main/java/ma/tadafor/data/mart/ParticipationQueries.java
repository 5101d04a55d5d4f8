package ma.tadafor.data.mart;

import java.sql.Connection;
import java.sql.SQLException;
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
 */
public class ParticipationQueries {

    private final DataSource dataSource;

    public ParticipationQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ParticipationFigures participation(ParticipationQuery query, TerritorialScope scope) {
        try (Connection connection = dataSource.getConnection()) {
            List<ParticipationFigures.Row> rows = new ArrayList<>();
            String dimensions = query.groupBy().stream().map(ParticipationDimension::column).collect(Collectors.joining(", "));
            List<Object> parameters = new ArrayList<>();
            String where = where(query, scope, query.cellSet(true), parameters);
            String sql = query.groupBy().isEmpty() ? null : """
                    SELECT %1$s, sum(participants), sum(activities) FROM (SELECT *, commune_code AS code FROM mart_participation) m
                    WHERE %2$s GROUP BY %1$s ORDER BY %3$s""".formatted(dimensions, where,
                    query.groupBy().stream().map(ParticipationDimension::orderBy).collect(Collectors.joining(", ")));
            if (sql != null) {
                int n = query.groupBy().size();
                query(connection, sql, parameters, result -> {
                    Map<ParticipationDimension, Object> values = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        values.put(query.groupBy().get(i), result.getObject(i + 1));
                    }
                    rows.add(new ParticipationFigures.Row(values, result.getLong(n + 1), result.getLong(n + 2)));
                });
            }
            List<Object> totalParameters = new ArrayList<>();
            String totalSql = """
                    SELECT coalesce(sum(participants), 0), coalesce(sum(activities), 0)
                    FROM (SELECT *, commune_code AS code FROM mart_participation) m WHERE %s"""
                    .formatted(where(query, scope, query.cellSet(false), totalParameters));
            long[] total = new long[2];
            query(connection, totalSql, totalParameters, result -> {
                total[0] = result.getLong(1);
                total[1] = result.getLong(2);
            });
            return new ParticipationFigures(rows, total[0], total[1]);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the participation mart failed: " + e.getMessage(), e);
        }
    }

    private static String where(ParticipationQuery query, TerritorialScope scope, int cellSet, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("m.cell_set = ?");
        parameters.add(cellSet);
        conditions.add(scope.communeCondition("m", parameters));
        query.filters().forEach((dimension, values) -> {
            conditions.add("m." + dimension.column() + " IN (" + values.stream().map(v -> "?").collect(Collectors.joining(", ")) + ")");
            parameters.addAll(values);
        });
        if (query.fromMonth() != null) {
            conditions.add("m.month >= ?");
            parameters.add(query.fromMonth());
        }
        if (query.toMonth() != null) {
            conditions.add("m.month <= ?");
            parameters.add(query.toMonth());
        }
        return String.join(" AND ", conditions);
    }

    private static void query(Connection connection, String sql, List<Object> parameters, Rows.Reader reader)
            throws SQLException {
        Rows.each(connection, sql, parameters, reader);
    }
}
