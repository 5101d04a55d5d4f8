package ma.tadafor.ingestion.feed;

import java.util.List;

/** One page of a portal's activity feed; {@code nextPageToken} is null on the last page. */
public record FeedPage(String communeCode, List<FeedEntry> entries, String nextPageToken) {

    public FeedPage {
        entries = List.copyOf(entries);
    }
}
