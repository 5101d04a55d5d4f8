package ma.tadafor.data.activity;

import static ma.tadafor.data.TestWarehouse.count;
import static ma.tadafor.data.TestWarehouse.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.Warehouse;
import ma.tadafor.data.migration.SchemaMigrator;

class ActivityStoreTest {

    private static final String SOURCE = "portal-kasba-tadla";
    private static final String COMMUNE = "05.091.01.07";
    private static final Instant T1 = Instant.parse("2024-03-02T10:15:00Z");
    private static final Instant T2 = Instant.parse("2024-03-05T08:00:00Z");

    @TempDir
    Path folder;

    HikariDataSource warehouse;
    ActivityStore store;

    @BeforeEach
    void openWarehouse() {
        warehouse = Warehouse.open(folder.resolve("facts.duckdb"), 2);
        new SchemaMigrator(warehouse).migrate();
        store = new ActivityStore(warehouse);
    }

    @AfterEach
    void closeWarehouse() {
        warehouse.close();
    }

    @Test
    void insertsItemsWithTheirCellsAssociationsAndFunding() {
        ApplyResult result = store.apply(SOURCE, COMMUNE, List.of(petition(T1, 12), coConstruction()), List.of());

        assertThat(result).isEqualTo(new ApplyResult(2, 0, 0, 0));
        assertThat(count(warehouse, "SELECT count(*) FROM activity")).isEqualTo(2);
        assertThat(count(warehouse, "SELECT sum(participants) FROM participation_cell WHERE item_id = 'petition-2024-017'"))
                .isEqualTo(16);
        assertThat(count(warehouse, "SELECT participants FROM activity WHERE item_id = 'petition-2024-017'")).isEqualTo(16);
        assertThat(text(warehouse, "SELECT title_ar FROM activity WHERE item_id = 'petition-2024-017'"))
                .isEqualTo("الإنارة العمومية للدوار");
        assertThat(text(warehouse, "SELECT updated_at::VARCHAR FROM activity WHERE item_id = 'petition-2024-017'"))
                .isEqualTo("2024-03-02 10:15:00+00");
        assertThat(count(warehouse, "SELECT count(*) FROM participation_cell WHERE disability IS NULL AND gender = 'U'"))
                .as("unknowns are kept as data").isEqualTo(1);
        assertThat(text(warehouse, "SELECT indh_mad::VARCHAR FROM co_construction_project")).isEqualTo("150000.00");
        assertThat(text(warehouse, "SELECT name FROM association")).isEqualTo("Association Al Amal");
        assertThat(count(warehouse, "SELECT count(*) FROM activity_association")).isEqualTo(1);
    }

    @Test
    void replayingTheSameItemsChangesNothing() {
        store.apply(SOURCE, COMMUNE, List.of(petition(T1, 12), coConstruction()), List.of());

        ApplyResult replay = store.apply(SOURCE, COMMUNE, List.of(petition(T1, 12), coConstruction()), List.of());

        assertThat(replay).isEqualTo(new ApplyResult(0, 0, 0, 2));
        assertThat(count(warehouse, "SELECT count(*) FROM participation_cell")).isEqualTo(4);
        assertThat(count(warehouse, "SELECT count(*) FROM activity_association")).isEqualTo(1);
    }

    @Test
    void aNewerVersionReplacesTheItemAndAllItsCells() {
        store.apply(SOURCE, COMMUNE, List.of(petition(T1, 12)), List.of());

        ApplyResult result = store.apply(SOURCE, COMMUNE, List.of(petition(T2, 40)), List.of());

        assertThat(result).isEqualTo(new ApplyResult(0, 1, 0, 0));
        assertThat(count(warehouse, "SELECT count(*) FROM participation_cell")).isEqualTo(3);
        assertThat(count(warehouse, "SELECT sum(participants) FROM participation_cell")).isEqualTo(44);
    }

