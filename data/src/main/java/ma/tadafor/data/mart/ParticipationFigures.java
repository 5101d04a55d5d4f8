package ma.tadafor.data.mart;

import java.util.List;
import java.util.Map;

/**
 * The mart's answer: one row per combination of the grouped dimensions (values in the mart's
 * terms, null for unknown year or semester), and the exact total of the filtered participation.
 * Participants are exact counts with their cell keys: the disclosure layer publishes them.
 */
public record ParticipationFigures(List<Row> rows, ExactCount totalParticipants, long totalActivities) {

    public record Row(Map<ParticipationDimension, Object> dimensions, ExactCount participants, long activities) {
    }
}
