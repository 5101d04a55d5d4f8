package ma.tadafor.data.mart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ma.tadafor.data.Transactions;
import ma.tadafor.data.closure.FrozenMarts;

/**
 * Loads the Parquet marts the analytics job wrote into the warehouse. Each is first loaded into a
 * table of its own ({@code mart_x__next}, typed by the current {@code mart_x}, so a mart whose
 * columns drifted fails here), then all are swapped in one transaction (after an incremental refresh,
 * the marts of items and bases have their recomputed communes' rows replaced in place): readers see
 * the old marts or the new ones, never a mix, and a failure anywhere leaves the old ones in place. The partials
 * the job keeps for the next refresh and the fingerprints of what the marts were made of are swapped
 * in the same transaction (docs/ANALYTICS.md, "Incremental refresh").
 */
public final class MartStore {

    private static final Logger log = LoggerFactory.getLogger(MartStore.class);

    /**
     * The marts, as the analytics job names its output folders. The view {@code mart_participation}
     * reads the first three together.
     */
    public static final List<String> MARTS = List.of("participation_base", "participation_cell_code",
            "participation_cube", "participation_rate", "indicator", "convergence", "convergence_link", "data_quality",
            "outlier", "lineage_item", "indicator_item");

    private final DataSource dataSource;

    public MartStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The marts an incremental refresh writes for the communes it recomputed only (the outliers: for
     * their provinces), with the rows in place it replaces ({@code %s}: the list of those communes), in
     * the order they are deleted: the cube's rows are found through the bases in place.
     */
    private static final Map<String, String> BY_COMMUNE = byCommune();

    /**
     * The order a mart's rows are stored in, where its readers' filters can skip most of it. Every
     * question reads one grouping set of the cube (a sixteenth of its rows, the total's set 0 a
     * hundredth) and, below the programme, a range of bases (numbered by commune): stored in that order,
     * DuckDB's min-max statistics skip the rest (5–10× faster at 10 M cells, docs/BENCHMARKS.md), for 1–2 s
     * of sorting in a full load. The rows an incremental refresh appends are sorted the same way.
     */
    private static final Map<String, String> CLUSTERED = Map.of("participation_cube", " ORDER BY cell_set, base_key");

