package ma.tadafor.analytics.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BaseTallyTest {

    // Cell codes: gender F=1 M=2, age band 18-24=2 60+=5, disability NO=1 YES=2, role CITIZEN=1.
    private static final int F_18_24_NO_CITIZEN = 1211;
    private static final int F_60_YES_CITIZEN = 1521;
    private static final int M_18_24_NO_CITIZEN = 2211;

    @Test
    void countsAnActivityOncePerProjectionAndSumsItsParticipants() {
        BaseTally tally = new BaseTally();
        tally.add(1, F_18_24_NO_CITIZEN, 12, 12);
        tally.add(1, F_60_YES_CITIZEN, 3, 3);
        tally.add(1, M_18_24_NO_CITIZEN, 4, 4);
        tally.add(2, F_18_24_NO_CITIZEN, 5, 5);

        List<String> rows = drained(tally);

        assertThat(rows).contains("0 0 24 2", "1 1000 20 2", "1 2000 4 1", "4 10 21 2", "4 20 3 1",
                "3 1200 17 2", "15 1211 17 2", "15 1521 3 1").hasSize(36);
    }

    @Test
    void aCellSentTwiceByOneActivityAddsItsParticipantsAndCountsTheActivityOnce() {
        // The grain is not grouped per activity and cell code: the tally must sum repeated cells itself.
        BaseTally tally = new BaseTally();
        tally.add(1, F_18_24_NO_CITIZEN, 12, 12);
        tally.add(1, F_18_24_NO_CITIZEN, 3, 3);

        assertThat(drained(tally)).contains("0 0 15 1", "1 1000 15 1", "15 1211 15 1").hasSize(16);
    }

    @Test
    void aRowsKeyIsItsCellsKeysSummedModulo256() {
        BaseTally tally = new BaseTally();
        tally.add(1, F_18_24_NO_CITIZEN, 12, 200);
        tally.add(1, F_60_YES_CITIZEN, 3, 100);
        tally.add(2, M_18_24_NO_CITIZEN, 4, 7);
        List<String> keys = new ArrayList<>();

        tally.drain((set, code, participants, activities, key) -> keys.add(set + " " + code + " " + key));

        assertThat(keys).contains("0 0 51", "1 1000 44", "1 2000 7", "15 1521 100", "4 20 100");
    }

    @Test
    void drainingStartsANewBase() {
        BaseTally tally = new BaseTally();
        tally.add(1, F_18_24_NO_CITIZEN, 12, 12);
        drained(tally);
        // The same activity key again, in the next base: counted afresh.
        tally.add(1, F_18_24_NO_CITIZEN, 2, 2);

        assertThat(drained(tally)).contains("0 0 2 1", "15 1211 2 1").hasSize(16);
    }

    private static List<String> drained(BaseTally tally) {
        List<String> rows = new ArrayList<>();
        tally.drain((set, code, participants, activities, key) -> rows.add(set + " " + code + " " + participants + " " + activities));
        return rows;
    }
}
