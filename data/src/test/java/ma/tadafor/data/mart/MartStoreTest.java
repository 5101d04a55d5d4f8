package ma.tadafor.data.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.TestWarehouse;
import ma.tadafor.data.closure.Closure;
import ma.tadafor.data.closure.ClosureStore;
import ma.tadafor.data.closure.Revision;
import ma.tadafor.data.closure.RevisionQueries;

/** Marts are loaded beside the current ones and swapped in one transaction, or not at all. */
class MartStoreTest {

    @TempDir
    Path folder;

    HikariDataSource warehouse;

    @BeforeEach
    void open() {
        warehouse = TestWarehouse.withReferenceData(folder);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void aClosedSemesterKeepsItsApprovedRowsAndListsWhatChangedSince() throws Exception {
        load(marts("first", "province:05.091", 10));
        ClosureStore closures = new ClosureStore(warehouse);
        Closure closure = closures.propose("05.091", "2024S1", "enabel", Instant.now());
        closures.approve(closure.id(), "gov-beni-mellal", Instant.now());

        load(marts("second", "province:05.091", 20));

        assertThat(TestWarehouse.count(warehouse, "SELECT sum(participants) FROM mart_participation")).isEqualTo(10);
        assertThat(TestWarehouse.count(warehouse, "SELECT sum(participants) FROM mart_participation_province")).isEqualTo(10);
        assertThat(TestWarehouse.count(warehouse, "SELECT sum(participants_key) FROM mart_participation")).isEqualTo(17);
        assertThat(TestWarehouse.count(warehouse, "SELECT actual FROM mart_indicator")).isEqualTo(10);
        assertThat(TestWarehouse.count(warehouse, "SELECT participants FROM mart_participation_rate")).isEqualTo(10);
        assertThat(TestWarehouse.text(warehouse, "SELECT string_agg(item_id, ',') FROM mart_lineage_item")).isEqualTo("item-10");
        List<Revision> revisions = new RevisionQueries(warehouse).of(closure.id());
        assertThat(revisions).extracting(r -> r.kind() + " " + r.scope() + " " + r.indicatorCode() + " " + r.breakdown())
                .contains("indicator province:05.091 R2.1 null", "participation province:05.091 null total");
        Revision total = revisions.stream().filter(r -> "total".equals(r.breakdown())).findFirst().orElseThrow();
        assertThat(List.of(total.approved().value(), total.now().value())).containsExactly(10.0, 20.0);
        assertThat(total.items()).extracting(Revision.ChangedItem::itemId, Revision.ChangedItem::change)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("item-10", "WITHDRAWN"),
                        org.assertj.core.groups.Tuple.tuple("item-20", "NEW"));

        // reopened: the next refresh puts the current figures back
        closures.reopen(closure.id(), "admin", "a correction", Instant.now());
        load(marts("third", "province:05.091", 30));
        assertThat(TestWarehouse.count(warehouse, "SELECT sum(participants) FROM mart_participation")).isEqualTo(30);
        assertThat(TestWarehouse.count(warehouse, "SELECT sum(participants) FROM mart_participation_province")).isEqualTo(30);
    }

    @Test
    void loadsEveryMartAndReplacesThePreviousOnes() throws Exception {
        load(marts("first", "programme", 10));
        load(marts("second", "programme", 20));

        assertThat(TestWarehouse.count(warehouse, "SELECT count(*) FROM mart_indicator")).isEqualTo(1);
        assertThat(TestWarehouse.count(warehouse, "SELECT actual FROM mart_indicator")).isEqualTo(20);
        assertThat(TestWarehouse.count(warehouse, "SELECT count(*) FROM mart_participation")).isEqualTo(1);
        assertThat(TestWarehouse.count(warehouse, "SELECT participants FROM mart_participation_province")).isEqualTo(20);
        assertThat(TestWarehouse.count(warehouse, "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE '%__next'"))
                .isZero();
    }

    @Test
    void theCubeIsStoredByGroupingSetThenBase() throws Exception {
        Path marts = marts("shuffled", "programme", 10);
        // Spark writes the cube by base, every grouping set of a base together.
        write(marts, "participation_cube", "VALUES (2, 3, 0, 5, 1, 17), (1, 0, 0, 7, 1, 17), (1, 3, 0, 4, 1, 17), (2, 0, 0, 9, 1, 17)");
        load(marts);

        String stored = TestWarehouse.text(warehouse,
                "SELECT string_agg(cell_set || '/' || base_key, ' ' ORDER BY rowid) FROM mart_participation_cube");
        assertThat(stored).isEqualTo("0/1 0/2 3/1 3/2");
    }

