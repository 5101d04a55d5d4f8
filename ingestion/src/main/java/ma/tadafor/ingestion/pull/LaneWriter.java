package ma.tadafor.ingestion.pull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.activity.ApplyResult;
import ma.tadafor.data.activity.Withdrawal;
import ma.tadafor.data.ingestion.IngestionRunStore;
import ma.tadafor.data.ingestion.QuarantineStore;
import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceRun;
import ma.tadafor.data.ingestion.WatermarkStore;
import ma.tadafor.ingestion.feed.FeedEntry;

/**
 * Applies a chunk of a lane: the entries of all its sources in one merge, valid items and
 * tombstones to the facts (idempotently), invalid ones to the quarantine; and records in the run
 * history each source the chunk starts and ends. {@code runs} and {@code watermarks} write
 * through the chunk's transaction, so a source's end (its counts, its status and, on success
 * only, its watermark) commits together with the lane's position past it: a crash can neither
 * lose it nor pull the source again. The counts of the source being pulled live in the lane's
 * context, saved with each chunk, so they survive a restart.
 */
class LaneWriter implements ItemWriter<LaneItem>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(LaneWriter.class);

    static final String READ = "count.read";
    static final String INSERTED = "count.inserted";
    static final String UPDATED = "count.updated";
    static final String DELETED = "count.deleted";
    static final String QUARANTINED = "count.quarantined";

    private final String runId;
    private final ActivityStore activities;
    private final QuarantineStore quarantine;
    private final IngestionRunStore runs;
    private final WatermarkStore watermarks;
    private final SourceClaims claims;
    private ExecutionContext lane;

    LaneWriter(String runId, ActivityStore activities, QuarantineStore quarantine, IngestionRunStore runs,
               WatermarkStore watermarks, SourceClaims claims) {
        this.runId = runId;
        this.activities = activities;
        this.quarantine = quarantine;
        this.runs = runs;
        this.watermarks = watermarks;
        this.claims = claims;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        lane = stepExecution.getExecutionContext();
    }

    @Override
    public void write(Chunk<? extends LaneItem> chunk) {
        Map<String, Counts> applied = apply(chunk);
        Map<String, Instant> started = new LinkedHashMap<>();
        List<SourceRun> finished = new ArrayList<>();
        List<WatermarkStore.Success> pulled = new ArrayList<>();
        for (LaneItem item : chunk) {
            // A lane's sources follow each other: a source's counts are in before its end is met.
            Counts counts = applied.remove(item.sourceId());
            if (counts != null) {
                counts.addTo(lane);
            }
            if (item instanceof LaneItem.Started start) {
                started.put(start.sourceId(), start.at());
            } else if (item instanceof LaneItem.Ended end) {
                SourceRun report = report(end.sourceId(), end.completed() ? "COMPLETED" : "FAILED", end.failure(),
                        started.remove(end.sourceId()), end.at());
                finished.add(report);
                if (end.completed()) {
                    pulled.add(new WatermarkStore.Success(end.sourceId(), end.newestSeen()));
                }
                resetCounts();
            }
        }
        // Three statements for the chunk's bookkeeping, however many sources it starts and ends.
        if (!started.isEmpty()) {
            runs.sourcesStarted(runId, started);
        }
        if (!finished.isEmpty()) {
            runs.sourcesFinished(runId, finished);
            finished.forEach(LaneWriter::log);
            releaseAfterCommit(finished);
        }
        if (!pulled.isEmpty()) {
            watermarks.recordSuccesses(pulled, Instant.now());
        }
    }

    /** The chunk's entries of every source at once: one merge, however many sources the chunk carries. */
    private Map<String, Counts> apply(Chunk<? extends LaneItem> chunk) {
        Map<String, Source> sources = new LinkedHashMap<>();
        Map<String, List<Activity>> valid = new HashMap<>();
        Map<String, List<Withdrawal>> withdrawn = new HashMap<>();
        Map<String, List<QuarantineStore.Rejection>> rejected = new HashMap<>();
        Map<String, Long> read = new HashMap<>();
        for (LaneItem item : chunk) {
            if (!(item instanceof LaneItem.Fed fed)) {
                continue;
            }
            String sourceId = fed.sourceId();
            sources.putIfAbsent(sourceId, fed.source());
            read.merge(sourceId, 1L, Long::sum);
            if (fed.entry() instanceof FeedEntry.Valid entry) {
                valid.computeIfAbsent(sourceId, id -> new ArrayList<>()).add(entry.activity());
            } else if (fed.entry() instanceof FeedEntry.Withdrawn entry) {
                withdrawn.computeIfAbsent(sourceId, id -> new ArrayList<>()).add(entry.withdrawal());
            } else if (fed.entry() instanceof FeedEntry.Invalid entry) {
                rejected.computeIfAbsent(sourceId, id -> new ArrayList<>())
                        .add(new QuarantineStore.Rejection(entry.itemId(), entry.reason(), entry.rawText()));
            }
        }
        List<ActivityStore.SourceChanges> changes = sources.values().stream()
                .map(source -> new ActivityStore.SourceChanges(source.id(), source.communeCode(),
                        valid.getOrDefault(source.id(), List.of()), withdrawn.getOrDefault(source.id(), List.of())))
                .toList();
        Map<String, ApplyResult> results = changes.isEmpty() ? Map.of() : activities.apply(changes);
        Map<String, Counts> counts = new HashMap<>();
        for (String sourceId : sources.keySet()) {
            int quarantined = quarantine.add(sourceId, runId, rejected.getOrDefault(sourceId, List.of()));
            counts.put(sourceId, new Counts(read.get(sourceId), results.get(sourceId), quarantined));
        }
        return counts;
    }

    private static void log(SourceRun report) {
        log.info("Source {} {}: {} read, {} inserted, {} updated, {} deleted, {} set aside{}", report.sourceId(),
                report.status(), report.read(), report.inserted(), report.updated(), report.deleted(),
                report.quarantined(), report.error() == null ? "" : "; " + report.error());
    }

    /** Another run may pull a source once its end is committed, not before. */
    private void releaseAfterCommit(List<SourceRun> finished) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                finished.forEach(report -> claims.release(report.sourceId(), runId));
            }
        });
    }

    /**
     * A lane stops early only when writing failed (the warehouse, not a portal): its sources not
     * yet ended are recorded FAILED with the reason, the one it was on with what it had applied.
     */
    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
            String reason = stepExecution.getFailureExceptions().stream().findFirst().map(FailureReason::of)
                    .orElse("the pull stopped: " + stepExecution.getExitStatus().getExitDescription());
            List<String> sourceIds = LaneReader.sourceIds(lane);
            for (int i = lane.getInt(LaneReader.POSITION, 0); i < sourceIds.size(); i++) {
                runs.sourceFinished(runId, report(sourceIds.get(i), "FAILED", reason, null, null));
                resetCounts();
                claims.release(sourceIds.get(i), runId);
            }
        }
        return stepExecution.getExitStatus();
    }

    /** The source's report from the counts in the lane's context; null times are left to the store. */
    private SourceRun report(String sourceId, String status, String failure, Instant startedAt, Instant finishedAt) {
        return new SourceRun(sourceId, status, lane.getLong(READ, 0), lane.getLong(INSERTED, 0),
                lane.getLong(UPDATED, 0), lane.getLong(DELETED, 0), lane.getLong(QUARANTINED, 0), failure, startedAt,
                finishedAt);
    }

    private void resetCounts() {
        List.of(READ, INSERTED, UPDATED, DELETED, QUARANTINED).forEach(lane::remove);
    }

    /** What a chunk did for one source. */
    private record Counts(long read, ApplyResult applied, long quarantined) {

        void addTo(ExecutionContext lane) {
            add(lane, READ, read);
            add(lane, INSERTED, applied.inserted());
            add(lane, UPDATED, applied.updated());
            add(lane, DELETED, applied.deleted());
            add(lane, QUARANTINED, quarantined);
        }

        private static void add(ExecutionContext lane, String key, long value) {
            lane.putLong(key, lane.getLong(key, 0) + value);
        }
    }
}
