package ma.tadafor.ingestion.simulator;

import java.time.Instant;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStatus;
import ma.tadafor.ingestion.feed.FeedJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Items as bytes, in {@link FeedJson}'s wire format, which the connector reads: written once when a
 * commune is materialised or an item changes, then served as they are.
 */
final class ItemJson {

    private final JsonMapper mapper;
    private final FeedJson feedJson;

    ItemJson(JsonMapper mapper) {
        this.mapper = mapper;
        this.feedJson = new FeedJson(mapper);
    }

    JsonMapper mapper() {
        return mapper;
    }

    FeedJson feedJson() {
        return feedJson;
    }

    byte[] item(Activity activity) {
        return mapper.writeValueAsBytes(feedJson.item(activity));
    }

    byte[] tombstone(String id, Instant at) {
        return mapper.writeValueAsBytes(feedJson.tombstone(id, at.toString()));
    }

    /** A new version: updated at {@code at}, one more person in one of its cells (the cell moves with each revision). */
    byte[] revised(byte[] json, Instant at, int revision) {
        ObjectNode item = tree(json);
        item.put("updatedAt", at.toString());
        JsonNode cells = item.path("participation");
        if (cells.isArray() && !cells.isEmpty()) {
            ObjectNode cell = (ObjectNode) cells.get(revision % cells.size());
            cell.put("count", cell.path("count").asInt() + 1);
        }
        return mapper.writeValueAsBytes(item);
    }

    /** A new version: updated at {@code at}, in {@code status}. */
    byte[] withStatus(byte[] json, ActivityStatus status, Instant at) {
        ObjectNode item = tree(json);
        item.put("updatedAt", at.toString());
        item.put("status", status.name());
        return mapper.writeValueAsBytes(item);
    }

    byte[] broken(byte[] json, Malformation malformation) {
        ObjectNode item = tree(json);
        malformation.apply(item);
        return mapper.writeValueAsBytes(item);
    }

    private ObjectNode tree(byte[] json) {
        return (ObjectNode) mapper.readTree(json);
    }
}
