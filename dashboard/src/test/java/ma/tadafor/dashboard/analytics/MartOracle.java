package ma.tadafor.dashboard.analytics;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Every mart computed a second way, in DuckDB SQL over the same Parquet snapshot, written
 * independently of the Spark jobs (grouping sets with COUNT(DISTINCT …) where Spark rolls up per
 * activity; filters translated to SQL here, not by the analytics module's parser). The tables it
 * creates are {@code oracle_<mart>}.
 */
public final class MartOracle {

    private static final List<String> SNAPSHOT_TABLES = List.of("activity", "participation_cell", "co_construction_project",
            "indh_project", "commune", "programme_commune", "census_population", "census_age_share", "indicator",
            "indicator_target", "indicator_value", "source", "watermark", "snapshot_info");
    private static final List<String> CELL_DIMENSIONS = List.of("gender", "age_band", "disability", "role");
    private static final String BASE = "commune_code, province_code, region_code, cohort, mechanism, month, year, semester";

    private MartOracle() {
    }

    public static void compute(Connection duckdb, Path snapshot, double onTrack, double atRisk) throws SQLException {
        try (Statement sql = duckdb.createStatement()) {
            sql.execute("SET TimeZone = 'UTC'");
            for (String table : SNAPSHOT_TABLES) {
                sql.execute("CREATE OR REPLACE VIEW s_" + table + " AS SELECT * FROM read_parquet('"
                        + snapshot.resolve(table + ".parquet").toAbsolutePath() + "')");
            }
            sql.execute("""
                    CREATE OR REPLACE TABLE communes AS
                    SELECT c.code AS commune_code, c.province_code, c.region_code, p.cohort
                    FROM (SELECT commune_code FROM s_programme_commune UNION SELECT commune_code FROM s_activity) u
                    JOIN s_commune c ON c.code = u.commune_code
                    LEFT JOIN s_programme_commune p ON p.commune_code = u.commune_code""");
            sql.execute("""
                    CREATE OR REPLACE TABLE links AS
                    SELECT a.source_id, a.item_id, p.ref AS indh_project_ref, p.programme_no, false AS inferred
                    FROM s_activity a JOIN s_indh_project p ON p.ref = a.indh_project_ref
                    UNION ALL
                    SELECT a.source_id, a.item_id, p.ref, p.programme_no, true
                    FROM s_activity a JOIN s_indh_project p ON p.commune_code = a.commune_code AND p.theme = a.theme
                    WHERE a.indh_project_ref IS NULL AND a.start_date IS NOT NULL
                      AND (p.start_date IS NULL OR p.start_date <= coalesce(a.end_date, a.start_date))
                      AND (p.end_date IS NULL OR p.end_date >= a.start_date)""");
            sql.execute("""
                    CREATE OR REPLACE TABLE activities AS
                    SELECT a.source_id, a.item_id, a.commune_code, c.province_code, c.region_code, c.cohort, a.mechanism,
                           a.status, a.theme, a.initiator,
                           EXISTS (SELECT 1 FROM links l WHERE l.source_id = a.source_id AND l.item_id = a.item_id) AS indh_linked,
                           f.tadafor_mad, f.indh_mad, a.start_date, a.updated_at, a.ingested_at,
                           CAST(date_trunc('month', a.start_date) AS DATE) AS month, year(a.start_date) AS year,
                           year(a.start_date) || CASE WHEN month(a.start_date) <= 6 THEN 'S1' ELSE 'S2' END AS semester
                    FROM s_activity a JOIN communes c ON c.commune_code = a.commune_code
                    LEFT JOIN s_co_construction_project f ON f.source_id = a.source_id AND f.item_id = a.item_id""");
            sql.execute("""
                    CREATE OR REPLACE TABLE grain AS
                    SELECT a.source_id, a.item_id, a.commune_code, a.province_code, a.region_code, a.cohort, a.mechanism,
                           a.status, a.theme, a.initiator, a.indh_linked, a.month, a.year, a.semester, c.gender, c.age_band,
                           CASE WHEN c.disability IS NULL THEN 'UNKNOWN' WHEN c.disability THEN 'YES' ELSE 'NO' END AS disability,
                           c.role, c.participants
                    FROM s_participation_cell c JOIN activities a ON a.source_id = c.source_id AND a.item_id = c.item_id""");
            sql.execute("""
                    CREATE OR REPLACE TABLE semesters AS
                    SELECT semester FROM activities WHERE semester IS NOT NULL
                    UNION SELECT semester FROM s_indicator_target""");
            participation(sql);
            rates(sql);
            indicators(sql, duckdb, onTrack, atRisk);
            convergence(sql);
            dataQuality(sql);
            outliers(sql);
        }
    }

    /**
     * The outliers with the default rules (docs/TRUST.md): an item's robust z-score against its commune's and
     * mechanism's items (8 or more; else its province's), on the mean absolute deviation where the MAD is 0;
     * a commune semester against the median of its latest four earlier semesters (2 or more), by a factor of 3.
     */
    private static void outliers(Statement sql) throws SQLException {
        sql.execute("""
                CREATE OR REPLACE TABLE item_totals AS
                SELECT g.source_id, g.item_id, a.updated_at AS item_version, g.commune_code, g.province_code, g.mechanism,
                       g.semester, sum(g.participants) AS value
                FROM grain g JOIN activities a USING (source_id, item_id) GROUP BY ALL""");
        String history = """
                SELECT %1$s, mechanism, n, med, median(abs(value - med)) AS mad, avg(abs(value - med)) AS mean_ad
                FROM item_totals JOIN (SELECT %1$s, mechanism, count(*) AS n, median(value) AS med FROM item_totals GROUP BY ALL)
                     USING (%1$s, mechanism)
                GROUP BY ALL""";
        sql.execute("""
                CREATE OR REPLACE TABLE oracle_outlier AS
                WITH judged AS (
                    SELECT t.*, CASE WHEN c.n >= 8 THEN 'commune' ELSE 'province' END AS basis,
                           CASE WHEN c.n >= 8 THEN c.n ELSE p.n END AS history,
                           CASE WHEN c.n >= 8 THEN c.med ELSE p.med END AS expected,
                           CASE WHEN c.n >= 8 THEN c.mad ELSE p.mad END AS mad,
                           CASE WHEN c.n >= 8 THEN c.mean_ad ELSE p.mean_ad END AS mean_ad
                    FROM item_totals t JOIN (%s) c USING (commune_code, mechanism) JOIN (%s) p USING (province_code, mechanism)
                    WHERE c.n >= 8 OR p.n >= 8),
                scored AS (
                    SELECT *, CASE WHEN mad > 0 THEN 0.6745 * (value - expected) / mad
                                   WHEN mean_ad > 0 THEN (value - expected) / (1.253314 * mean_ad) END AS score
                    FROM judged),
                totals AS (
                    SELECT commune_code, province_code, semester, sum(value) AS value
                    FROM item_totals WHERE semester IS NOT NULL GROUP BY ALL),
                earlier AS (
                    SELECT t.commune_code, t.province_code, t.semester, t.value, e.value AS earlier_value,
                           row_number() OVER (PARTITION BY t.commune_code, t.semester ORDER BY e.semester DESC) AS back
                    FROM totals t JOIN totals e ON e.commune_code = t.commune_code AND e.semester < t.semester)
                SELECT 'item' AS kind, source_id, item_id, item_version, commune_code, province_code, mechanism, semester,
                       value, expected, score, basis, history
                FROM scored WHERE abs(score) > 3.5
                UNION ALL
                SELECT 'commune-semester', NULL, NULL, NULL, commune_code, province_code, NULL, semester, value,
                       median(earlier_value), value / median(earlier_value), 'previous-semesters', count(*)
                FROM earlier WHERE back <= 4
                GROUP BY commune_code, province_code, semester, value
                HAVING count(*) >= 2 AND (value > 3 * median(earlier_value) OR value * 3 < median(earlier_value))"""
                .formatted(history.formatted("commune_code"), history.formatted("province_code")));
    }

    private static void participation(Statement sql) throws SQLException {
        String sets = IntStream.range(0, 16).mapToObj(set -> "(" + BASE + IntStream.range(0, 4)
                        .filter(bit -> (set & (1 << bit)) != 0).mapToObj(bit -> ", " + CELL_DIMENSIONS.get(bit))
                        .collect(Collectors.joining()) + ")")
                .collect(Collectors.joining(", "));
        sql.execute("""
                CREATE OR REPLACE TABLE oracle_participation AS
                SELECT %s,
                       (1 - GROUPING(gender)) + 2 * (1 - GROUPING(age_band)) + 4 * (1 - GROUPING(disability))
                           + 8 * (1 - GROUPING(role)) AS cell_set,
                       gender, age_band, disability, role, sum(participants) AS participants,
                       count(DISTINCT (source_id, item_id)) AS activities
                FROM grain GROUP BY GROUPING SETS (%s)""".formatted(BASE, sets));
    }

    /** The four levels of scope over a per-commune table: {@code SELECT <scope>, <select> … GROUP BY ALL}. */
    private static String scoped(String select, String from) {
        return List.of("'commune:' || commune_code", "'province:' || province_code", "'region:' || region_code", "'programme'")
                .stream().map(scope -> "SELECT " + scope + " AS scope, " + select + " FROM " + from + " GROUP BY ALL")
                .collect(Collectors.joining(" UNION ALL "));
    }

    private static void rates(Statement sql) throws SQLException {
        sql.execute("""
                CREATE OR REPLACE TABLE rate_per_commune AS
                WITH p AS (
                    SELECT commune_code, semester, sum(participants) AS participants,
                           sum(participants) FILTER (WHERE gender IN ('F', 'M')) AS known_gender,
                           sum(participants) FILTER (WHERE gender = 'F') AS women,
                           sum(participants) FILTER (WHERE age_band <> 'UNKNOWN') AS known_age,
                           sum(participants) FILTER (WHERE age_band IN ('18-24', '25-34')) AS youth,
                           sum(participants) FILTER (WHERE disability <> 'UNKNOWN') AS known_disability,
                           sum(participants) FILTER (WHERE disability = 'YES') AS disabled
                    FROM grain WHERE semester IS NOT NULL GROUP BY ALL),
                y AS (
                    SELECT territory_code AS commune_code,
                           sum(CASE WHEN age_band = '15-19' THEN pct * 0.4
                                    WHEN age_band IN ('20-24', '25-29', '30-34') THEN pct END) AS youth_pct
                    FROM s_census_age_share WHERE level = 'commune' AND sex = 'all' GROUP BY ALL),
                pop AS (
                    SELECT cp.territory_code AS commune_code, cp.population_municipal AS population, cp.population_female,
                           cp.population_male, cp.population_municipal * y.youth_pct / 100.0 AS population_youth,
                           cp.population_municipal * cp.disability_pct / 100.0 AS population_disabled
                    FROM s_census_population cp LEFT JOIN y ON y.commune_code = cp.territory_code
                    WHERE cp.level = 'commune')
                SELECT c.commune_code, c.province_code, c.region_code, s.semester,
                       coalesce(p.participants, 0) AS participants, coalesce(p.known_gender, 0) AS known_gender,
                       coalesce(p.women, 0) AS women, coalesce(p.known_age, 0) AS known_age, coalesce(p.youth, 0) AS youth,
                       coalesce(p.known_disability, 0) AS known_disability, coalesce(p.disabled, 0) AS disabled,
                       pop.population, pop.population_female, pop.population_male, pop.population_youth,
                       pop.population_disabled
                FROM communes c CROSS JOIN semesters s
                LEFT JOIN p ON p.commune_code = c.commune_code AND p.semester = s.semester
                LEFT JOIN pop ON pop.commune_code = c.commune_code""");
        sql.execute("""
                CREATE OR REPLACE TABLE oracle_participation_rate AS
                WITH r AS (%s)
                SELECT scope, semester, participants, population,
                       CASE WHEN population > 0 THEN participants * 1000.0 / population END AS participants_per_1000,
                       known_gender, women, %s AS women_share, %s AS women_population_share,
                       CASE WHEN %3$s > 0 THEN %2$s / %3$s END AS women_index,
                       known_age, youth, %s AS youth_share, %s AS youth_population_share,
                       CASE WHEN %5$s > 0 THEN %4$s / %5$s END AS youth_index,
                       known_disability, disabled, %s AS disability_share, %s AS disability_prevalence,
                       CASE WHEN %7$s > 0 THEN %6$s / %7$s END AS disability_index
                FROM r""".formatted(
                scoped("semester, sum(participants) AS participants, sum(known_gender) AS known_gender, sum(women) AS women, "
                        + "sum(known_age) AS known_age, sum(youth) AS youth, sum(known_disability) AS known_disability, "
                        + "sum(disabled) AS disabled, sum(population) AS population, sum(population_female) AS population_female, "
                        + "sum(population_male) AS population_male, sum(population_youth) AS population_youth, "
                        + "sum(population_disabled) AS population_disabled", "rate_per_commune"),
                percent("women", "known_gender"), percent("population_female", "(population_female + population_male)"),
                percent("youth", "known_age"), percent("population_youth", "population"),
                percent("disabled", "known_disability"), percent("population_disabled", "population")));
    }

    private static String percent(String part, String whole) {
        return "(CASE WHEN " + whole + " > 0 THEN " + part + " * 100.0 / " + whole + " END)";
    }

    /** The indicators, each translated to SQL from its definition by {@link #condition}. */
    private static void indicators(Statement sql, Connection duckdb, double onTrack, double atRisk) throws SQLException {
        List<String[]> definitions = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(
                "SELECT code, computation, activity_filter, share_filter, cumulative FROM s_indicator ORDER BY code")) {
            while (rows.next()) {
                definitions.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        String.valueOf(rows.getBoolean(5))});
            }
        }
        sql.execute("CREATE OR REPLACE TABLE indicator_per_commune (indicator_code VARCHAR, computation VARCHAR, "
                + "commune_code VARCHAR, province_code VARCHAR, region_code VARCHAR, semester VARCHAR, num DECIMAL(38,2), "
                + "den DECIMAL(38,2))");
        sql.execute("CREATE OR REPLACE TABLE oracle_indicator (indicator_code VARCHAR, scope VARCHAR, semester VARCHAR, "
                + "actual DOUBLE, target DOUBLE, status VARCHAR, numerator DOUBLE, denominator DOUBLE)");
        for (String[] d : definitions) {
            String code = d[0];
            String computation = d[1];
            boolean cumulative = Boolean.parseBoolean(d[4]);
            if (computation.equals("MANUAL")) {
                sql.execute("""
                        INSERT INTO oracle_indicator (indicator_code, scope, semester, actual)
                        SELECT '%1$s', g.scope, g.semester, v.value
                        FROM (SELECT DISTINCT scope, semester FROM (%2$s)) g
                        LEFT JOIN s_indicator_value v ON v.indicator_code = '%1$s' AND v.scope = g.scope
                             AND v.semester = g.semester""".formatted(code,
                        scoped("semester", "communes CROSS JOIN semesters")));
                continue;
            }
            // The semesters an activity counts in: its own, or its own and every later one when cumulative.
            String counts = cumulative ? "s.semester >= x.semester" : "s.semester = x.semester";
            String filter = d[2];
            String share = d[3];
            String perCommune = switch (computation) {
                case "SUM_PARTICIPANTS", "SHARE_OF_PARTICIPANTS" -> """
                        SELECT x.commune_code, s.semester,
                               sum(x.participants) FILTER (WHERE %s) AS num, sum(x.participants) AS den
                        FROM grain x JOIN semesters s ON %s
                        WHERE %s GROUP BY ALL""".formatted(share == null ? "true" : activityAndCell(share, "x"), counts,
                        activityAndCell(filter, "x"));
                default -> """
                        SELECT x.commune_code, s.semester, %s AS num, count(*) AS den
                        FROM activities x JOIN semesters s ON %s
                        WHERE %s GROUP BY ALL""".formatted(switch (computation) {
                            case "SUM_TADAFOR_FUNDING" -> "sum(x.tadafor_mad)";
                            case "SHARE_OF_ACTIVITIES" -> "count(*) FILTER (WHERE " + passes(share, "x") + ")";
                            default -> "count(*)";
                        }, counts, passes(filter, "x"));
            };
            String num = computation.equals("COUNT_COMMUNES")
                    ? "CASE WHEN coalesce(p.num, 0) > 0 THEN 1 ELSE 0 END" : "coalesce(p.num, 0)";
            sql.execute("""
                    INSERT INTO indicator_per_commune
                    SELECT '%s', '%s', c.commune_code, c.province_code, c.region_code, s.semester, %s, coalesce(p.den, 0)
                    FROM communes c CROSS JOIN semesters s
                    LEFT JOIN (%s) p ON p.commune_code = c.commune_code AND p.semester = s.semester"""
                    .formatted(code, computation, num, perCommune));
        }
        sql.execute("""
                INSERT INTO oracle_indicator (indicator_code, scope, semester, actual, numerator, denominator)
                SELECT indicator_code, scope, semester,
                       CASE WHEN computation LIKE 'SHARE_%%' THEN CASE WHEN den > 0 THEN num::DOUBLE * 100.0 / den::DOUBLE END
                            ELSE num::DOUBLE END,
                       CASE WHEN computation LIKE 'SHARE_%%' THEN num::DOUBLE END,
                       CASE WHEN computation LIKE 'SHARE_%%' THEN den::DOUBLE END
                FROM (%s)""".formatted(scoped("indicator_code, computation, semester, sum(num) AS num, sum(den) AS den",
                "indicator_per_commune")));
        sql.execute("""
                UPDATE oracle_indicator o SET target = t.target FROM s_indicator_target t
                WHERE t.indicator_code = o.indicator_code AND t.scope = o.scope AND t.semester = o.semester""");
        sql.execute("""
                UPDATE oracle_indicator SET status = CASE
                    WHEN actual IS NULL OR target IS NULL THEN 'NO_DATA'
                    WHEN target = 0 OR actual / target >= %s THEN 'ON_TRACK'
                    WHEN actual / target >= %s THEN 'AT_RISK'
                    ELSE 'OFF_TRACK' END""".formatted(onTrack, atRisk));
    }

    /** An activity passes a filter when its fields do and, if the filter names cell fields, one of its cells does. */
    private static String passes(String filter, String alias) {
        String cells = condition(filter, "g", false);
        String activity = condition(filter, alias, true);
        return cells.equals("true") ? activity : activity + " AND EXISTS (SELECT 1 FROM grain g WHERE g.source_id = "
                + alias + ".source_id AND g.item_id = " + alias + ".item_id AND " + cells + ")";
    }

    private static String activityAndCell(String filter, String alias) {
        return condition(filter, alias, true) + " AND " + condition(filter, alias, false);
    }

    /** The SQL of the activity ({@code activityFields}) or cell conditions of a filter {@code field=A|B;…}. */
    private static String condition(String filter, String alias, boolean activityFields) {
        if (filter == null || filter.isBlank()) {
            return "true";
        }
        List<String> conditions = new ArrayList<>();
        for (String part : filter.split(";")) {
            String field = part.substring(0, part.indexOf('='));
            List<String> values = Arrays.asList(part.substring(part.indexOf('=') + 1).split("\\|"));
            boolean cellField = List.of("gender", "ageBand", "disability", "role").contains(field);
            if (cellField == activityFields) {
                continue;
            }
            String column = switch (field) {
                case "ageBand" -> "age_band";
                case "indhLinked" -> "indh_linked";
                default -> field;
            };
            String list = values.stream().map(v -> switch (field) {
                case "indhLinked" -> v;
                case "disability" -> v.equals("true") ? "'YES'" : "'NO'";
                default -> "'" + v + "'";
            }).collect(Collectors.joining(", "));
            conditions.add(alias + "." + column + " IN (" + list + ")");
        }
        return conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
    }

    private static void convergence(Statement sql) throws SQLException {
        sql.execute("""
                CREATE OR REPLACE TABLE convergence_per_commune AS
                WITH linked AS (
                    SELECT l.source_id, l.item_id, l.programme_no, bool_or(l.inferred) AS inferred,
                           any_value(a.commune_code) AS commune_code, any_value(a.mechanism) AS mechanism,
                           any_value(a.indh_mad) AS indh_mad, any_value(a.tadafor_mad) AS tadafor_mad
                    FROM links l JOIN activities a ON a.source_id = l.source_id AND a.item_id = l.item_id
                    GROUP BY l.source_id, l.item_id, l.programme_no),
                per AS (
                    SELECT commune_code, programme_no, count(*) AS linked_activities,
                           count(*) FILTER (WHERE NOT inferred) AS explicit_activities,
                           count(*) FILTER (WHERE inferred) AS inferred_activities,
                           count(*) FILTER (WHERE mechanism = 'CO_CONSTRUCTION_PROJECT') AS linked_co_construction,
                           sum(indh_mad) FILTER (WHERE mechanism = 'CO_CONSTRUCTION_PROJECT') AS indh_co_financing_mad,
                           sum(tadafor_mad) FILTER (WHERE mechanism = 'CO_CONSTRUCTION_PROJECT') AS tadafor_mad
                    FROM linked GROUP BY ALL),
                active AS (
                    SELECT DISTINCT c.commune_code, p.programme_no
                    FROM s_indh_project p JOIN communes c
                      ON p.commune_code = c.commune_code OR (p.commune_code IS NULL AND p.province_code = c.province_code)
                    WHERE p.status = 'IN_PROGRESS')
                SELECT c.commune_code, c.province_code, c.region_code, n.programme_no,
                       coalesce(per.linked_activities, 0) AS linked_activities,
                       coalesce(per.explicit_activities, 0) AS explicit_activities,
                       coalesce(per.inferred_activities, 0) AS inferred_activities,
                       coalesce(per.linked_co_construction, 0) AS linked_co_construction,
                       coalesce(per.indh_co_financing_mad, 0) AS indh_co_financing_mad,
                       coalesce(per.tadafor_mad, 0) AS tadafor_mad,
                       CASE WHEN c.cohort IS NOT NULL THEN 1 ELSE 0 END AS programme_communes,
                       CASE WHEN c.cohort IS NOT NULL AND active.commune_code IS NOT NULL THEN 1 ELSE 0 END
                           AS communes_with_active_indh
                FROM communes c CROSS JOIN (SELECT DISTINCT programme_no FROM s_indh_project) n
                LEFT JOIN per ON per.commune_code = c.commune_code AND per.programme_no = n.programme_no
                LEFT JOIN active ON active.commune_code = c.commune_code AND active.programme_no = n.programme_no""");
        sql.execute("""
                CREATE OR REPLACE TABLE oracle_convergence AS
                SELECT *, CASE WHEN programme_communes > 0
                              THEN communes_with_active_indh * 100.0 / programme_communes END AS active_indh_share
                FROM (%s)""".formatted(scoped("programme_no, sum(linked_activities) AS linked_activities, "
                + "sum(explicit_activities) AS explicit_activities, sum(inferred_activities) AS inferred_activities, "
                + "sum(linked_co_construction) AS linked_co_construction, "
                + "sum(indh_co_financing_mad) AS indh_co_financing_mad, sum(tadafor_mad) AS tadafor_mad, "
                + "sum(programme_communes) AS programme_communes, "
                + "sum(communes_with_active_indh) AS communes_with_active_indh", "convergence_per_commune")));
        sql.execute("""
                CREATE OR REPLACE TABLE oracle_convergence_link AS
                SELECT l.source_id, l.item_id, l.indh_project_ref, l.programme_no, l.inferred, a.commune_code, a.mechanism
                FROM links l JOIN activities a ON a.source_id = l.source_id AND a.item_id = l.item_id""");
    }

    private static void dataQuality(Statement sql) throws SQLException {
        sql.execute("""
                CREATE OR REPLACE TABLE oracle_data_quality AS
                WITH a AS (
                    SELECT commune_code, count(*) AS activities, count(*) FILTER (WHERE start_date IS NULL) AS undated,
                           quantile_cont(date_diff('day', start_date, CAST(updated_at AS DATE)), 0.5) AS report_delay,
                           quantile_cont(date_diff('day', start_date, CAST(ingested_at AS DATE)), 0.5) AS arrival_delay,
                           max(updated_at) AS last_updated_at
                    FROM activities GROUP BY ALL),
                p AS (
                    SELECT commune_code, sum(participants) AS participants,
                           sum(participants) FILTER (WHERE gender = 'U') AS unknown_gender,
                           sum(participants) FILTER (WHERE age_band = 'UNKNOWN') AS unknown_age,
                           sum(participants) FILTER (WHERE disability = 'UNKNOWN') AS unknown_disability
                    FROM grain GROUP BY ALL),
                f AS (
                    SELECT s.commune_code, count(*) AS sources, max(w.last_success_at) AS last_success_at
                    FROM s_source s LEFT JOIN s_watermark w ON w.source_id = s.id GROUP BY ALL)
                SELECT c.commune_code, c.province_code, c.region_code, c.cohort,
                       coalesce(a.activities, 0) AS activities, coalesce(a.undated, 0) AS undated_activities,
                       coalesce(p.participants, 0) AS participants, coalesce(p.unknown_gender, 0) AS unknown_gender,
                       coalesce(p.unknown_age, 0) AS unknown_age, coalesce(p.unknown_disability, 0) AS unknown_disability,
                       %s AS unknown_gender_share, %s AS unknown_age_share, %s AS unknown_disability_share,
                       a.report_delay AS median_report_delay_days, a.arrival_delay AS median_arrival_delay_days,
                       a.last_updated_at, coalesce(f.sources, 0) AS sources, f.last_success_at,
                       floor((floor(epoch(i.taken_at)) - floor(epoch(f.last_success_at))) / 3600) AS hours_since_success
                FROM communes c LEFT JOIN a USING (commune_code) LEFT JOIN p USING (commune_code)
                LEFT JOIN f USING (commune_code) CROSS JOIN s_snapshot_info i""".formatted(
                percent("coalesce(p.unknown_gender, 0)", "coalesce(p.participants, 0)"),
                percent("coalesce(p.unknown_age, 0)", "coalesce(p.participants, 0)"),
                percent("coalesce(p.unknown_disability, 0)", "coalesce(p.participants, 0)")));
    }
}
