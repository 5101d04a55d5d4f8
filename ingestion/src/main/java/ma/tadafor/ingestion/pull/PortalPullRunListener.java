package ma.tadafor.ingestion.pull;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;

import ma.tadafor.data.ingestion.IngestionRun;
import ma.tadafor.data.ingestion.IngestionRunStore;

/** Closes the run in the history once every source is done, and tells whoever listens. */
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
    public void afterJob(JobExecution jobExecution) {
        String runId = jobExecution.getJobParameters().getString(PortalPullJobConfiguration.RUN_ID);
        IngestionRun run = runs.find(runId).orElseThrow();
        claims.releaseRun(runId);
        // A source skipped because another run was pulling it is not a failure of this run.
        boolean allPulled = run.sources().stream().allMatch(source -> source.status().equals("COMPLETED")
                || source.status().equals("SKIPPED"));
        runs.finish(runId, allPulled ? "COMPLETED" : "FAILED");
        IngestionRun finished = runs.find(runId).orElseThrow();
        log.info("Ingestion run {} {}: {}", runId, finished.status(), finished.sources());
        for (IngestionRunListener listener : listeners) {
            try {
                listener.ingestionFinished(finished);
            } catch (RuntimeException e) {
                log.error("A listener failed after ingestion run {}", runId, e);
            }
        }
    }
}
