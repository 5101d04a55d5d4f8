package ma.tadafor.dashboard.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * The strongest deduction linear relations between published figures allow: each figure bounds
 * the sum of the cells it is made of (what the method's public parameters say a published or
 * suppressed count can hide), and the bounds are propagated through every sum until nothing
 * narrows. A cell whose interval closes on one value is known exactly.
 */
final class IntervalAttack {

    private final List<int[]> members = new ArrayList<>();
    private final List<long[]> bounds = new ArrayList<>();
    private final int cells;

    IntervalAttack(int cells) {
        this.cells = cells;
    }

    /** A figure the attacker read: the cells it sums and what its value tells of their total. */
    void read(int[] cellsSummed, long[] knownRange) {
        members.add(cellsSummed);
        bounds.add(knownRange);
    }

    /** What a protected figure tells of its exact count, knowing the method's parameters. */
    static long[] range(PublishedCount published) {
        if (published.suppressed()) {
            return new long[] {1, PerturbationTable.THRESHOLD - 1 + PerturbationTable.MAX_NOISE};
        }
        long value = published.perturbed();
        return value == 0 ? new long[] {0, 0}
                : new long[] {Math.max(1, value - PerturbationTable.MAX_NOISE), value + PerturbationTable.MAX_NOISE};
    }

    /** Each cell's interval once the figures are solved together. */
    long[][] solve() {
        long[][] cellBounds = new long[cells][];
        for (int c = 0; c < cells; c++) {
            cellBounds[c] = new long[] {0, Long.MAX_VALUE / 4};
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int f = 0; f < members.size(); f++) {
                long low = 0;
                long high = 0;
                for (int cell : members.get(f)) {
                    low += cellBounds[cell][0];
                    high += cellBounds[cell][1];
                }
                for (int cell : members.get(f)) {
                    long newLow = Math.max(cellBounds[cell][0], bounds.get(f)[0] - (high - cellBounds[cell][1]));
                    long newHigh = Math.min(cellBounds[cell][1], bounds.get(f)[1] - (low - cellBounds[cell][0]));
                    if (newLow != cellBounds[cell][0] || newHigh != cellBounds[cell][1]) {
                        cellBounds[cell][0] = newLow;
                        cellBounds[cell][1] = newHigh;
                        changed = true;
                    }
                }
            }
        }
        return cellBounds;
    }
}
