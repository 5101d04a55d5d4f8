package ma.tadafor.data.mart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import ma.tadafor.data.Rows;
import ma.tadafor.data.territory.TerritorialScope;

/**
 * Petitions by the stage they reached, and the median days between consecutive stages. How far a
 * petition went comes from its current status (an implemented one was submitted, admissible, on
 * the agenda and accepted). Durations come from the statuses ingestion saw
 * ({@code activity_status_change}): a stage's date is the updatedAt of the first version seen in
 * it, SUBMITTED's is the petition's start date. A petition first seen at a later stage contributes
 * from that stage on, since the dates of the stages before it were never observed.
 */
public final class PetitionFunnelQueries {

    /** The funnel's stages, in order; statuses that ended a petition count at the last stage it passed. */
    public static final List<String> STAGES = List.of("SUBMITTED", "ADMISSIBLE", "ON_AGENDA", "ACCEPTED", "IMPLEMENTED");

    /** The days from stage {@code from} to the next, {@code to}: their median over {@code petitions} (null if none). */
    public record StageDuration(String from, String to, Double medianDays, long petitions) {
    }

    private static final String STAGE_LIST = "['" + String.join("', '", STAGES) + "']";

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
        String sql = """
                SELECT CASE a.status
                         WHEN 'SUBMITTED' THEN 0 WHEN 'INADMISSIBLE' THEN 0
                         WHEN 'ADMISSIBLE' THEN 1
                         WHEN 'ON_AGENDA' THEN 2 WHEN 'REJECTED' THEN 2
                         WHEN 'ACCEPTED' THEN 3 WHEN 'IN_PROGRESS' THEN 3
                         WHEN 'IMPLEMENTED' THEN 4 WHEN 'CLOSED' THEN 4 END AS reached,
                       count(*)
                FROM activity a JOIN commune c ON c.code = a.commune_code
                WHERE %s
                GROUP BY reached""".formatted(petitions(scope, under, from, to, parameters));
        long[] atStage = new long[STAGES.size()];
        Rows.each(dataSource, sql, parameters, row -> {
            int reached = row.getInt(1);
            if (!row.wasNull()) {
                atStage[reached] += row.getLong(2);
            }
        }, "reading petitions");
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

    /** The same petitions' median days between each stage and the next, in the order of {@link #STAGES}. */
    public List<StageDuration> durations(TerritorialScope scope, String under, LocalDate from, LocalDate to) {
        List<Object> parameters = new ArrayList<>();
        String sql = """
                WITH petition AS (
                    SELECT a.source_id, a.item_id, a.start_date
                    FROM activity a JOIN commune c ON c.code = a.commune_code
                    WHERE %1$s),
                seen AS (
                    SELECT h.source_id, h.item_id, h.status, h.changed_at,
                           row_number() OVER (PARTITION BY h.source_id, h.item_id ORDER BY h.changed_at) = 1 AS first
                    FROM activity_status_change h JOIN petition p USING (source_id, item_id)),
                stage_date AS (
                    SELECT source_id, item_id, list_position(%2$s, status) - 1 AS stage, min(changed_at) AS changed_at
                    FROM seen WHERE list_position(%2$s, status) > 1 GROUP BY ALL
                    UNION ALL
                    SELECT p.source_id, p.item_id, 0, p.start_date::TIMESTAMPTZ
                    FROM petition p JOIN seen s USING (source_id, item_id)
                    WHERE s.first AND s.status = 'SUBMITTED' AND p.start_date IS NOT NULL)
                SELECT d.stage, median((epoch(d.changed_at) - epoch(b.changed_at)) / 86400.0), count(*)
                FROM stage_date d JOIN stage_date b
                  ON b.source_id = d.source_id AND b.item_id = d.item_id AND b.stage = d.stage - 1
                GROUP BY d.stage""".formatted(petitions(scope, under, from, to, parameters), STAGE_LIST);
        Double[] medians = new Double[STAGES.size()];
        long[] counts = new long[STAGES.size()];
        Rows.each(dataSource, sql, parameters, row -> {
            medians[row.getInt(1)] = row.getDouble(2);
            counts[row.getInt(1)] = row.getLong(3);
        }, "reading petition stage dates");
        List<StageDuration> durations = new ArrayList<>();
        for (int stage = 1; stage < STAGES.size(); stage++) {
            durations.add(new StageDuration(STAGES.get(stage - 1), STAGES.get(stage), medians[stage], counts[stage]));
        }
        return durations;
    }

    private static String petitions(TerritorialScope scope, String under, LocalDate from, LocalDate to,
            List<Object> parameters) {
        StringBuilder where = new StringBuilder("a.mechanism = 'PETITION' AND ").append(scope.communeCondition("c", parameters));
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
        return where.toString();
    }
}