    /**
     * @param martsFolder    what the analytics job wrote: the marts and the partials ({@code partial_<name>})
     * @param snapshotFolder the snapshot it read, whose fingerprints are those of the marts loaded
     * @param scope          what the refresh recomputed: in an incremental one, the marts of
     *                       {@link #BY_COMMUNE} have their recomputed communes' rows replaced, the others' kept
     */
    public void load(Path martsFolder, Path snapshotFolder, WarehouseSnapshot.RefreshScope scope) {
        for (String mart : MARTS) {
            if (!Files.isDirectory(martsFolder.resolve(mart))) {
                throw new IllegalStateException("the analytics job wrote no mart " + mart + " in " + martsFolder);
            }
        }
        List<String> partials = partials(martsFolder);
        boolean incremental = !scope.full();
        // A failed load leaves its __next tables behind: harmless, the next load replaces them.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String mart : MARTS) {
                statement.execute("CREATE OR REPLACE TABLE mart_" + mart + "__next AS SELECT * FROM mart_" + mart + " LIMIT 0");
                statement.execute("INSERT INTO mart_" + mart + "__next BY NAME SELECT * FROM "
                        + parquet(martsFolder.resolve(mart).resolve("*.parquet")) + CLUSTERED.getOrDefault(mart, ""));
            }
            for (String partial : partials) {
                // Typed by what Spark wrote: the partials are the jobs' own, read by nothing else (docs/ANALYTICS.md).
                statement.execute("CREATE OR REPLACE TABLE " + partial + "__next AS SELECT * FROM "
                        + parquet(martsFolder.resolve(partial).resolve("*.parquet")));
            }
            // The kill campaign (KillCampaignTest) reads this line to tell a kill in the swap from one in the load.
            log.debug("Swapping in the marts loaded from {}", martsFolder);
            long swapStarted = System.nanoTime();
            connection.setAutoCommit(false);
            try {
                String recomputed = parquet(snapshotFolder.resolve("refresh_commune.parquet"));
                if (incremental) {
                    for (Map.Entry<String, String> mart : BY_COMMUNE.entrySet()) {
                        statement.execute("DELETE FROM mart_" + mart.getKey() + " WHERE " + mart.getValue().formatted(recomputed));
                    }
                }
                for (String mart : MARTS) {
                    if (incremental && BY_COMMUNE.containsKey(mart)) {
                        statement.execute("INSERT INTO mart_" + mart + " SELECT * FROM mart_" + mart + "__next");
                        statement.execute("DROP TABLE mart_" + mart + "__next");
                    } else {
                        statement.execute("DROP TABLE mart_" + mart);
                        statement.execute("ALTER TABLE mart_" + mart + "__next RENAME TO mart_" + mart);
                    }
                }
                for (String partial : partials) {
                    statement.execute("DROP TABLE IF EXISTS " + partial);
                    statement.execute("ALTER TABLE " + partial + "__next RENAME TO " + partial);
                }
                statement.execute("DELETE FROM refresh_fingerprint");
                statement.execute("INSERT INTO refresh_fingerprint SELECT part, fingerprint FROM "
                        + parquet(snapshotFolder.resolve("refresh_fingerprint.parquet")));
                // Closed semesters keep their approved figures (docs/TRUST.md), in the same transaction as the swap.
                FrozenMarts.reviseAndRestore(statement);
                refreshProvinceCube(statement, incremental ? replacedProvinces(statement, recomputed) : "TRUE");
                connection.commit();
            } catch (SQLException e) {
                Transactions.rollBack(connection, e);
                throw e;
            }
            connection.setAutoCommit(true);
            log.debug("Swapped in {} marts and {} partials in {} ms", MARTS.size(), partials.size(),
                    (System.nanoTime() - swapStarted) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("loading the marts failed, the previous ones stay: " + e.getMessage(), e);
        }
    }

    /**
     * Sums the commune cube again into the province cube (migration V016) for the provinces
     * {@code replaced} selects (every province in a full refresh). Stored as {@link #CLUSTERED} says.
     */
    private static void refreshProvinceCube(Statement statement, String replaced) throws SQLException {
        statement.execute("DELETE FROM mart_province_cube WHERE " + replaced);
        statement.execute("INSERT INTO mart_province_cube SELECT * FROM province_cube_from_communes WHERE " + replaced
                + " ORDER BY cell_set, province_code");
    }

    /**
     * The provinces whose cube rows an incremental swap replaced, the recomputed communes' and the
     * closed semesters' restored, as a condition listing their codes: a list of constants reaches the
     * bases through the sum's grouping, so only those provinces' rows are read (a subquery there read
     * the whole cube, 3 s at 10 M cells).
     */
    private static String replacedProvinces(Statement statement, String recomputed) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT province_code FROM commune WHERE code IN (SELECT commune_code FROM "
                + recomputed + ") UNION SELECT province_code FROM " + FrozenMarts.RESTORED_PROVINCES + " ORDER BY 1")) {
            while (rows.next()) {
                codes.add("'" + rows.getString(1).replace("'", "''") + "'");
            }
        }
        return codes.isEmpty() ? "FALSE" : "province_code IN (" + String.join(", ", codes) + ")";
    }

    private static Map<String, String> byCommune() {
        Map<String, String> marts = new LinkedHashMap<>();
        marts.put("participation_cube",
                "base_key IN (SELECT base_key FROM mart_participation_base WHERE commune_code IN (SELECT commune_code FROM %s))");
        for (String mart : List.of("participation_base", "convergence_link", "lineage_item", "indicator_item")) {
            marts.put(mart, "commune_code IN (SELECT commune_code FROM %s)");
        }
        // Outliers are judged within a province: the recomputed communes' provinces are judged again.
        marts.put("outlier", "province_code IN (SELECT province_code FROM commune WHERE code IN (SELECT commune_code FROM %s))");
        return marts;
    }

    private static List<String> partials(Path martsFolder) {
        try (Stream<Path> folders = Files.list(martsFolder)) {
            return folders.map(folder -> folder.getFileName().toString()).filter(name -> name.startsWith("partial_"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the marts written in " + martsFolder, e);
        }
    }

    private static String parquet(Path files) {
        return "read_parquet('" + files.toAbsolutePath().toString().replace("'", "''") + "')";
    }
}
