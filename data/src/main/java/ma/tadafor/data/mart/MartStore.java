package ma.tadafor.data.mart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ma.tadafor.data.Transactions;
import ma.tadafor.data.closure.FrozenMarts;

/**
 * Loads the Parquet marts the analytics job wrote into the warehouse. Each is first loaded into a
 * table of its own ({@code mart_x__next}, typed by the current {@code mart_x}, so a mart whose
 * columns drifted fails here), then all are swapped in one transaction: readers see the old marts
 * or the new ones, never a mix, and a failure anywhere leaves the old ones in place.
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

    public void load(Path martsFolder) {
        for (String mart : MARTS) {
            if (!Files.isDirectory(martsFolder.resolve(mart))) {
                throw new IllegalStateException("the analytics job wrote no mart " + mart + " in " + martsFolder);
            }
        }
        // A failed load leaves its __next tables behind: harmless, the next load replaces them.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String mart : MARTS) {
                String files = martsFolder.resolve(mart).toAbsolutePath().resolve("*.parquet").toString().replace("'", "''");
                statement.execute("CREATE OR REPLACE TABLE mart_" + mart + "__next AS SELECT * FROM mart_" + mart + " LIMIT 0");
                statement.execute("INSERT INTO mart_" + mart + "__next BY NAME SELECT * FROM read_parquet('" + files + "')");
            }
            // The kill campaign (KillCampaignTest) reads this line to tell a kill in the swap from one in the load.
            log.debug("Swapping in the marts loaded from {}", martsFolder);
            long swapStarted = System.nanoTime();
            connection.setAutoCommit(false);
            try {
                // Closed semesters keep their approved figures (docs/TRUST.md), in the same transaction as the swap.
                FrozenMarts.reviseAndRestore(statement);
                for (String mart : MARTS) {
                    statement.execute("DROP TABLE mart_" + mart);
                    statement.execute("ALTER TABLE mart_" + mart + "__next RENAME TO mart_" + mart);
                }
                connection.commit();
            } catch (SQLException e) {
                Transactions.rollBack(connection, e);
                throw e;
            }
            connection.setAutoCommit(true);
            log.debug("Swapped in {} marts in {} ms", MARTS.size(), (System.nanoTime() - swapStarted) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("loading the marts failed, the previous ones stay: " + e.getMessage(), e);
        }
    }
}
