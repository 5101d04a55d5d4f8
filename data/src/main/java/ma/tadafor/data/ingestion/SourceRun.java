package ma.tadafor.data.ingestion;

import java.time.Instant;

/** What one ingestion run did for one source. {@code status}: RUNNING, COMPLETED, FAILED or SKIPPED. */
public record SourceRun(String sourceId, String status, long read, long inserted, long updated, long deleted,
                        long quarantined, String error, Instant startedAt, Instant finishedAt) {
}
