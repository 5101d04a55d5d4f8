package ma.tadafor.data.ingestion;

import java.time.Instant;

/** A feed item set aside because it broke a rule; {@code itemId} is null when it had none. */
public record QuarantinedItem(long id, String sourceId, String runId, String itemId, String reason, String rawText,
                              Instant receivedAt) {
}
