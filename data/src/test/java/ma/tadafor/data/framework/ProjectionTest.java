package ma.tadafor.data.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Projections worked out by hand. */
class ProjectionTest {

    private static final String[] SEMESTERS = {"2023S1", "2023S2", "2024S1", "2024S2", "2025S1"};

    @Test
    void aCumulativeCountGrowsByItsAverageGainPerSemester() {
        // 10, 20, 30 over 2023S1–2024S1: 10 a semester, so 50 in 2025S1, short of 55
        Projection projection = Projection.of(series(10.0, 20.0, 30.0, null, null), series(null, null, null, null, 55.0), false);
        assertThat(projection).isEqualTo(new Projection(50.0, "WILL_MISS"));
        assertThat(Projection.of(series(10.0, 20.0, 30.0, null, null), series(5.0, null, null, null, 50.0), false))
                .isEqualTo(new Projection(50.0, "WILL_MEET"));
    }

    @Test
    void anIrregularSeriesFollowsItsLeastSquaresLine() {
        // x = 0, 1, 2, 3 and y = 2, 6, 4, 10: mean x 1.5, mean y 5.5, dx = -1.5, -0.5, 0.5, 1.5,
        // dy = -3.5, 0.5, -1.5, 4.5: Σ(dx·dy) = 5.25 - 0.25 - 0.75 + 6.75 = 11, Σ dx² = 5, slope 2.2,
        // so at x = 4 (2025S1): 5.5 + 2.2 × 2.5 = 11; reaching the target exactly meets it
        assertThat(Projection.of(series(2.0, 6.0, 4.0, 10.0, null), series(null, null, null, null, 11.0), false))
                .isEqualTo(new Projection(11.0, "WILL_MEET"));
        assertThat(Projection.of(series(2.0, 6.0, 4.0, 10.0, null), series(null, null, null, null, 11.1), false))
                .isEqualTo(new Projection(11.0, "WILL_MISS"));
    }

    @Test
    void aSuppressedOrMissingSemesterIsLeftOutOfTheLine() {
        // 2023S1 and 2024S1 only: 12 then 18, 3 a semester, so 24 at 2025S1
        assertThat(Projection.of(series(12.0, null, 18.0, null, null), series(null, null, null, null, 24.0), false))
                .isEqualTo(new Projection(24.0, "WILL_MEET"));
    }

    @Test
    void aShareStaysWithin0And100AndACountAbove0() {
        assertThat(Projection.of(series(60.0, 80.0, null, null, null), series(null, null, null, null, 90.0), true))
                .as("60, 80: 140 at this pace, a share stops at 100").isEqualTo(new Projection(100.0, "WILL_MEET"));
        assertThat(Projection.of(series(30.0, 10.0, null, null, null), series(null, null, null, null, 5.0), false))
                .as("30, 10: -50 at this pace, a count stops at 0").isEqualTo(new Projection(0.0, "WILL_MISS"));
    }

    @Test
    void theEndSemestersOwnActualIsTheProjection() {
        assertThat(Projection.of(series(2.0, 4.0, 6.0, 8.0, 9.0), series(null, null, null, null, 10.0), false))
                .isEqualTo(new Projection(9.0, "WILL_MISS"));
    }

    @Test
    void theEndTargetIsTheLastOneAndLaterActualsAreLeftOut() {
        // end target in 2024S1; the 2024S2 and 2025S1 actuals are after it: 1, 3 then 5 at 2024S1
        assertThat(Projection.of(series(1.0, 3.0, null, 100.0, 200.0), series(null, null, 5.0, null, null), false))
                .isEqualTo(new Projection(5.0, "WILL_MEET"));
    }

    @Test
    void withoutAnEndTargetOrAPaceThereIsNoProjection() {
        assertThat(Projection.of(series(1.0, 2.0, 3.0, null, null), series(null, null, null, null, null), false))
                .isEqualTo(new Projection(null, "NO_DATA"));
        assertThat(Projection.of(series(null, null, 3.0, null, null), series(null, null, null, null, 5.0), false))
                .as("one actual gives no pace").isEqualTo(new Projection(null, "NO_DATA"));
    }

    private static SortedMap<String, Double> series(Double... values) {
        SortedMap<String, Double> series = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            series.put(SEMESTERS[i], values[i]);
        }
        return series;
    }
}
