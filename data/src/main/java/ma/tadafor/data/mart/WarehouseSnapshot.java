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
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import ma.tadafor.data.disclosure.DisclosureSecret;

/**
 * Exports what the analytics job reads to Parquet, one {@code <table>.parquet} file per table,
 * all read in one transaction so the snapshot is consistent even while ingestion writes.
 * Secrets (source tokens) and texts the marts never use (titles) stay in the warehouse; the one
 * secret exported is the disclosure secret, which the refresh needs (docs/PRIVACY.md).
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

    /** What a snapshot holds: when it was taken and how many participation cells it has. */
    public record Summary(Instant takenAt, long cells) {
    }

    public Summary export(Path folder) {
        return export(folder, TABLES);
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
        return export(folder, tables);
    }

    private Summary export(Path folder, Map<String, String> tables) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the snapshot folder " + folder, e);
        }
        DisclosureSecret.ensure(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (Map.Entry<String, String> table : tables.entrySet()) {
                    statement.execute("COPY (" + table.getValue() + ") TO '" + file(folder, table.getKey())
                            + "' (FORMAT parquet)");
                }
                // now() is the transaction's start: the instant the snapshot shows the warehouse at.
                statement.execute("COPY (SELECT now() AS taken_at) TO '" + file(folder, "snapshot_info") + "' (FORMAT parquet)");
                Summary summary;
                try (ResultSet row = statement.executeQuery("SELECT now(), (SELECT count(*) FROM participation_cell)")) {
                    row.next();
                    summary = new Summary(row.getObject(1, OffsetDateTime.class).toInstant(), row.getLong(2));
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

    private static String file(Path folder, String table) {
        return folder.resolve(table + ".parquet").toAbsolutePath().toString().replace("'", "''");
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
