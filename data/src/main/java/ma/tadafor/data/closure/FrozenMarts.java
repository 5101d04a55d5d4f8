package ma.tadafor.data.closure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The one place where closed semesters are frozen. At approval, the marts' rows of the province and
 * semester are copied ({@link #freeze}); at each later refresh, once the new marts are swapped in and
 * before the swap's transaction commits, their current rows are compared with the approved ones
 * (revisions and changed items) and then replaced by them ({@link #reviseAndRestore}). Every reader of the marts,
 * the disclosure layer first, thus reads a closed semester's figures as approved without knowing it.
 */
public final class FrozenMarts {

    /** Approved closures, with the scope keys their rows are under. */
    private static final String APPROVED = """
            (SELECT id, province_code, semester, 'province:' || province_code AS province_scope,
                    'commune:' || province_code || '.' AS commune_prefix
             FROM closure WHERE status = 'APPROVED')""";

    /** The provinces whose marts {@link #reviseAndRestore} puts back as approved, for one semester or more. */
    public static final String RESTORED_PROVINCES = "(SELECT province_code FROM " + APPROVED + ")";

    /**
     * Participation cells of the items the marts count, as the marts counted them: those approved for
     * an item counted in a closed semester, the current ones otherwise. Joined on {@code closure_id}
     * with a closure's id or null ({@code IS NOT DISTINCT FROM}).
     */
    public static final String CELLS = """
            (SELECT CAST(NULL AS BIGINT) AS closure_id, source_id, item_id, gender, age_band, disability, role, participants
             FROM participation_cell
             UNION ALL
             SELECT closure_id, source_id, item_id, gender, age_band, disability, role, participants FROM closure_item_cell)""";

    /** The breakdowns of a closed province's participation compared at each refresh: name, cell set, column. */
    private static final List<String[]> BREAKDOWNS = List.of(new String[] {"total", "0", "NULL"},
            new String[] {"commune", "0", "commune_code"}, new String[] {"mechanism", "0", "mechanism"},
            new String[] {"gender", "1", "gender"}, new String[] {"ageBand", "2", "age_band"},
            new String[] {"disability", "4", "disability"}, new String[] {"role", "8", "role"});

    private static final String NOW_PARTICIPATION = """
            (SELECT c.id AS closure_id, b.commune_code, b.mechanism, p.cell_set, cc.gender, cc.age_band, cc.disability,
                    cc.role, p.participants, p.participants_key
             FROM mart_participation_cube p
             JOIN mart_participation_base b ON b.base_key = p.base_key
             JOIN mart_participation_cell_code cc ON cc.cell_code = p.cell_code
             JOIN %s c ON c.province_code = b.province_code AND c.semester = b.semester)""".formatted(APPROVED);

    private FrozenMarts() {
    }

    /** Copies the marts' rows of a province's semester, and the items they were made of, for closure {@code id}. */
    static void freeze(Connection connection, long id, String provinceCode, String semester) throws SQLException {
        String provinceScope = "province:" + provinceCode;
        String communePrefix = "commune:" + provinceCode + ".";
        execute(connection, """
                INSERT INTO closure_participation BY NAME
                SELECT CAST(? AS BIGINT) AS closure_id, * FROM mart_participation WHERE province_code = ? AND semester = ?""",
                id, provinceCode, semester);
        for (String mart : List.of("participation_rate", "indicator")) {
            execute(connection, """
                    INSERT INTO closure_%s BY NAME
                    SELECT CAST(? AS BIGINT) AS closure_id, * FROM mart_%1$s
                    WHERE semester = ? AND (scope = ? OR starts_with(scope, ?))""".formatted(mart),
                    id, semester, provinceScope, communePrefix);
        }
        execute(connection, """
                INSERT INTO closure_item BY NAME
                SELECT CAST(? AS BIGINT) AS closure_id, * FROM mart_lineage_item WHERE province_code = ? AND semester = ?""",
                id, provinceCode, semester);
        execute(connection, """
                INSERT INTO closure_indicator_item BY NAME
                SELECT CAST(? AS BIGINT) AS closure_id, * FROM mart_indicator_item
                WHERE semester = ? AND starts_with(commune_code, ?)""", id, semester, provinceCode + ".");
        execute(connection, """
                INSERT INTO closure_item_cell BY NAME
                SELECT CAST(? AS BIGINT) AS closure_id, pc.* FROM participation_cell pc
                JOIN closure_item i ON i.closure_id = ? AND i.source_id = pc.source_id AND i.item_id = pc.item_id""", id, id);
    }

    /**
     * On the marts just swapped in, before the swap commits, for every approved closure: records how their
     * current figures differ from the approved ones, and the items that changed, then puts the
     * approved rows in place of the current ones.
     */
    public static void reviseAndRestore(Statement statement) throws SQLException {
        statement.execute("DELETE FROM closure_revision WHERE closure_id IN (SELECT id FROM " + APPROVED + ")");
        statement.execute("DELETE FROM closure_revision_item WHERE closure_id IN (SELECT id FROM " + APPROVED + ")");
        statement.execute("DELETE FROM closure_change WHERE closure_id IN (SELECT id FROM " + APPROVED + ")");
        statement.execute("""
                INSERT INTO closure_revision BY NAME
                SELECT coalesce(f.closure_id, n.closure_id) AS closure_id, 'indicator' AS kind,
                       coalesce(f.indicator_code, n.indicator_code) AS indicator_code, coalesce(f.scope, n.scope) AS scope,
                       f.actual AS approved, f.numerator AS approved_numerator, f.denominator AS approved_denominator,
                       f.numerator_key AS approved_key, f.denominator_key AS approved_denominator_key,
                       n.actual AS now, n.numerator AS now_numerator, n.denominator AS now_denominator,
                       n.numerator_key AS now_key, n.denominator_key AS now_denominator_key
                FROM (SELECT f.* FROM closure_indicator f JOIN %1$s c ON c.id = f.closure_id) f
                FULL JOIN (SELECT c.id AS closure_id, m.* FROM mart_indicator m
                           JOIN %1$s c ON m.semester = c.semester
                               AND (m.scope = c.province_scope OR starts_with(m.scope, c.commune_prefix))) n
                  ON n.closure_id = f.closure_id AND n.indicator_code = f.indicator_code AND n.scope = f.scope
                WHERE f.actual IS DISTINCT FROM n.actual OR f.numerator IS DISTINCT FROM n.numerator
                   OR f.denominator IS DISTINCT FROM n.denominator""".formatted(APPROVED));
        for (String[] breakdown : BREAKDOWNS) {
            String sums = """
                    SELECT closure_id, %s AS value, sum(participants) AS participants,
                           CAST(sum(participants_key) %% 256 AS INTEGER) AS cell_key
                    FROM %s WHERE cell_set = %s GROUP BY ALL""";
            statement.execute("""
                    INSERT INTO closure_revision BY NAME
                    SELECT coalesce(f.closure_id, n.closure_id) AS closure_id, 'participation' AS kind,
                           'province:' || c.province_code AS scope, '%s' AS breakdown,
                           CAST(coalesce(f.value, n.value) AS VARCHAR) AS breakdown_value,
                           coalesce(f.participants, 0) AS approved, coalesce(f.cell_key, 0) AS approved_key,
                           coalesce(n.participants, 0) AS now, coalesce(n.cell_key, 0) AS now_key
                    FROM (%s) f FULL JOIN (%s) n ON n.closure_id = f.closure_id AND n.value IS NOT DISTINCT FROM f.value
                    JOIN closure c ON c.id = coalesce(f.closure_id, n.closure_id)
                    WHERE coalesce(f.participants, 0) <> coalesce(n.participants, 0)""".formatted(breakdown[0],
                    sums.formatted(breakdown[2], "(SELECT f.* FROM closure_participation f JOIN " + APPROVED
                            + " c ON c.id = f.closure_id)", breakdown[1]),
                    sums.formatted(breakdown[2], NOW_PARTICIPATION, breakdown[1])));
        }
        statement.execute("""
                INSERT INTO closure_change
                SELECT coalesce(f.closure_id, n.closure_id), coalesce(f.source_id, n.source_id),
                       coalesce(f.item_id, n.item_id), coalesce(n.commune_code, f.commune_code),
                       coalesce(n.mechanism, f.mechanism),
                       CASE WHEN f.item_id IS NULL THEN 'NEW' WHEN n.item_id IS NULL THEN 'WITHDRAWN' ELSE 'UPDATED' END
                FROM (SELECT f.* FROM closure_item f JOIN %1$s c ON c.id = f.closure_id) f
                FULL JOIN (SELECT c.id AS closure_id, m.* FROM mart_lineage_item m
                           JOIN %1$s c ON m.province_code = c.province_code AND m.semester = c.semester) n
                  ON n.closure_id = f.closure_id AND n.source_id = f.source_id AND n.item_id = f.item_id
                WHERE f.item_id IS NULL OR n.item_id IS NULL OR f.updated_at IS DISTINCT FROM n.updated_at
                   OR f.participants <> n.participants""".formatted(APPROVED));
        statement.execute("""
                INSERT INTO closure_revision_item
                SELECT r.closure_id, r.kind, r.indicator_code, r.scope, r.breakdown, r.breakdown_value, ch.source_id,
                       ch.item_id, ch.change
                FROM closure_revision r
                JOIN %1$s c ON c.id = r.closure_id
                JOIN closure_change ch ON ch.closure_id = r.closure_id
                WHERE (r.kind = 'participation' AND (r.breakdown NOT IN ('commune', 'mechanism')
                        OR (r.breakdown = 'commune' AND ch.commune_code = r.breakdown_value)
                        OR (r.breakdown = 'mechanism' AND ch.mechanism = r.breakdown_value)))
                   OR (r.kind = 'indicator' AND (r.scope = c.province_scope OR r.scope = 'commune:' || ch.commune_code)
                       AND (EXISTS (SELECT 1 FROM closure_indicator_item i WHERE i.closure_id = r.closure_id
                                    AND i.indicator_code = r.indicator_code AND i.source_id = ch.source_id
                                    AND i.item_id = ch.item_id)
                            OR EXISTS (SELECT 1 FROM mart_indicator_item i WHERE i.indicator_code = r.indicator_code
                                       AND i.source_id = ch.source_id AND i.item_id = ch.item_id
                                       AND i.semester = c.semester)))""".formatted(APPROVED));
        restore(statement);
    }

    private static void restore(Statement statement) throws SQLException {
        // Participation: the cube's rows of closed bases go, the approved ones come back on this refresh's
        // numbering of bases (a base the refresh no longer has is added) and cell codes (a fixed table).
        statement.execute("""
                DELETE FROM mart_participation_cube WHERE base_key IN (
                    SELECT b.base_key FROM mart_participation_base b
                    JOIN %s c ON c.province_code = b.province_code AND c.semester = b.semester)""".formatted(APPROVED));
        String approvedParticipation = "(SELECT f.* FROM closure_participation f JOIN " + APPROVED + " c ON c.id = f.closure_id)";
        String sameBase = """
                b.commune_code = f.commune_code AND b.province_code = f.province_code AND b.region_code = f.region_code
                AND b.cohort IS NOT DISTINCT FROM f.cohort AND b.mechanism = f.mechanism AND b.month IS NOT DISTINCT FROM f.month
                AND b.year IS NOT DISTINCT FROM f.year AND b.semester IS NOT DISTINCT FROM f.semester""";
        statement.execute("""
                INSERT INTO mart_participation_base BY NAME
                SELECT (SELECT coalesce(max(base_key), 0) FROM mart_participation_base) + row_number() OVER () AS base_key, f.*
                FROM (SELECT DISTINCT commune_code, province_code, region_code, cohort, mechanism, month, year, semester
                      FROM %s) f
                WHERE NOT EXISTS (SELECT 1 FROM mart_participation_base b WHERE %s)""".formatted(approvedParticipation, sameBase));
        statement.execute("""
                INSERT INTO mart_participation_cube BY NAME
                SELECT b.base_key, f.cell_set, cc.cell_code, f.participants, f.activities, f.participants_key
                FROM %s f
                JOIN mart_participation_base b ON %s
                JOIN mart_participation_cell_code cc ON cc.gender IS NOT DISTINCT FROM f.gender
                    AND cc.age_band IS NOT DISTINCT FROM f.age_band AND cc.disability IS NOT DISTINCT FROM f.disability
                    AND cc.role IS NOT DISTINCT FROM f.role""".formatted(approvedParticipation, sameBase));
        for (String mart : List.of("participation_rate", "indicator")) {
            statement.execute("""
                    DELETE FROM mart_%1$s m USING %2$s c
                    WHERE m.semester = c.semester AND (m.scope = c.province_scope OR starts_with(m.scope, c.commune_prefix))"""
                    .formatted(mart, APPROVED));
            statement.execute("""
                    INSERT INTO mart_%1$s BY NAME
                    SELECT f.* EXCLUDE (closure_id) FROM closure_%1$s f JOIN %2$s c ON c.id = f.closure_id""".formatted(mart, APPROVED));
        }
        statement.execute("""
                DELETE FROM mart_lineage_item m USING %s c
                WHERE m.province_code = c.province_code AND m.semester = c.semester""".formatted(APPROVED));
        statement.execute("""
                INSERT INTO mart_lineage_item BY NAME
                SELECT f.* EXCLUDE (closure_id) FROM closure_item f JOIN %s c ON c.id = f.closure_id""".formatted(APPROVED));
        statement.execute("""
                DELETE FROM mart_indicator_item m USING %s c
                WHERE m.semester = c.semester AND starts_with(m.commune_code, c.province_code || '.')""".formatted(APPROVED));
        statement.execute("""
                INSERT INTO mart_indicator_item BY NAME
                SELECT f.* EXCLUDE (closure_id) FROM closure_indicator_item f JOIN %s c ON c.id = f.closure_id""".formatted(APPROVED));
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }
}
