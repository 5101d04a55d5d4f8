package ma.tadafor.ingestion.pull;

import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;

import ma.tadafor.data.ingestion.IngestionRun;
import ma.tadafor.data.ingestion.IngestionRunStore;
import ma.tadafor.data.ingestion.SourceRun;

/**
 * Ties the run in the history to its Batch execution when the job starts, closes it once every
 * source is done, and tells whoever listens. Both are written here, in the job's thread, so that
 * nothing else writes the run's row while the job runs: recorded by the launching thread, the
 * execution raced the end of a job with nothing left to pull, and DuckDB's conflict on the row made
 * the launcher mark FAILED a run whose every source COMPLETED (docs/RELIABILITY.md).
 */
class PortalPullRunListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PortalPullRunListener.class);

    private final IngestionRunStore runs;
    private final SourceClaims claims;
    private final ObjectProvider<IngestionRunListener> listeners;

    PortalPullRunListener(IngestionRunStore runs, SourceClaims claims, ObjectProvider<IngestionRunListener> listeners) {
        this.runs = runs;
        this.claims = claims;
        this.listeners = listeners;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        runs.attachJobExecution(runId(jobExecution), jobExecution.getId());
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        String runId = runId(jobExecution);
        IngestionRun run = runs.find(runId).orElseThrow();
        claims.releaseRun(runId);
        // A source skipped because another run was pulling it is not a failure of this run.
        boolean allPulled = run.sources().stream().allMatch(source -> source.status().equals("COMPLETED")
                || source.status().equals("SKIPPED"));
        runs.finish(runId, allPulled ? "COMPLETED" : "FAILED");
        IngestionRun finished = runs.find(runId).orElseThrow();
        log.info("Ingestion run {} {}: {} sources, {} items read, {} inserted, {} updated, {} deleted, {} set aside",
                runId, finished.status(), finished.sources().size(), total(finished, SourceRun::read),
                total(finished, SourceRun::inserted), total(finished, SourceRun::updated),
                total(finished, SourceRun::deleted), total(finished, SourceRun::quarantined));
        finished.sources().stream().filter(source -> source.error() != null)
                .forEach(source -> log.warn("Source {} {}: {}", source.sourceId(), source.status(), source.error()));
        for (IngestionRunListener listener : listeners) {
            try {
                listener.ingestionFinished(finished);
            } catch (RuntimeException e) {
                log.error("A listener failed after ingestion run {}", runId, e);
            }
        }
    }

    private static String runId(JobExecution jobExecution) {
        return jobExecution.getJobParameters().getString(PortalPullJobConfiguration.RUN_ID);
    }

    private static long total(IngestionRun run, ToLongFunction<SourceRun> count) {
        return run.sources().stream().mapToLong(count).sum();
    }
}
