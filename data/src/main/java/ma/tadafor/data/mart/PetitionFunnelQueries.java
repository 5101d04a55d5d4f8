package ma.tadafor.data.mart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import ma.tadafor.data.territory.TerritorialScope;

/**
 * Petitions by the stage they reached, from the activity facts: a petition's current status says
 * how far it went (an implemented one was submitted, admissible, on the agenda and accepted). The
 * feed carries no dated stage history, so there are no durations between stages here.
 */
public final class PetitionFunnelQueries {

    /** The funnel's stages, in order; statuses that ended a petition count at the last stage it passed. */
    public static final List<String> STAGES = List.of("SUBMITTED", "ADMISSIBLE", "ON_AGENDA", "ACCEPTED", "IMPLEMENTED");

    private final DataSource dataSource;

    public PetitionFunnelQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Petitions of the communes in scope (under a region, province or commune code when given)
     * that started from {@code from} to {@code to} (either may be null): how many reached each stage.
     */
    public Map<String, Long> funnel(TerritorialScope scope, String under, LocalDate from, LocalDate to) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(scope.communeCondition("c", parameters));
        if (under != null) {
            where.append(" AND starts_with(c.code, ?)");
            parameters.add(under);
        }
        if (from != null) {
            where.append(" AND a.start_date >= ?");
            parameters.add(from);
        }
        if (to != null) {
            where.append(" AND a.start_date <= ?");
            parameters.add(to);
        }
        String sql = """
                SELECT CASE a.status
                         WHEN 'SUBMITTED' THEN 0 WHEN 'INADMISSIBLE' THEN 0
                         WHEN 'ADMISSIBLE' THEN 1
                         WHEN 'ON_AGENDA' THEN 2 WHEN 'REJECTED' THEN 2
                         WHEN 'ACCEPTED' THEN 3 WHEN 'IN_PROGRESS' THEN 3
                         WHEN 'IMPLEMENTED' THEN 4 WHEN 'CLOSED' THEN 4 END AS reached,
                       count(*)
                FROM activity a JOIN commune c ON c.code = a.commune_code
                WHERE a.mechanism = 'PETITION' AND %s
                GROUP BY reached""".formatted(where);
        long[] atStage = new long[STAGES.size()];
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int reached = rows.getInt(1);
                    if (!rows.wasNull()) {
                        atStage[reached] += rows.getLong(2);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading petitions failed: " + e.getMessage(), e);
        }
        Map<String, Long> funnel = new LinkedHashMap<>();
        long passed = 0;
        for (int stage = STAGES.size() - 1; stage >= 0; stage--) {
            passed += atStage[stage];
            funnel.put(STAGES.get(stage), passed);
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        STAGES.forEach(stage -> ordered.put(stage, funnel.get(stage)));
        return ordered;
    }
}
