package ma.tadafor.dashboard.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PerturbationTableTest {

    @Test
    void zeroStaysZeroAndNoCountBecomesZeroOrLess() {
        for (int key = 0; key < 256; key++) {
            assertThat(PerturbationTable.perturbed(0, key)).isZero();
            for (long count = 1; count <= 50; count++) {
                assertThat(PerturbationTable.perturbed(count, key)).as("count %d key %d", count, key).isPositive();
            }
        }
    }

    @Test
    void noCountMovesByMoreThanThree() {
        for (long count = 1; count <= 5_000; count++) {
            for (int key = 0; key < 256; key++) {
                assertThat(Math.abs(PerturbationTable.perturbed(count, key) - count)).isLessThanOrEqualTo(3);
            }
        }
    }

    @Test
    void theSameCountAndKeyAlwaysGiveTheSameValue() {
        assertThat(PerturbationTable.perturbed(1234, 77)).isEqualTo(PerturbationTable.perturbed(1234, 77));
    }

    @Test
    void theNoiseOfLargeCountsIsCentredAndRarelyZero() {
        Map<Long, Integer> noises = new HashMap<>();
        long sum = 0;
        int draws = 0;
        for (long count = 100; count < 1_100; count++) {
            for (int key = 0; key < 256; key++) {
                long noise = PerturbationTable.perturbed(count, key) - count;
                noises.merge(noise, 1, Integer::sum);
                sum += noise;
                draws++;
            }
        }
        assertThat(noises.keySet()).containsExactlyInAnyOrder(-3L, -2L, -1L, 0L, 1L, 2L, 3L);
        assertThat((double) sum / draws).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat((double) noises.get(0L) / draws).isLessThan(0.2);
        assertThat((double) noises.get(3L) / draws).isLessThan(0.01);
    }

    @Test
    void twoCountsWithTheSameKeyGetUnrelatedNoises() {
        // A count and a larger one whose extra records' keys sum to 0 modulo 256 share a key: their
        // difference must not be the extra records' exact count every time.
        int exact = 0;
        for (int key = 0; key < 256; key++) {
            long small = PerturbationTable.perturbed(40, key);
            long large = PerturbationTable.perturbed(43, key);
            if (large - small == 3) {
                exact++;
            }
        }
        assertThat(exact).isLessThan(64);
    }
}
