package ma.tadafor.ingestion.simulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** How the simulator breaks an item, one way per quarantine reason of PORTAL_FEED.md. */
public enum Malformation {

    MISSING_ID {
        @Override
        void apply(ObjectNode item) {
            item.remove("id");
        }
    },
    UNKNOWN_MECHANISM {
        @Override
        void apply(ObjectNode item) {
            item.put("mechanism", "TOWN_HALL_FESTIVAL");
        }
    },
    NEGATIVE_COUNT {
        @Override
        void apply(ObjectNode item) {
            ObjectNode cell = firstCell(item);
            cell.put("count", -Math.max(1, cell.path("count").asInt()));
        }
    },
    NON_INTEGER_COUNT {
        @Override
        void apply(ObjectNode item) {
            firstCell(item).put("count", 2.5);
        }
    },
    END_BEFORE_START {
        @Override
        void apply(ObjectNode item) {
            item.put("startDate", "2024-05-10");
            item.put("endDate", "2024-05-03");
        }
    };

    private static final Malformation[] ALL = values();

    abstract void apply(ObjectNode item);

    /** Whether, and how, the item is broken: a share {@code rate} of the items is, spread over every way. */
    static Malformation of(long seed, double rate, String communeCode, String itemId) {
        double draw = Draws.item(seed, "malformed", communeCode, itemId);
        return draw < rate ? ALL[(int) (draw / rate * ALL.length)] : null;
    }

    /** The item's first participation cell; an item without participation gets one to break. */
    private static ObjectNode firstCell(ObjectNode item) {
        JsonNode participation = item.path("participation");
        if (participation.isArray() && !participation.isEmpty()) {
            return (ObjectNode) participation.get(0);
        }
        ArrayNode cells = item.putArray("participation");
        return cells.addObject().put("gender", "F").put("ageBand", "25-34").put("disability", false)
                .put("role", "CITIZEN").put("count", 1);
    }
}
