package ma.tadafor.ingestion.decidim;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import ma.tadafor.data.ingestion.Source;
import ma.tadafor.ingestion.feed.FeedEntry;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Decidim instance as feed entries, for the same {@code portalPull} step as the portal
 * feed: it lists the participatory processes' and assemblies' proposal, meeting and budget
 * components, then pages through each component's connection. Only what changed since the
 * watermark (minus the overlap) is handed on. Decidim's {@code updatedSince} filter is a date, read
 * in the server's time zone: where the instance offers it, the reader asks from the day before
 * and drops older nodes itself; where it does not, it pages everything and drops them all itself.
 * At each chunk commit it saves the component and cursor of the page it is in: a restart re-reads
 * that page (applying twice is harmless, skipping is not).
 */
public final class DecidimReader implements ItemStreamReader<FeedEntry> {

    static final String UPDATED_SINCE = "decidim.updatedSince";
    static final String COMPONENT = "decidim.component";
    static final String CURSOR = "decidim.cursor";

    private final Source source;
    private final DecidimClient client;
    private final Instant watermark;
    private final Duration overlap;
    private final String newestSeenKey;

    private Instant updatedSince;
    private boolean proposalFilter;
    private List<Component> components;
    private int index;
    private String cursor;
    private String pageComponent;
    private String pageCursor;
    private Instant newestSeen;
    private final Deque<FeedEntry> buffer = new ArrayDeque<>();

    /**
     * {@code watermark}: the newest version the source's last successful pull applied, null if none;
     * {@code newestSeenKey} is where the job reads the newest version seen, to move the watermark.
     */
    public DecidimReader(Source source, DecidimClient client, Instant watermark, Duration overlap, String newestSeenKey) {
        this.source = source;
        this.client = client;
        this.watermark = watermark;
        this.overlap = overlap;
        this.newestSeenKey = newestSeenKey;
    }

    @Override
    public void open(ExecutionContext context) {
        components = components();
        JsonNode filter = client.query(source, DecidimQueries.PROPOSAL_FILTER, Map.of()).path("__type").path("inputFields");
        proposalFilter = false;
        for (JsonNode field : filter) {
            proposalFilter |= "updatedSince".equals(field.path("name").asString(""));
        }
        if (context.containsKey(UPDATED_SINCE)) {
            updatedSince = instant(context.getString(UPDATED_SINCE));
            newestSeen = instant(context.getString(newestSeenKey, ""));
            String component = context.getString(COMPONENT, "");
            index = Math.max(0, indexOf(component));
            cursor = indexOf(component) < 0 ? null : emptyToNull(context.getString(CURSOR, ""));
        } else {
            updatedSince = watermark == null ? null : watermark.minus(overlap);
        }
    }

    @Override
    public FeedEntry read() {
        while (buffer.isEmpty()) {
            if (index >= components.size()) {
                return null;
            }
            Component component = components.get(index);
            pageComponent = component.id();
            pageCursor = cursor;
            JsonNode connection = page(component, cursor);
            for (JsonNode node : connection.path("nodes")) {
                take(component, node);
            }
            JsonNode pageInfo = connection.path("pageInfo");
            if (pageInfo.path("hasNextPage").asBoolean(false) && pageInfo.path("endCursor").isString()) {
                cursor = pageInfo.path("endCursor").asString();
            } else {
                index++;
                cursor = null;
            }
        }
        return buffer.poll();
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(UPDATED_SINCE, updatedSince == null ? "" : updatedSince.toString());
        context.putString(COMPONENT, pageComponent == null ? "" : pageComponent);
        context.putString(CURSOR, pageCursor == null ? "" : pageCursor);
        context.putString(newestSeenKey, newestSeen == null ? "" : newestSeen.toString());
    }

    private List<Component> components() {
        JsonNode spaces = client.query(source, DecidimQueries.SPACES, Map.of());
        List<Component> found = new ArrayList<>();
        for (String kind : List.of("participatoryProcesses", "assemblies")) {
            for (JsonNode space : spaces.path(kind)) {
                for (JsonNode component : space.path("components")) {
                    String type = component.path("__typename").asString("");
                    if (List.of("Proposals", "Meetings", "Budgets").contains(type)) {
                        found.add(new Component(component.path("id").asString(), type));
                    }
                }
            }
        }
        found.sort(Comparator.comparing(Component::type).thenComparing(Component::id));
        return found;
    }

    private JsonNode page(Component component, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("component", component.id());
        variables.put("first", client.settings().pageSize());
        variables.put("after", after);
        return switch (component.type()) {
            case "Proposals" -> {
                String query = DecidimQueries.proposals(proposalFilter && updatedSince != null);
                if (proposalFilter && updatedSince != null) {
                    // A date in the server's zone: asking from the day before cannot miss anything.
                    variables.put("since", updatedSince.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1).toString());
                }
                yield client.query(source, query, variables).path("component").path("proposals");
            }
            case "Meetings" -> client.query(source, DecidimQueries.MEETINGS, variables).path("component").path("meetings");
            default -> client.query(source, DecidimQueries.BUDGETS, variables).path("component").path("budgets");
        };
    }

    private void take(Component component, JsonNode node) {
        List<FeedEntry> entries = switch (component.type()) {
            case "Proposals" -> List.of(DecidimMapping.proposal(node));
            case "Meetings" -> List.of(DecidimMapping.meeting(node));
            default -> DecidimMapping.budget(node);
        };
        for (FeedEntry entry : entries) {
            if (entry instanceof FeedEntry.Valid valid) {
                Instant updatedAt = valid.activity().updatedAt();
                if (updatedSince != null && updatedAt.isBefore(updatedSince)) {
                    continue;
                }
                if (newestSeen == null || updatedAt.isAfter(newestSeen)) {
                    newestSeen = updatedAt;
                }
            }
            buffer.add(entry);
        }
    }

    private int indexOf(String componentId) {
        for (int i = 0; i < components.size(); i++) {
            if (components.get(i).id().equals(componentId)) {
                return i;
            }
        }
        return -1;
    }

    private static Instant instant(String text) {
        return text == null || text.isEmpty() ? null : Instant.parse(text);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private record Component(String id, String type) {
    }
}
