package ma.tadafor.data.mart;

import java.time.Instant;

/**
 * One refresh of the marts: who asked for it ({@code trigger}) and whether a full one ({@code full}), how it
 * went, where its time went (milliseconds; null until the step ran) and what it recomputed ({@code refresh},
 * once completed).
 */
public record AnalyticsRun(String runId, String trigger, Status status, Instant requestedAt, Instant startedAt,
                           Instant finishedAt, Timings timings, Long cells, String error, boolean full, Refresh refresh) {

    public enum Status {
        QUEUED, RUNNING, COMPLETED, FAILED
    }

    /** {@code FULL} or {@code INCREMENTAL}; an incremental one's recomputed {@code communes} (null for a full one). */
    public record Refresh(String kind, Integer communes) {
    }

    /** Spark session start (0 when it was already up), snapshot export, Spark jobs, mart load and swap. */
    public record Timings(Long sessionMs, Long snapshotMs, Long jobsMs, Long loadMs) {
    }
}
