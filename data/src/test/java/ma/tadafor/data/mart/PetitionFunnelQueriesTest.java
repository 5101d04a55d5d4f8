package ma.tadafor.data.mart;

import static ma.tadafor.data.TestWarehouse.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.TestWarehouse;
import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStatus;
import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.activity.Initiator;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.activity.Theme;
import ma.tadafor.data.mart.PetitionFunnelQueries.StageDuration;
import ma.tadafor.data.territory.TerritorialScope;

/** The funnel's medians from a history made by hand, applied version by version as ingestion applies them. */
class PetitionFunnelQueriesTest {

    private static final String SOURCE = "portal-kasba-tadla";
    private static final String KASBA_TADLA = "05.091.01.07";
    private static final LocalDate START = LocalDate.parse("2025-01-10");

    @TempDir
    Path folder;

    HikariDataSource warehouse;
    ActivityStore store;
    PetitionFunnelQueries queries;

    @BeforeEach
    void openWarehouse() {
        warehouse = TestWarehouse.withReferenceData(folder);
        store = new ActivityStore(warehouse);
        queries = new PetitionFunnelQueries(warehouse);
    }

    @AfterEach
    void closeWarehouse() {
        warehouse.close();
    }

    @Test
    void mediansComeFromTheStatusesSeenAndPetitionsFirstSeenLateCountFromThen() {
        // p1: seen submitted, then admissible 10 days after its start, on the agenda 20 days later, accepted 5 later.
        see("p1", ActivityStatus.SUBMITTED, 1);
        see("p1", ActivityStatus.ADMISSIBLE, 10);
        see("p1", ActivityStatus.ON_AGENDA, 30);
        see("p1", ActivityStatus.ACCEPTED, 35);
        // p2: seen submitted, admissible after 30 days; a later edit that keeps the status adds nothing.
        see("p2", ActivityStatus.SUBMITTED, 2);
        see("p2", ActivityStatus.ADMISSIBLE, 30);
        see("p2", ActivityStatus.ADMISSIBLE, 31);
        // p3: first seen admissible (day 50): its submission-to-admissibility is unknown; on the agenda 40 days later.
        see("p3", ActivityStatus.ADMISSIBLE, 50);
        see("p3", ActivityStatus.ON_AGENDA, 90);
        // p4: seen submitted, skipped ahead to the agenda between two pulls: no admissibility date, so no interval.
        see("p4", ActivityStatus.SUBMITTED, 1);
        see("p4", ActivityStatus.ON_AGENDA, 60);
        // Replaying a version already applied records nothing more.
        see("p1", ActivityStatus.ACCEPTED, 35);

        assertThat(count(warehouse, "SELECT count(*) FROM activity_status_change")).isEqualTo(10);
        List<StageDuration> durations = queries.durations(TerritorialScope.NATIONAL, null, null, null);
        assertThat(durations).containsExactly(
                new StageDuration("SUBMITTED", "ADMISSIBLE", 20.0, 2),
                new StageDuration("ADMISSIBLE", "ON_AGENDA", 30.0, 2),
                new StageDuration("ON_AGENDA", "ACCEPTED", 5.0, 1),
                new StageDuration("ACCEPTED", "IMPLEMENTED", null, 0));
        assertThat(queries.funnel(TerritorialScope.NATIONAL, null, null, null).values()).containsExactly(4L, 4L, 3L, 1L, 0L);
        assertThat(queries.durations(TerritorialScope.of(Set.of(), Set.of("05.081"), Set.of()), null, null, null))
                .as("another province's petitions").allSatisfy(duration -> assertThat(duration.petitions()).isZero());
        assertThat(queries.durations(TerritorialScope.NATIONAL, KASBA_TADLA, START.plusDays(1), null))
                .as("petitions started in the period only").allSatisfy(duration -> assertThat(duration.petitions()).isZero());
    }

    /** A version of the petition in {@code status}, published {@code day} days after its start. */
    private void see(String id, ActivityStatus status, int day) {
        Instant updatedAt = START.plusDays(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        store.apply(SOURCE, KASBA_TADLA, List.of(new Activity(id, updatedAt, Mechanism.PETITION, status, START, null, null,
                Theme.INFRASTRUCTURE, Initiator.CITIZENS, List.of(), null, List.of(), null)), List.of());
    }
}
