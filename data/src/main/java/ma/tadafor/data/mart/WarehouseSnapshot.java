package ma.tadafor.data.mart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import ma.tadafor.data.disclosure.DisclosureSecret;

/**
 * Exports what the analytics job reads to Parquet, one {@code <table>.parquet} file per table,
 * all read in one transaction so the snapshot is consistent even while ingestion writes.
 * Secrets (source tokens) and texts the marts never use (titles) stay in the warehouse; the one
 * secret exported is the disclosure secret, which the refresh needs (docs/PRIVACY.md).
 *
 * <p>The export also decides what the refresh recomputes (docs/ANALYTICS.md, "Incremental refresh"):
 * it fingerprints each commune's facts and what every commune's figures depend on (the basis), and
 * compares them with those of the marts in place ({@code refresh_fingerprint}). If the basis is the
 * same, the snapshot holds only the facts of the communes whose fingerprint changed (and of every
 * commune of a province with an approved closure, whose marts hold approved figures in place of
 * computed ones) and the partials of the others; otherwise, or when asked, everything.
 */
public final class WarehouseSnapshot {

    /** Items a programme manager excluded as outliers leave the marts (the view {@code excluded_activity}, V013). */
    private static final String NOT_EXCLUDED =
            " t WHERE NOT EXISTS (SELECT 1 FROM excluded_activity e WHERE e.source_id = t.source_id AND e.item_id = t.item_id)";

    /** The tables the analytics job reads, and what of each is exported. */
    static final Map<String, String> TABLES = tables();

    private final DataSource dataSource;

