package ma.tadafor.ingestion.pull;

import java.time.Instant;

import org.springframework.batch.infrastructure.item.ItemStreamReader;

import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceType;
import ma.tadafor.ingestion.decidim.DecidimClient;
import ma.tadafor.ingestion.decidim.DecidimReader;
import ma.tadafor.ingestion.feed.FeedEntry;
import ma.tadafor.ingestion.portal.PortalFeedClient;

/**
 * The reader of one source's feed, by the source's type. Both kinds yield the same feed entries
 * and keep the newest version they read under {@link PortalFeedReader#NEWEST_SEEN}, so the lane,
 * the writer and the watermark do not care which it is.
 */
class SourceReaders {

    private final PortalFeedClient portals;
    private final DecidimClient decidim;
    private final PullSettings settings;

    SourceReaders(PortalFeedClient portals, DecidimClient decidim, PullSettings settings) {
        this.portals = portals;
        this.decidim = decidim;
        this.settings = settings;
    }

    /** {@code watermark}: the newest version the source's last successful pull applied, null if none. */
    ItemStreamReader<FeedEntry> readerFor(Source source, Instant watermark) {
        return source.type() == SourceType.DECIDIM
                ? new DecidimReader(source, decidim, watermark, settings.watermarkOverlap(), PortalFeedReader.NEWEST_SEEN)
                : new PortalFeedReader(source, portals, watermark, settings.watermarkOverlap());
    }
}
