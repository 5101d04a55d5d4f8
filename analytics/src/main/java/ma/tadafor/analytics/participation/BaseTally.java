package ma.tadafor.analytics.participation;

import ma.tadafor.analytics.disclosure.RecordKeys;

/**
 * One base's participation tallied for every grouping set of the cell dimensions: participants
 * per (set, projected cell code) with their cell key ({@link RecordKeys}), and the activities having
 * at least one cell with that projection.
 * Cells arrive activity by activity; a stamp per key tells whether the current activity has been
 * counted for it already, so nothing is cleared between activities.
 */
final class BaseTally {

    /** Sink of one tallied row. */
    interface Row {
        void accept(int cellSet, int cellCode, long participants, long activities, int participantsKey);
    }

    private static final int SETS = ParticipationCube.ALL_CELL_DIMENSIONS + 1;
    /** Cell codes are four decimal digits: a key is set × this + projected code. */
    private static final int CODES = 10_000;
    private static final int[][] PROJECTIONS = projections();

    private final long[] participants = new long[SETS * CODES];
    private final long[] activities = new long[SETS * CODES];
    private final int[] participantsKey = new int[SETS * CODES];
    private final int[] countedFor = new int[SETS * CODES];
    private final int[] touched = new int[SETS * CODES];
    private int touchedCount;
    private long activity;
    private int activityStamp;
    private boolean empty = true;

    /** Adds one grain row; rows of one activity must come together. */
    void add(long activityKey, int cellCode, long cellParticipants, int recordKey) {
        if (empty || activityKey != activity) {
            activity = activityKey;
            activityStamp++;
            empty = false;
        }
        for (int set = 0; set < SETS; set++) {
            int key = set * CODES + PROJECTIONS[set][cellCode];
            if (activities[key] == 0) {
                touched[touchedCount++] = key;
            }
            participants[key] += cellParticipants;
            participantsKey[key] = (participantsKey[key] + recordKey) % RecordKeys.MODULUS;
            if (countedFor[key] != activityStamp) {
                countedFor[key] = activityStamp;
                activities[key]++;
            }
        }
    }

    /** Hands over the tallied rows and starts a new base. */
    void drain(Row sink) {
        for (int i = 0; i < touchedCount; i++) {
            int key = touched[i];
            sink.accept(key / CODES, key % CODES, participants[key], activities[key], participantsKey[key]);
            participants[key] = 0;
            activities[key] = 0;
            participantsKey[key] = 0;
        }
        touchedCount = 0;
        empty = true;
    }

    /** For each set, every cell code's projection onto it, precomputed: the inner loop is an array read. */
    private static int[][] projections() {
        int[][] projections = new int[SETS][CODES];
        for (int set = 0; set < SETS; set++) {
            for (int code = 0; code < CODES; code++) {
                projections[set][code] = CellCode.project(code, set);
            }
        }
        return projections;
    }
}
