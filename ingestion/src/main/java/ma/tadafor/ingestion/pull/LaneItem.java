package ma.tadafor.ingestion.pull;

import java.time.Instant;

import ma.tadafor.data.ingestion.Source;
import ma.tadafor.ingestion.feed.FeedEntry;

/**
 * What a lane reads: its sources' feed entries, each source framed by its start and its end, so
 * that a chunk may carry several small sources and the writer records each source's end in the
 * transaction of its last entries.
 */
sealed interface LaneItem {

    String sourceId();

    /** The lane has opened the source (at its watermark, or where a restart left it) at {@code at}. */
    record Started(String sourceId, Instant at) implements LaneItem {
    }

    record Fed(Source source, FeedEntry entry) implements LaneItem {

        @Override
        public String sourceId() {
            return source.id();
        }
    }

    /**
     * The source is done, at {@code at}: read to its end ({@code failure} null; {@code newestSeen}
     * the newest version read, null if none), or given up with the reason.
     */
    record Ended(String sourceId, Instant at, Instant newestSeen, String failure) implements LaneItem {

        boolean completed() {
            return failure == null;
        }
    }
}
