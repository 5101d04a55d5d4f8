package ma.tadafor.dashboard.participation;

import static ma.tadafor.data.mart.ParticipationDimension.AGE_BAND;
import static ma.tadafor.data.mart.ParticipationDimension.COMMUNE;
import static ma.tadafor.data.mart.ParticipationDimension.DISABILITY;
import static ma.tadafor.data.mart.ParticipationDimension.GENDER;
import static ma.tadafor.data.mart.ParticipationDimension.MECHANISM;
import static ma.tadafor.data.mart.ParticipationDimension.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationFigures;

class SmallCellSuppressionTest {

    @Test
    void appliesAtCommuneLevelToDisabilityAndToCrossesOfPersonalDimensions() {
        assertThat(SmallCellSuppression.applies(List.of(COMMUNE, DISABILITY), true)).isTrue();
        assertThat(SmallCellSuppression.applies(List.of(GENDER, AGE_BAND), true)).isTrue();
        assertThat(SmallCellSuppression.applies(List.of(GENDER, ROLE), true)).as("one personal dimension").isFalse();
        assertThat(SmallCellSuppression.applies(List.of(MECHANISM), true)).isFalse();
        assertThat(SmallCellSuppression.applies(List.of(GENDER, AGE_BAND), false)).as("above commune level").isFalse();
    }

    @Test
    void hidesCountsFromOneToFourAndTheSmallestComplementOfEachGroup() {
        List<ParticipationDimension> groupBy = List.of(GENDER, DISABILITY);
        List<ParticipationFigures.Row> rows = List.of(
                row("F", "NO", 30), row("F", "YES", 2), row("F", "UNKNOWN", 9),
                row("M", "NO", 25), row("M", "YES", 7), row("M", "UNKNOWN", 8));

        boolean[] hidden = SmallCellSuppression.hidden(groupBy, rows);

        // (F, YES) 2 is small. It is the only hidden count among the YES rows: (M, YES) 7 goes too; and
        // among the F rows: (F, UNKNOWN) 9 goes; among the M rows (M, YES) is then alone: (M, UNKNOWN) 8
        // follows. Every group of rows differing in one dimension now hides none or at least two.
        assertThat(hidden).containsExactly(false, true, true, false, true, true);
    }

    @Test
    void leavesRowsAloneWhenNothingIsSmall() {
        List<ParticipationFigures.Row> rows = List.of(row("F", "NO", 30), row("F", "YES", 5));

        assertThat(SmallCellSuppression.hidden(List.of(GENDER, DISABILITY), rows)).containsExactly(false, false);
    }

    private static ParticipationFigures.Row row(String gender, String disability, long participants) {
        Map<ParticipationDimension, Object> dimensions = new LinkedHashMap<>();
        dimensions.put(GENDER, gender);
        dimensions.put(DISABILITY, disability);
        return new ParticipationFigures.Row(dimensions, participants, 1);
    }
}
