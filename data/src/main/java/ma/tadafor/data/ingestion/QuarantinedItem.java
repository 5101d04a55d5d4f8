package ma.tadafor.data.ingestion;

import java.time.Instant;

/**
 * A feed item set aside because it broke a rule; {@code itemId} is null when it had none. Its raw
 * text holds the item's per-activity participation cells: only an administrator may read it.
 */
public record QuarantinedItem(long id, String sourceId, String runId, String itemId, String reason, String rawText,
                              Instant receivedAt) {

    /** The item as anyone but an administrator may see it: id, source and reason, no raw text. */
    public QuarantinedItem withoutRawText() {
        return new QuarantinedItem(id, sourceId, runId, itemId, reason, null, receivedAt);
    }
}