    @Test
    void anOlderVersionArrivingLateIsIgnored() {
        store.apply(SOURCE, COMMUNE, List.of(petition(T2, 40)), List.of());

        ApplyResult result = store.apply(SOURCE, COMMUNE, List.of(petition(T1, 12)), List.of());

        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(count(warehouse, "SELECT sum(participants) FROM participation_cell")).isEqualTo(44);
    }

    @Test
    void withinOneBatchTheNewestVersionWins() {
        store.apply(SOURCE, COMMUNE, List.of(petition(T2, 40), petition(T1, 12)), List.of());

        assertThat(count(warehouse, "SELECT sum(participants) FROM participation_cell")).isEqualTo(44);
        assertThat(count(warehouse, "SELECT count(*) FROM activity")).isEqualTo(1);
    }

    @Test
    void aTombstoneWithdrawsTheItemAndAReplayDoesNotBringItBack() {
        store.apply(SOURCE, COMMUNE, List.of(petition(T1, 12), coConstruction()), List.of());

        ApplyResult result = store.apply(SOURCE, COMMUNE, List.of(),
                List.of(new Withdrawal("petition-2024-017", T2), new Withdrawal("never-seen", T2)));

        assertThat(result.deleted()).isEqualTo(1);
        assertThat(count(warehouse, "SELECT count(*) FROM activity")).isEqualTo(1);
        assertThat(count(warehouse, "SELECT count(*) FROM participation_cell WHERE item_id = 'petition-2024-017'")).isZero();

        store.apply(SOURCE, COMMUNE, List.of(petition(T1, 12)), List.of());
        assertThat(count(warehouse, "SELECT count(*) FROM activity WHERE item_id = 'petition-2024-017'")).isZero();

        store.apply(SOURCE, COMMUNE, List.of(petition(T2.plusSeconds(60), 5)), List.of());
        assertThat(count(warehouse, "SELECT count(*) FROM activity WHERE item_id = 'petition-2024-017'"))
                .as("a version newer than the withdrawal brings the item back").isEqualTo(1);
    }

    @Test
    void itemsOfDifferentSourcesDoNotCollide() {
        store.apply(SOURCE, COMMUNE, List.of(petition(T1, 12)), List.of());
        store.apply("portal-el-ksiba", "05.091.01.03", List.of(petition(T1, 7)), List.of());

        assertThat(count(warehouse, "SELECT count(*) FROM activity")).isEqualTo(2);
        assertThat(count(warehouse, "SELECT sum(participants) FROM participation_cell")).isEqualTo(16 + 11);
    }

    private static Activity petition(Instant updatedAt, int women) {
        return new Activity("petition-2024-017", updatedAt, Mechanism.PETITION, ActivityStatus.ADMISSIBLE,
                LocalDate.parse("2024-03-01"), null,
                new LocalizedText("Éclairage public du douar", "الإنارة العمومية للدوار"), Theme.INFRASTRUCTURE,
                Initiator.CITIZENS,
                List.of(new ParticipationCell(Gender.F, AgeBand.AGE_18_24, false, Role.CITIZEN, women),
                        new ParticipationCell(Gender.M, AgeBand.AGE_35_59, true, Role.CITIZEN, 1),
                        new ParticipationCell(Gender.U, AgeBand.UNKNOWN, null, Role.CITIZEN, 3)),
                null, List.of(), null);
    }

    private static Activity coConstruction() {
        return new Activity("coco-2024-003", T1, Mechanism.CO_CONSTRUCTION_PROJECT, ActivityStatus.ACCEPTED,
                LocalDate.parse("2024-02-01"), LocalDate.parse("2024-09-30"), null, Theme.WATER_SANITATION,
                Initiator.ASSOCIATION,
                List.of(new ParticipationCell(Gender.F, AgeBand.AGE_25_34, false, Role.ASSOCIATION_MEMBER, 4)),
                new Funding(new BigDecimal("200000"), new BigDecimal("50000"), new BigDecimal("150000"), BigDecimal.ZERO),
                List.of(new Association("asso-12", "Association Al Amal")), "INDH-05.091-2023-014");
    }
}
