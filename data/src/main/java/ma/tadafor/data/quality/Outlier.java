package ma.tadafor.data.quality;

import java.time.Instant;

import ma.tadafor.data.mart.ExactCount;

/**
 * An item or a commune's semester flagged at a refresh as departing from its history, and what a
 * programme manager decided about it (docs/TRUST.md, "Outliers"). {@code value} and {@code expected}
 * are participant counts (expected: the median of the history, to the nearest whole participant), so
 * they are exact counts with their cell keys that only the disclosure layer publishes; {@code score}
 * is the robust z-score of an item, the ratio to the median of a semester.
 *
 * @param basis   what {@code expected} is the median of: {@code commune} or {@code province} (the items
 *                of that mechanism there) or {@code previous-semesters} (the commune's)
 * @param history how many items, or previous semesters, that median is taken over
 */
public record Outlier(long id, Kind kind, String sourceId, String itemId, Instant itemVersion, String communeCode,
                      String communeNameFr, String communeNameAr, String mechanism, String semester, ExactCount value,
                      ExactCount expected, double score, String basis, long history, Status status, Instant flaggedAt,
                      String decidedBy, Instant decidedAt, String decisionReason) {

    public enum Kind {
        ITEM("item"), COMMUNE_SEMESTER("commune-semester");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** As the API and the refresh write it. */
        public String key() {
            return key;
        }

        static Kind of(String key) {
            return key.equals(ITEM.key) ? ITEM : COMMUNE_SEMESTER;
        }
    }

    public enum Status {
        FLAGGED, CONFIRMED, EXCLUDED
    }
}
