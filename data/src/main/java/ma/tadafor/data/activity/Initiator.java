package ma.tadafor.data.activity;

/** Who started an activity. */
public enum Initiator {
    CITIZENS,
    ASSOCIATION,
    COMMUNE,
    IEECAG,
    YOUTH_COUNCIL,
    OTHER
}
