package ma.tadafor.ingestion.pull;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceStore;
import ma.tadafor.data.ingestion.WatermarkStore;
import ma.tadafor.ingestion.feed.FeedEntry;

/**
 * Pulls a lane's sources one after the other, framing each with {@link LaneItem.Started} and
 * {@link LaneItem.Ended}. A source that fails (portal down, hanging, sending garbage, its token
 * refused) ends FAILED with its reason and the lane goes on with the next one. At each chunk
 * commit the lane's context records which source it is on and that source's reader state, so a
 * restart resumes the lane at the page its current source was in (applying twice is harmless,
 * skipping is not), and never pulls again a source whose end was committed.
 */
class LaneReader implements ItemStreamReader<LaneItem> {

    /** The lane's source ids, in order, comma-separated: set by {@link SourceLanes}. */
    static final String SOURCES = "lane.sources";
    /** How many of the lane's sources have ended. */
    static final String POSITION = "lane.position";
    /** The reader state of the source being pulled, absent between two sources. */
    static final String SOURCE_STATE = "lane.sourceState";

    private final SourceStore sourceStore;
    private final WatermarkStore watermarkStore;
    private final SourceReaders readers;

    private List<String> sourceIds;
    private Map<String, Source> sources;
    private Map<String, Instant> watermarks;
    private int position;
    private Map<String, Object> resumedState;
    private Source current;
    private ItemStreamReader<FeedEntry> reader;
    private ExecutionContext readerState;

    LaneReader(SourceStore sourceStore, WatermarkStore watermarkStore, SourceReaders readers) {
        this.sourceStore = sourceStore;
        this.watermarkStore = watermarkStore;
        this.readers = readers;
    }

    static List<String> sourceIds(ExecutionContext lane) {
        return List.of(lane.getString(SOURCES).split(","));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(ExecutionContext lane) {
        sourceIds = sourceIds(lane);
        // Read once for the lane: its sources' watermarks move only when the lane ends them.
        sources = sourceStore.all().stream().collect(Collectors.toMap(Source::id, Function.identity()));
        watermarks = watermarkStore.all();
        position = lane.getInt(POSITION, 0);
        resumedState = (Map<String, Object>) lane.get(SOURCE_STATE);
    }

    @Override
    public LaneItem read() {
        if (reader != null) {
            return next();
        }
        if (position >= sourceIds.size()) {
            return null;
        }
        String sourceId = sourceIds.get(position);
        Map<String, Object> state = resumedState;
        resumedState = null;
        current = sources.get(sourceId);
        if (current == null) {
            return end(sourceId, null, "the source " + sourceId + " no longer exists");
        }
        reader = readers.readerFor(current, watermarks.get(sourceId));
        readerState = state == null ? new ExecutionContext() : new ExecutionContext(state);
        try {
            reader.open(readerState);
        } catch (RuntimeException e) {
            return end(sourceId, null, FailureReason.of(e));
        }
        return new LaneItem.Started(sourceId, Instant.now());
    }

    private LaneItem next() {
        try {
            FeedEntry entry = reader.read();
            if (entry != null) {
                return new LaneItem.Fed(current, entry);
            }
            reader.update(readerState);
            String newest = readerState.getString(PortalFeedReader.NEWEST_SEEN, "");
            return end(current.id(), newest.isEmpty() ? null : Instant.parse(newest), null);
        } catch (Exception e) {
            return end(current.id(), null, FailureReason.of(e));
        }
    }

    private LaneItem end(String sourceId, Instant newestSeen, String failure) {
        LaneItem ended = new LaneItem.Ended(sourceId, Instant.now(), newestSeen, failure);
        close();
        position++;
        return ended;
    }

    @Override
    public void update(ExecutionContext lane) {
        lane.putInt(POSITION, position);
        if (reader == null) {
            lane.remove(SOURCE_STATE);
        } else {
            reader.update(readerState);
            lane.put(SOURCE_STATE, new HashMap<>(readerState.toMap()));
        }
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
        reader = null;
        readerState = null;
    }
}
