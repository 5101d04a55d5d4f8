package ma.tadafor.dashboard.disclosure;

import java.util.List;
import java.util.Map;

import ma.tadafor.data.mart.ParticipationDimension;

/**
 * A participation answer as it may be shown: each row's participants ({@link PublishedCount}) and
 * its distinct activities (null where the participants are suppressed), the total protected on its
 * own (it may differ slightly from the sum of the rows: {@link #protectedFigures()} says so), and
 * how many rows are suppressed.
 */
public record PublishedParticipation(List<Row> rows, PublishedCount total, long totalActivities, int suppressed,
                                     boolean protectedFigures) {

    public record Row(Map<ParticipationDimension, Object> dimensions, PublishedCount participants, Long activities) {

        /** The row's value of a dimension, in the mart's terms. */
        public Object value(ParticipationDimension dimension) {
            return dimensions.get(dimension);
        }
    }
}
