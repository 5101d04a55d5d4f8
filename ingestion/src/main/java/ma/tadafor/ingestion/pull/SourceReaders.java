package ma.tadafor.ingestion.pull;

import org.springframework.batch.infrastructure.item.ItemStreamReader;

import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceType;
import ma.tadafor.data.ingestion.WatermarkStore;
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
    private final WatermarkStore watermarks;
    private final PullSettings settings;

    SourceReaders(PortalFeedClient portals, DecidimClient decidim, WatermarkStore watermarks, PullSettings settings) {
        this.portals = portals;
        this.decidim = decidim;
        this.watermarks = watermarks;
        this.settings = settings;
    }

    ItemStreamReader<FeedEntry> readerFor(Source source) {
        return source.type() == SourceType.DECIDIM
                ? new DecidimReader(source, decidim, watermarks, settings.watermarkOverlap(), PortalFeedReader.NEWEST_SEEN)
                : new PortalFeedReader(source, portals, watermarks, settings.watermarkOverlap());
    }
}
