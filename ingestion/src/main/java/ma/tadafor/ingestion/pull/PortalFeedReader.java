package ma.tadafor.ingestion.pull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import ma.tadafor.data.ingestion.Source;
import ma.tadafor.ingestion.feed.FeedEntry;
import ma.tadafor.ingestion.feed.FeedPage;
import ma.tadafor.ingestion.portal.PortalFeedClient;

/**
 * Reads one source's feed page by page, from its watermark (minus an overlap, against clock skew
 * on the portal). At each chunk commit it saves the token of the page it is in, so a restarted
 * pull re-reads that page from its start: applying an item twice is harmless, skipping one is not
 * (pages are not snapshots, so positions within a page cannot be trusted across requests).
 */
class PortalFeedReader implements ItemStreamReader<FeedEntry> {

    static final String UPDATED_SINCE = "pull.updatedSince";
    static final String PAGE_TOKEN = "pull.pageToken";
    static final String NEWEST_SEEN = "pull.newestSeen";

    private final Source source;
    private final PortalFeedClient client;
    private final Instant watermark;
    private final Duration overlap;

    private Instant updatedSince;
    private String currentPageToken;
    private String nextPageToken;
    private boolean morePages = true;
    private Instant newestSeen;
    private final Deque<FeedEntry> buffer = new ArrayDeque<>();

    /** {@code watermark}: the newest version the source's last successful pull applied, null if none. */
    PortalFeedReader(Source source, PortalFeedClient client, Instant watermark, Duration overlap) {
        this.source = source;
        this.client = client;
        this.watermark = watermark;
        this.overlap = overlap;
    }

    @Override
    public void open(ExecutionContext context) {
        if (context.containsKey(UPDATED_SINCE)) {
            updatedSince = instant(context.getString(UPDATED_SINCE));
            currentPageToken = emptyToNull(context.getString(PAGE_TOKEN));
            newestSeen = instant(context.getString(NEWEST_SEEN));
        } else {
            updatedSince = watermark == null ? null : watermark.minus(overlap);
        }
        nextPageToken = currentPageToken;
    }

    @Override
    public FeedEntry read() {
        while (buffer.isEmpty()) {
            if (!morePages) {
                return null;
            }
            FeedPage page = client.fetch(source, updatedSince, nextPageToken);
            currentPageToken = nextPageToken;
            nextPageToken = page.nextPageToken();
            morePages = nextPageToken != null;
            buffer.addAll(page.entries());
        }
        FeedEntry entry = buffer.poll();
        Instant updatedAt = null;
        if (entry instanceof FeedEntry.Valid valid) {
            updatedAt = valid.activity().updatedAt();
        } else if (entry instanceof FeedEntry.Withdrawn withdrawn) {
            updatedAt = withdrawn.withdrawal().updatedAt();
        }
        if (updatedAt != null && (newestSeen == null || updatedAt.isAfter(newestSeen))) {
            newestSeen = updatedAt;
        }
        return entry;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(UPDATED_SINCE, updatedSince == null ? "" : updatedSince.toString());
        context.putString(PAGE_TOKEN, currentPageToken == null ? "" : currentPageToken);
        context.putString(NEWEST_SEEN, newestSeen == null ? "" : newestSeen.toString());
    }

    private static Instant instant(String text) {
        return text == null || text.isEmpty() ? null : Instant.parse(text);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
