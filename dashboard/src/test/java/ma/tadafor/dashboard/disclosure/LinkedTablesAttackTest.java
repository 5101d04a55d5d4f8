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
 * public parameters and solves all the answers together ({@link IntervalAttack}). A count from 1 to 4
 * whose interval closes on its true value is a disclosure. Averaging cannot help him: each figure has
 * one value, asked however often.
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
            long[][] bounds = table.attack(true);
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
    void theSameAttackOnExactMarginsRecoversTheSuppressedCounts() {
        // The attack is not toothless: with the old rule's exact margins it finds the small counts.
        SplittableRandom random = new SplittableRandom(SEED);
        int recovered = 0;
        for (int t = 0; t < 200; t++) {
            Table table = Table.random(random);
            long[][] bounds = table.attack(false);
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
    private record Table(int rows, int columns, ExactCount[] cells) {

        static Table random(SplittableRandom random) {
            int rows = 2 + random.nextInt(4);
            int columns = 2 + random.nextInt(3);
            ExactCount[] cells = new ExactCount[rows * columns];
            for (int i = 0; i < cells.length; i++) {
                // A small commune's breakdown: many counts from 0 to 4, some larger.
                long value = random.nextInt(3) == 0 ? 5 + random.nextInt(40) : random.nextInt(5);
                long key = 0;
                for (int person = 0; person < value; person++) {
                    key += random.nextInt(256);
                }
                cells[i] = new ExactCount(value, (int) (key % 256));
            }
            return new Table(rows, columns, cells);
        }

        /** Solves the cells, their row and column margins and the grand total together. */
        long[][] attack(boolean protectedFigures) {
            IntervalAttack attack = new IntervalAttack(cells.length);
            for (int c = 0; c < cells.length; c++) {
                read(attack, new int[] {c}, protectedFigures, true);
            }
            for (int r = 0; r < rows; r++) {
                int[] row = new int[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = r * columns + c;
                }
                read(attack, row, protectedFigures, false);
            }
            for (int c = 0; c < columns; c++) {
                int[] column = new int[rows];
                for (int r = 0; r < rows; r++) {
                    column[r] = r * columns + c;
                }
                read(attack, column, protectedFigures, false);
            }
            int[] all = new int[cells.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            read(attack, all, protectedFigures, false);
            return attack.solve();
        }

        private void read(IntervalAttack attack, int[] members, boolean protectedFigures, boolean cell) {
            long exact = 0;
            int key = 0;
            for (int member : members) {
                exact += cells[member].value();
                key = (key + cells[member].cellKey()) % 256;
            }
            if (protectedFigures) {
                attack.read(members, IntervalAttack.range(PerturbationTable.protect(new ExactCount(exact, key))));
            } else {
                // The old rule: margins exact, a cell from 1 to 4 suppressed.
                attack.read(members, cell && exact >= 1 && exact <= 4 ? new long[] {1, 4} : new long[] {exact, exact});
            }
        }
    }
}
