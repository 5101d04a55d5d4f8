package ma.tadafor.data.activity;

/** Where an activity stands in its mechanism's life cycle (PORTAL_FEED.md). */
public enum ActivityStatus {
    PLANNED,
    SUBMITTED,
    ADMISSIBLE,
    INADMISSIBLE,
    ON_AGENDA,
    ACCEPTED,
    REJECTED,
    IN_PROGRESS,
    HELD,
    IMPLEMENTED,
    CLOSED,
    CANCELLED
}
