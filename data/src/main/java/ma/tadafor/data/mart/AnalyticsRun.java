package ma.tadafor.data.mart;

import java.time.Instant;

/**
 * One refresh of the marts: who asked for it ({@code trigger}), how it went, and where its time
 * went (milliseconds; null until the step ran).
 */
public record AnalyticsRun(String runId, String trigger, Status status, Instant requestedAt, Instant startedAt,
                           Instant finishedAt, Timings timings, Long cells, String error) {

    public enum Status {
        QUEUED, RUNNING, COMPLETED, FAILED
    }

    /** Spark session start (0 when it was already up), snapshot export, Spark jobs, mart load and swap. */
    public record Timings(Long sessionMs, Long snapshotMs, Long jobsMs, Long loadMs) {
    }
}
