package ma.tadafor.ingestion.upload;

/** What an uploaded file holds. */
public enum ImportKind {
    /** A commune's activities, one row per activity × participation cell (PORTAL_FEED.md's fields). */
    ACTIVITIES,
    /** A provincial INDH project list, one row per project. */
    INDH_PROJECTS
}
