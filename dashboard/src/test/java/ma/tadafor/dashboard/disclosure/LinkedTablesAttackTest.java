package ma.tadafor.dashboard.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import ma.tadafor.data.mart.ExactCount;

/**
 * Attacks the method as a careful attacker would, on many random tables: a breakdown (rows × columns,
 * say age bands × disability in one commune) published with its row and column margins and its grand
 * total, each figure protected on its own as the layer publishes it. The attacker knows the method's
 * public parameters (noise within ±3, suppression under 5, zero kept exact, no count made zero) and
 * solves all the answers together by interval propagation, the strongest deduction those linear
 * relations allow, repeated until nothing narrows. A count from 1 to 4 whose interval closes on its
 * true value is a disclosure. Averaging cannot help him: each figure has one value, asked however often.
 */
class LinkedTablesAttackTest {

    private static final long SEED = 20_261_202L;
    private static final int TABLES = 40_000;

    @Test
    void noSmallCountOfAProtectedTableAndItsMarginsCanBeSolvedFor() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> disclosed = new ArrayList<>();
        int smallCells = 0;
        for (int t = 0; t < TABLES; t++) {
            Table table = Table.random(random);
            long[][] bounds = table.attack();
            for (int cell = 0; cell < table.cells.length; cell++) {
                long exact = table.cells[cell].value();
                if (exact >= 1 && exact <= 4) {
                    smallCells++;
                    if (bounds[cell][0] == bounds[cell][1]) {
                        disclosed.add("table " + t + " cell " + cell + " = " + exact);
                    }
                }
            }
        }
        assertThat(smallCells).as("the tables hold small counts to attack").isGreaterThan(TABLES);
        assertThat(disclosed).isEmpty();
    }

    @Test
    void theSameTableWithoutProtectionGivesItsSmallCountsAway() {
        // The attack is not toothless: on exact figures it recovers every suppressed small count.
        SplittableRandom random = new SplittableRandom(SEED);
        int recovered = 0;
        for (int t = 0; t < 200; t++) {
            Table table = Table.random(random);
            long[][] bounds = table.attackExact();
            for (int cell = 0; cell < table.cells.length; cell++) {
                long exact = table.cells[cell].value();
                if (exact >= 1 && exact <= 4 && bounds[cell][0] == exact && bounds[cell][1] == exact) {
                    recovered++;
                }
            }
        }
        assertThat(recovered).isGreaterThan(50);
    }

    /** A rows × columns table of counts, each with the sum of its records' keys. */
    private static final class Table {

        final int rows;
        final int columns;
        final ExactCount[] cells;
        /** Every published figure: a set of cells and the count of their records. */
        final List<int[]> figures = new ArrayList<>();

        private Table(int rows, int columns, ExactCount[] cells) {
            this.rows = rows;
            this.columns = columns;
            this.cells = cells;
            for (int c = 0; c < cells.length; c++) {
                figures.add(new int[] {c});
            }
            for (int r = 0; r < rows; r++) {
                int[] row = new int[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = r * columns + c;
                }
                figures.add(row);
            }
            for (int c = 0; c < columns; c++) {
                int[] column = new int[rows];
                for (int r = 0; r < rows; r++) {
                    column[r] = r * columns + c;
                }
                figures.add(column);
            }
            int[] all = new int[cells.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            figures.add(all);
        }

        static Table random(SplittableRandom random) {
            int rows = 2 + random.nextInt(4);
            int columns = 2 + random.nextInt(3);
            ExactCount[] cells = new ExactCount[rows * columns];
            for (int i = 0; i < cells.length; i++) {
                // Small tables of a small commune: many counts from 0 to 4, some larger.
                long value = random.nextInt(3) == 0 ? 5 + random.nextInt(40) : random.nextInt(5);
                long key = 0;
                for (int person = 0; person < value; person++) {
                    key += random.nextInt(256);
                }
                cells[i] = new ExactCount(value, (int) (key % 256));
            }
            return new Table(rows, columns, cells);
        }

        long[][] attack() {
            return propagate(true);
        }

        long[][] attackExact() {
            return propagate(false);
        }

        /** Each cell's interval after every figure's bounds are propagated through the sums until stable. */
        private long[][] propagate(boolean protectedFigures) {
            long[][] figureBounds = new long[figures.size()][];
            for (int f = 0; f < figures.size(); f++) {
                long exact = 0;
                int key = 0;
                for (int cell : figures.get(f)) {
                    exact += cells[cell].value();
                    key = (key + cells[cell].cellKey()) % 256;
                }
                figureBounds[f] = protectedFigures ? published(exact, key) : exact(exact, figures.get(f).length == 1);
            }
            long[][] cellBounds = new long[cells.length][];
            for (int c = 0; c < cells.length; c++) {
                cellBounds[c] = figureBounds[c].clone();
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int f = cells.length; f < figures.size(); f++) {
                    int[] members = figures.get(f);
                    long low = 0;
                    long high = 0;
                    for (int cell : members) {
                        low += cellBounds[cell][0];
                        high += cellBounds[cell][1];
                    }
                    for (int cell : members) {
                        long otherLow = low - cellBounds[cell][0];
                        long otherHigh = high - cellBounds[cell][1];
                        long newLow = Math.max(cellBounds[cell][0], figureBounds[f][0] - otherHigh);
                        long newHigh = Math.min(cellBounds[cell][1], figureBounds[f][1] - otherLow);
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

        /** What a published figure tells of its exact count, knowing the method. */
        private static long[] published(long exact, int key) {
            long perturbed = PerturbationTable.perturbed(exact, key);
            if (perturbed == 0) {
                return new long[] {0, 0};
            }
            if (perturbed < PerturbationTable.THRESHOLD) {
                return new long[] {1, PerturbationTable.THRESHOLD - 1 + PerturbationTable.MAX_NOISE};
            }
            return new long[] {Math.max(1, perturbed - PerturbationTable.MAX_NOISE), perturbed + PerturbationTable.MAX_NOISE};
        }

        /** The old rule's view: margins exact, cells from 1 to 4 suppressed. */
        private static long[] exact(long exact, boolean cell) {
            if (cell && exact >= 1 && exact <= 4) {
                return new long[] {1, 4};
            }
            return new long[] {exact, exact};
        }
    }
}
