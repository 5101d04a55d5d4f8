package ma.tadafor.ingestion.feed;

import java.util.ArrayList;
import java.util.List;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.Association;
import ma.tadafor.data.activity.ParticipationCell;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The wire format of PORTAL_FEED.md version 1, both ways: the connector reads it, the simulator writes it. */
public final class FeedJson {

    private final JsonMapper mapper;

    public FeedJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public FeedJson() {
        this(JsonMapper.builder().build());
    }

    /**
     * Reads a page. A body that is not a feed page fails as a whole; an item that breaks a rule
     * becomes an {@link FeedEntry.Invalid} entry and the rest of the page stands.
     */
    public FeedPage readPage(String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedPageException("the answer is not JSON: " + abbreviate(body), e);
        }
        if (root == null || !root.isObject() || !root.path("items").isArray()) {
            throw new MalformedPageException("the answer is not a feed page (no items array): " + abbreviate(body));
        }
        JsonNode next = root.path("nextPageToken");
        if (!next.isMissingNode() && !next.isNull() && !next.isString()) {
            throw new MalformedPageException("nextPageToken must be a string or null");
        }
        List<FeedEntry> entries = new ArrayList<>(root.path("items").size());
        for (JsonNode item : root.path("items")) {
            entries.add(FeedItemRules.read(item));
        }
        return new FeedPage(root.path("communeCode").asString(null), entries,
                next.isString() ? next.asString() : null);
    }

    public ObjectNode page(String communeCode, String generatedAt, List<ObjectNode> items, String nextPageToken) {
        ObjectNode page = mapper.createObjectNode();
        page.put("communeCode", communeCode);
        page.put("generatedAt", generatedAt);
        page.putArray("items").addAll(items);
        page.put("nextPageToken", nextPageToken);
        return page;
    }

    public ObjectNode item(Activity activity) {
        ObjectNode item = mapper.createObjectNode();
        item.put("id", activity.id());
        item.put("updatedAt", activity.updatedAt().toString());
        item.put("deleted", false);
        item.put("mechanism", activity.mechanism().name());
        item.put("status", activity.status().name());
        item.put("startDate", activity.startDate() == null ? null : activity.startDate().toString());
        item.put("endDate", activity.endDate() == null ? null : activity.endDate().toString());
        if (activity.title() == null) {
            item.putNull("title");
        } else {
            ObjectNode title = item.putObject("title");
            title.put("fr", activity.title().fr());
            title.put("ar", activity.title().ar());
        }
        item.put("theme", activity.theme() == null ? null : activity.theme().name());
        item.put("initiator", activity.initiator() == null ? null : activity.initiator().name());
        ArrayNode cells = item.putArray("participation");
        for (ParticipationCell cell : activity.participation()) {
            ObjectNode json = cells.addObject();
            json.put("gender", cell.gender().name());
            json.put("ageBand", cell.ageBand().code());
            json.put("disability", cell.disability());
            json.put("role", cell.role().name());
            json.put("count", cell.count());
        }
        if (activity.funding() == null) {
            item.putNull("funding");
        } else {
            ObjectNode funding = item.putObject("funding");
            funding.put("tadaforMad", activity.funding().tadaforMad());
            funding.put("communeMad", activity.funding().communeMad());
            funding.put("indhMad", activity.funding().indhMad());
            funding.put("otherMad", activity.funding().otherMad());
        }
        ArrayNode associations = item.putArray("associations");
        for (Association association : activity.associations()) {
            associations.addObject().put("id", association.id()).put("name", association.name());
        }
        item.put("indhProjectRef", activity.indhProjectRef());
        return item;
    }

    public ObjectNode tombstone(String id, String updatedAt) {
        ObjectNode item = mapper.createObjectNode();
        item.put("id", id);
        item.put("updatedAt", updatedAt);
        item.put("deleted", true);
        return item;
    }

    public String write(JsonNode node) {
        return mapper.writeValueAsString(node);
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "…";
    }
}
