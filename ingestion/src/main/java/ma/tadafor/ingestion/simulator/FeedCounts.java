package ma.tadafor.ingestion.simulator;

/**
 * What a commune's feed holds now, in latest versions.
 *
 * @param items activities served (not withdrawn), malformed ones included
 * @param withdrawn tombstones served
 * @param malformed activities served broken, which a client sets aside
 * @param cells participation cells of the well-formed activities: what a faithful pull stores
 */
public record FeedCounts(int items, int withdrawn, int malformed, long cells) {
}