    public WarehouseSnapshot(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What a snapshot holds: when it was taken, how many participation cells it has (all of them, also
     * in an incremental snapshot), and what the refresh recomputes.
     */
    public record Summary(Instant takenAt, long cells, RefreshScope scope) {
    }

    /**
     * What a refresh recomputes: every commune ({@code full}, with why), or {@code communes} communes,
     * listed in the snapshot's {@code refresh_commune.parquet}.
     */
    public record RefreshScope(boolean full, int communes, String reason) {

        public String kind() {
            return full ? "FULL" : "INCREMENTAL";
        }
    }

    /** @param full whether to recompute every commune whatever changed */
    public Summary export(Path folder, boolean full) {
        return export(folder, TABLES, full);
    }

    /**
     * A snapshot of every table whose facts are only those of the first {@code sources} sources with facts (by
     * id): the same shapes as {@link #export}, a small fraction of its rows. What warms Spark at start
     * runs the jobs on it (docs/ANALYTICS.md), so that their classes and generated code are ready for
     * the first real refresh.
     */
    public Summary exportSample(Path folder, int sources) {
        String sampled = " WHERE source_id IN (SELECT DISTINCT source_id FROM activity ORDER BY source_id LIMIT " + sources + ")";
        Map<String, String> tables = new LinkedHashMap<>(TABLES);
        for (String facts : new String[] {"activity", "participation_cell"}) {
            tables.put(facts, "SELECT * FROM (" + TABLES.get(facts) + ")" + sampled);
        }
        return export(folder, tables, true);
    }

    private Summary export(Path folder, Map<String, String> tables, boolean fullAsked) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the snapshot folder " + folder, e);
        }
        DisclosureSecret.ensure(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                RefreshScope scope = scope(statement, fullAsked);
                Map<String, String> exported = new LinkedHashMap<>(tables);
                if (!scope.full()) {
                    for (String facts : new String[] {"activity", "participation_cell"}) {
                        exported.put(facts, "SELECT * FROM (" + tables.get(facts) + ") f WHERE " + OF_RECOMPUTED_COMMUNES);
                    }
                    for (String partial : partials(statement)) {
                        exported.put(partial, "SELECT * FROM " + partial
                                + " WHERE commune_code NOT IN (SELECT commune_code FROM refresh_commune)");
                    }
                    statement.execute("COPY refresh_commune TO '" + file(folder, "refresh_commune") + "' (FORMAT parquet)");
                }
                for (Map.Entry<String, String> table : exported.entrySet()) {
                    statement.execute("COPY (" + table.getValue() + ") TO '" + file(folder, table.getKey())
                            + "' (FORMAT parquet)");
                }
                statement.execute("COPY refresh_fingerprint_now TO '" + file(folder, "refresh_fingerprint") + "' (FORMAT parquet)");
                // now() is the transaction's start: the instant the snapshot shows the warehouse at.
                statement.execute("COPY (SELECT now() AS taken_at, CAST(" + (scope.full() ? "0" : BASE_OFFSET)
                        + " AS INTEGER) AS base_offset) TO '" + file(folder, "snapshot_info") + "' (FORMAT parquet)");
                Summary summary;
                try (ResultSet row = statement.executeQuery("SELECT now(), (SELECT count(*) FROM participation_cell)")) {
                    row.next();
                    summary = new Summary(row.getObject(1, OffsetDateTime.class).toInstant(), row.getLong(2), scope);
                }
                connection.commit();
                return summary;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("exporting the warehouse snapshot failed: " + e.getMessage(), e);
        }
    }

    /**
     * Fingerprints the warehouse (temporary tables {@code refresh_fingerprint_now} and, when incremental,
     * {@code refresh_commune}) and decides what the refresh recomputes.
     */
    private static RefreshScope scope(Statement statement, boolean fullAsked) throws SQLException {
        statement.execute("CREATE OR REPLACE TEMP TABLE refresh_fingerprint_now AS " + FINGERPRINTS);
        String reason = fullAsked ? "asked for" : null;
        if (reason == null) {
            try (ResultSet row = statement.executeQuery("""
                    SELECT (SELECT fingerprint FROM refresh_fingerprint WHERE part = 'basis'),
                           (SELECT fingerprint FROM refresh_fingerprint_now WHERE part = 'basis'),
                           (SELECT coalesce(max(base_key), 0) FROM mart_participation_base)""")) {
                row.next();
                if (row.getString(1) == null) {
                    reason = "no partials kept";
                } else if (!row.getString(1).equals(row.getString(2))) {
                    reason = "territories, programme communes, INDH projects, indicators, closures or the disclosure secret changed";
                } else if (row.getLong(3) > MAX_BASE_KEY) {
                    reason = "participation bases to number afresh";
                }
            }
        }
        if (reason != null) {
            return new RefreshScope(true, 0, reason);
        }
        statement.execute("CREATE OR REPLACE TEMP TABLE refresh_commune AS " + RECOMPUTED_COMMUNES);
        try (ResultSet row = statement.executeQuery("SELECT count(*) FROM refresh_commune")) {
            row.next();
            return new RefreshScope(false, row.getInt(1), "facts changed");
        }
    }

    private static List<String> partials(Statement statement) throws SQLException {
        List<String> partials = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("""
                SELECT table_name FROM information_schema.tables
                WHERE starts_with(table_name, 'partial_') AND NOT ends_with(table_name, '__next')
                ORDER BY table_name""")) {
            while (rows.next()) {
                partials.add(rows.getString(1));
            }
        }
        return partials;
    }

    private static String file(Path folder, String table) {
        return folder.resolve(table + ".parquet").toAbsolutePath().toString().replace("'", "''");
    }

    /** Bases are numbered after the largest kept one: past this, a full refresh numbers them from 1 again. */
    private static final long MAX_BASE_KEY = 1_000_000_000L;
    private static final String BASE_OFFSET = "(SELECT coalesce(max(base_key), 0) FROM mart_participation_base)";
    private static final String OF_RECOMPUTED_COMMUNES = """
            EXISTS (SELECT 1 FROM activity r JOIN refresh_commune USING (commune_code)
                    WHERE r.source_id = f.source_id AND r.item_id = f.item_id)""";

    /**
     * Each commune's facts as exported (activities not excluded, their cells, their co-construction
     * projects) summed as hashes with their counts, and the basis. Bump {@code partials-1} when the
     * partials the refresh keeps change shape or meaning: the next refresh is then a full one.
     */
    private static final String FINGERPRINTS = """
            WITH a AS (SELECT * FROM (%s)),
            items AS (SELECT commune_code, sum(hash(source_id, item_id, mechanism, status, start_date, end_date, theme,
                             initiator, indh_project_ref, participants, updated_at, ingested_at)::HUGEINT) AS h, count(*) AS n
                      FROM a GROUP BY commune_code),
            cells AS (SELECT a.commune_code, sum(hash(c.source_id, c.item_id, c.gender, c.age_band, c.disability, c.role,
                             c.participants)::HUGEINT) AS h, count(*) AS n
                      FROM participation_cell c JOIN a ON a.source_id = c.source_id AND a.item_id = c.item_id
                      GROUP BY a.commune_code),
            projects AS (SELECT a.commune_code, sum(hash(p.source_id, p.item_id, p.tadafor_mad, p.commune_mad, p.indh_mad,
                                p.other_mad)::HUGEINT) AS h
                         FROM co_construction_project p JOIN a ON a.source_id = p.source_id AND a.item_id = p.item_id
                         GROUP BY a.commune_code)
            SELECT i.commune_code AS part, concat_ws('/', i.h, i.n, coalesce(c.h, 0), coalesce(c.n, 0), coalesce(p.h, 0))
                   AS fingerprint
            FROM items i LEFT JOIN cells c USING (commune_code) LEFT JOIN projects p USING (commune_code)
            UNION ALL
            SELECT 'basis', concat_ws('/', 'partials-1', %s)""".formatted(tables().get("activity"), String.join(", ",
            basis("commune", "code, province_code, region_code"),
            basis("programme_commune", "commune_code, cohort, joined_on"),
            basis("indh_project", "ref, province_code, commune_code, programme_no, theme, start_date, end_date, "
                    + "total_cost_mad, indh_contribution_mad, status"),
            basis("indicator", "code, computation, activity_filter, share_filter, cumulative"),
            basis("disclosure_secret", "secret"),
            basis("closure WHERE status = 'APPROVED'", "id, province_code, semester")));

    /**
     * The communes whose fingerprint changed (new, gone or different), and every commune of a province
     * with an approved closure: its marts hold the approved figures of the closed semester, not the
     * computed ones the closure's revisions are measured with (docs/TRUST.md).
     */
    private static final String RECOMPUTED_COMMUNES = """
            SELECT coalesce(n.part, o.part) AS commune_code
            FROM (SELECT * FROM refresh_fingerprint_now WHERE part <> 'basis') n
            FULL JOIN (SELECT * FROM refresh_fingerprint WHERE part <> 'basis') o ON o.part = n.part
            WHERE n.fingerprint IS DISTINCT FROM o.fingerprint
            UNION
            SELECT c.code FROM commune c JOIN closure cl ON cl.province_code = c.province_code AND cl.status = 'APPROVED'""";

    private static String basis(String table, String columns) {
        return "(SELECT coalesce(sum(hash(" + columns + ")::HUGEINT), 0) || ':' || count(*) FROM " + table + ")";
    }

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("activity", """
                SELECT source_id, item_id, commune_code, mechanism, status, start_date, end_date, theme, initiator,
                       indh_project_ref, participants, updated_at, ingested_at
                FROM activity""" + NOT_EXCLUDED);
        tables.put("participation_cell", "SELECT * FROM participation_cell" + NOT_EXCLUDED);
        tables.put("co_construction_project", "SELECT * FROM co_construction_project");
        tables.put("indh_project", """
                SELECT ref, province_code, commune_code, programme_no, theme, start_date, end_date, total_cost_mad,
                       indh_contribution_mad, status
                FROM indh_project""");
        tables.put("commune", "SELECT code, province_code, region_code FROM commune");
        tables.put("programme_commune", "SELECT commune_code, cohort, joined_on FROM programme_commune");
        tables.put("census_population", "SELECT * FROM census_population");
        tables.put("census_age_share", "SELECT * FROM census_age_share");
        tables.put("indicator", "SELECT code, computation, activity_filter, share_filter, cumulative FROM indicator");
        tables.put("indicator_target", "SELECT indicator_code, scope, semester, target FROM indicator_target");
        tables.put("indicator_value", "SELECT indicator_code, scope, semester, value FROM indicator_value");
        tables.put("source", "SELECT id, type, commune_code, enabled FROM source");
        tables.put("watermark", "SELECT source_id, applied_up_to, last_success_at FROM watermark");
        // The refresh derives the record keys of disclosure control from it; the folder is deleted after.
        tables.put("disclosure_secret", "SELECT secret FROM disclosure_secret");
        return tables;
    }
}