    @Test
    void aMartThatDoesNotFitLeavesEveryPreviousMartInPlace() throws Exception {
        load(marts("good", "programme", 10));
        Path bad = marts("bad", "programme", 30);
        // The last mart loaded has a column the warehouse does not know: the load fails after the others were staged.
        Files.delete(bad.resolve("data_quality").resolve("part-0.parquet"));
        TestWarehouse.execute(warehouse, "COPY (SELECT 1 AS surprise) TO '"
                + bad.resolve("data_quality").resolve("part-0.parquet") + "' (FORMAT parquet)");

        assertThatThrownBy(() -> load(bad)).hasMessageContaining("previous ones stay");

        assertThat(TestWarehouse.count(warehouse, "SELECT actual FROM mart_indicator")).isEqualTo(10);
        assertThat(TestWarehouse.count(warehouse, "SELECT participants FROM mart_participation")).isEqualTo(10);
    }

    @Test
    void aMissingMartIsRefusedBeforeAnythingIsTouched() throws Exception {
        load(marts("good", "programme", 10));
        Path incomplete = marts("incomplete", "programme", 40);
        Files.delete(incomplete.resolve("convergence").resolve("part-0.parquet"));
        Files.delete(incomplete.resolve("convergence"));

        assertThatThrownBy(() -> load(incomplete)).hasMessageContaining("convergence");
        assertThat(TestWarehouse.count(warehouse, "SELECT actual FROM mart_indicator")).isEqualTo(10);
    }

    /** Loads {@code marts} as a full refresh's, with no partial: the folder holds the fingerprints too. */
    private void load(Path marts) {
        new MartStore(warehouse).load(marts, marts, new WarehouseSnapshot.RefreshScope(true, 0, "test"));
    }

    /** A marts folder as the analytics job writes it (one Parquet file per mart), figures set to {@code value}. */
    private Path marts(String name, String scope, int value) throws Exception {
        Path marts = folder.resolve(name);
        for (String mart : MartStore.MARTS) {
            Files.createDirectories(marts.resolve(mart));
        }
        String commune = "'05.091.01.07', '05.091', '05'";
        write(marts, "participation_base", "SELECT 1, " + commune + ", 'pilot', 'PETITION', DATE '2024-03-01', 2024, '2024S1'");
        write(marts, "participation_cell_code", "SELECT 0, NULL, NULL, NULL, NULL");
        write(marts, "participation_cube", "SELECT 1, 0, 0, " + value + ", 1, 17");
        write(marts, "participation_rate", "SELECT '" + scope + "', '2024S1', " + value + ", 1000, 1.0, 0, 0, NULL, NULL, "
                + "NULL, 0, 0, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0");
        write(marts, "indicator", "SELECT 'R2.1', '" + scope + "', '2024S1', " + value + ".0, 35.0, 'OFF_TRACK', NULL, NULL, NULL, NULL");
        write(marts, "convergence", "SELECT '" + scope + "', 1, 0, 0, 0, 0, 0, 0, 60, 3, 5.0");
        write(marts, "convergence_link", "SELECT 'p', 'a', 'INDH-1', 1, false, '05.091.01.07', 'PETITION'");
        write(marts, "lineage_item", "SELECT 'upload-05.091.01.07', 'item-" + value + "', " + commune + ", 'pilot', 'PETITION', "
                + "DATE '2024-03-01', '2024S1', TIMESTAMPTZ '2024-03-02 00:00:00+00', TIMESTAMPTZ '2024-03-02 00:00:00+00', "
                + value + ", 17");
        write(marts, "indicator_item", "SELECT 'R2.1', 'upload-05.091.01.07', 'item-" + value + "', '05.091.01.07', '2024S1', "
                + "false, " + value + ".0, 0.0");
        write(marts, "data_quality", "SELECT " + commune + ", 'pilot', 1, 0, " + value + ", 0, 0, 0, 0.0, 0.0, 0.0, 3.0, "
                + "5.0, NULL, 0, NULL, NULL, 0, 0, 0, 0");
        write(marts, "outlier", "SELECT 'item', 'p', 'a', TIMESTAMPTZ '2024-09-01 10:00:00+00', '05.091.01.07', '05.091', "
                + "'PETITION', '2024S1', " + value + ", 3, 2.0, 5, 4.7, 'commune', 8");
        TestWarehouse.execute(warehouse, "COPY (SELECT 'basis' AS part, 'test' AS fingerprint) TO '"
                + marts.resolve("refresh_fingerprint.parquet") + "' (FORMAT parquet)");
        return marts;
    }

    /** Writes {@code values} with the column names of {@code mart_<mart>}. */
    private void write(Path marts, String mart, String values) {
        TestWarehouse.execute(warehouse, "CREATE OR REPLACE TEMP TABLE shaped AS SELECT * FROM mart_" + mart + " LIMIT 0; "
                + "INSERT INTO shaped " + values + "; COPY shaped TO '" + marts.resolve(mart).resolve("part-0.parquet")
                + "' (FORMAT parquet)");
    }
}
