package ma.tadafor.ingestion.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ma.tadafor.data.activity.Activity;

class DemoDataGeneratorTest {

    private final List<DemoCommune> communes = ProgrammeCommunes.all();

    @Test
    void sameSeedGivesTheSameFeedsWhateverOrderCommunesAreAskedIn() {
        Map<DemoCommune, List<Activity>> again =
                DemoFeed.generate(new DemoDataGenerator(DemoFeed.SEED, 1.0), DemoFeed.reversedCommunes());

        communes.forEach(commune -> assertThat(again.get(commune)).isEqualTo(DemoFeed.byCommune().get(commune)));
    }

    @Test
    void aCommuneAskedAloneOrTwiceGetsTheSameFeed() {
        DemoCommune commune = communes.get(17);
        DemoDataGenerator generator = new DemoDataGenerator(DemoFeed.SEED, 1.0);

        assertThat(generator.activities(commune).toList())
                .isEqualTo(generator.activities(commune).toList())
                .isEqualTo(DemoFeed.byCommune().get(commune));
    }

    @Test
    void anotherSeedGivesOtherFeeds() {
        Map<DemoCommune, List<Activity>> other = DemoFeed.generate(new DemoDataGenerator(DemoFeed.SEED + 1, 1.0));

        communes.forEach(commune -> assertThat(other.get(commune)).isNotEqualTo(DemoFeed.byCommune().get(commune)));
        assertThat(new DemoDataGenerator(DemoFeed.SEED + 1, 1.0).indhProjects(communes))
                .isNotEqualTo(DemoFeed.GENERATOR.indhProjects(communes));
    }

    @Test
    void cellsGrowLinearlyWithScale() {
        long atOne = DemoFeed.cells(DemoFeed.byCommune());
        long atTwo = DemoFeed.cells(DemoFeed.generate(new DemoDataGenerator(DemoFeed.SEED, 2.0)));

        assertThat(atOne).isBetween(150_000L, 300_000L);
        assertThat((double) atTwo / (2 * atOne)).isBetween(0.9, 1.1);
    }

    @Test
    void theDocumentedCellsPerScaleHoldsForOtherSeeds() {
        for (long seed : new long[] {1, 2, 3}) {
            long cells = DemoFeed.cells(DemoFeed.generate(new DemoDataGenerator(seed, 1.0)));
            assertThat((double) cells / DemoDataGenerator.PROGRAMME_CELLS_PER_SCALE).isBetween(0.9, 1.1);
        }
    }

    @Test
    void scaleForHitsTheTargetNumberOfCells() {
        double scale = DemoDataGenerator.scaleFor(600_000, 7, communes);

        long cells = DemoFeed.cells(DemoFeed.generate(new DemoDataGenerator(7, scale)));

        assertThat(scale).isBetween(2.0, 4.0);
        assertThat((double) cells / 600_000).isBetween(0.95, 1.05);
    }

    @Test
    void activitiesAreGeneratedLazily() {
        // The whole feed at this scale is tens of millions of cells: only its first weeks may be generated.
        DemoDataGenerator huge = new DemoDataGenerator(DemoFeed.SEED, 10_000);

        long served = assertTimeout(Duration.ofSeconds(20), () -> huge.activities(communes.get(0)).limit(1000).count());

        assertThat(served).isEqualTo(1000);
    }

    @Test
    void scaleMustBePositive() {
        assertThatThrownBy(() -> new DemoDataGenerator(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemoDataGenerator(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNationalRolloutCoversEveryCommuneAndKeepsTheProgrammesAsTheyAre() {
        List<DemoCommune> national = ProgrammeCommunes.nationalRollout();

        assertThat(national).hasSize(1503).doesNotHaveDuplicates().containsAll(communes);
        DemoCommune outside = national.stream().filter(commune -> !communes.contains(commune)).findFirst().orElseThrow();
        assertThat(outside.cohort()).isEqualTo("extension");
        assertThat(new DemoDataGenerator(DemoFeed.SEED, 1.0).activities(outside).limit(10).toList())
                .hasSize(10);
    }
}
