package ma.tadafor.data.ingestion;

/** The protocols the platform pulls activity from. */
public enum SourceType {
    PORTAL_FEED,
    DECIDIM
}
