package ma.tadafor.ingestion.pull;

import java.time.Instant;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import ma.tadafor.data.ingestion.IngestionRunStore;
import ma.tadafor.data.ingestion.SourceRun;
import ma.tadafor.data.ingestion.WatermarkStore;
import ma.tadafor.ingestion.portal.SourceRejectedException;
import ma.tadafor.ingestion.portal.SourceUnavailableException;

/**
 * Records one source's pull in the run history; on success moves its watermark to the newest
 * item applied. A failed pull leaves the watermark where it was, so the next run asks again.
 */
class SourcePullListener implements StepExecutionListener {

    private final String sourceId;
    private final String runId;
    private final IngestionRunStore runs;
    private final WatermarkStore watermarks;
    private final SourceClaims claims;

    SourcePullListener(String sourceId, String runId, IngestionRunStore runs, WatermarkStore watermarks, SourceClaims claims) {
        this.sourceId = sourceId;
        this.runId = runId;
        this.runs = runs;
        this.watermarks = watermarks;
        this.claims = claims;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runs.sourceStarted(runId, sourceId);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        try {
            ExecutionContext context = stepExecution.getExecutionContext();
            boolean completed = stepExecution.getStatus() == BatchStatus.COMPLETED;
            if (completed) {
                String newest = context.getString(PortalFeedReader.NEWEST_SEEN, "");
                watermarks.recordSuccess(sourceId, newest.isEmpty() ? null : Instant.parse(newest), Instant.now());
            }
            runs.sourceFinished(runId, new SourceRun(sourceId, completed ? "COMPLETED" : "FAILED",
                    context.getLong(FeedEntryWriter.READ, 0), context.getLong(FeedEntryWriter.INSERTED, 0),
                    context.getLong(FeedEntryWriter.UPDATED, 0), context.getLong(FeedEntryWriter.DELETED, 0),
                    context.getLong(FeedEntryWriter.QUARANTINED, 0), completed ? null : failure(stepExecution), null, null));
            return stepExecution.getExitStatus();
        } finally {
            claims.release(sourceId, runId);
        }
    }

    private static String failure(StepExecution stepExecution) {
        return stepExecution.getFailureExceptions().stream().findFirst()
                .map(SourcePullListener::rootMessage)
                .orElse("the pull stopped: " + stepExecution.getExitStatus().getExitDescription());
    }

    /**
     * Batch wraps what went wrong ("Unable to process chunk"); the administrator needs the cause: the
     * connector's own words when it gave up on the portal (they name the attempts), else the root.
     */
    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null
                && !(cause instanceof SourceUnavailableException || cause instanceof SourceRejectedException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
