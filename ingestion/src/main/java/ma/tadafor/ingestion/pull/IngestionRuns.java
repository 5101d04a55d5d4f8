package ma.tadafor.ingestion.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import ma.tadafor.data.ingestion.IngestionRun;
import ma.tadafor.data.ingestion.IngestionRunStore;
import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceRun;
import ma.tadafor.data.ingestion.SourceStore;

/**
 * Starts ingestion runs (on demand or on schedule) and resumes those a dead process left behind.
 * A source already being pulled by another run is skipped, never pulled twice at once.
 */
public class IngestionRuns {

    private static final Logger log = LoggerFactory.getLogger(IngestionRuns.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job portalPull;
    private final SourceStore sources;
    private final IngestionRunStore runs;
    private final SourceClaims claims;

    IngestionRuns(JobOperator jobOperator, JobRepository jobRepository, Job portalPull, SourceStore sources,
                  IngestionRunStore runs, SourceClaims claims) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.portalPull = portalPull;
        this.sources = sources;
        this.runs = runs;
        this.claims = claims;
    }

    /**
     * Starts a run over the given sources, or over every enabled source when none is given;
     * returns its id at once, the pull goes on in the background.
     *
     * @throws UnknownSourceException if a source id names no source
     */
    public String start(List<String> sourceIds, String trigger) {
        List<Source> selected = select(sourceIds);
        String runId = UUID.randomUUID().toString();
        List<String> claimed = new ArrayList<>();
        List<SourceRun> skipped = new ArrayList<>();
        for (Source source : selected) {
            claims.claim(source.id(), runId).ifPresentOrElse(
                    holder -> skipped.add(new SourceRun(source.id(), "SKIPPED", 0, 0, 0, 0, 0,
                            "already being pulled by run " + holder, null, null)),
                    () -> claimed.add(source.id()));
        }
        runs.start(runId, trigger, selected.stream().map(Source::id).toList());
        skipped.forEach(source -> runs.sourceFinished(runId, source));
        launch(runId, claimed);
        return runId;
    }

    public Optional<IngestionRun> find(String runId) {
        return runs.find(runId);
    }

    /**
     * Resumes the runs a process that died left unfinished: their Batch executions are marked
     * failed, then restarted, and each lane continues from its last committed chunk: the sources
     * whose end it had committed are not pulled again, the one it was on resumes at its page.
     */
    public void resumeInterrupted() {
        for (String runId : runs.unfinished()) {
            Optional<Long> executionId = runs.jobExecutionOf(runId);
            JobExecution execution = executionId.map(jobRepository::getJobExecution).orElse(null);
            try {
                if (execution == null) {
                    List<String> pending = runs.find(runId).orElseThrow().sources().stream()
                            .filter(source -> !source.status().equals("SKIPPED")).map(SourceRun::sourceId).toList();
                    pending.forEach(sourceId -> claims.claim(sourceId, runId));
                    launch(runId, pending);
                } else {
                    String sourceIds = execution.getJobParameters().getString(PortalPullJobConfiguration.SOURCES);
                    List.of(sourceIds.split(",")).forEach(sourceId -> claims.claim(sourceId, runId));
                    JobExecution recovered = jobOperator.recover(execution);
                    JobExecution restarted;
                    try (var logContext = RunLogContext.of(runId)) {
                        restarted = jobOperator.restart(recovered);
                    }
                    log.info("Resumed ingestion run {} (execution {} after {})", runId, restarted.getId(), execution.getId());
                }
            } catch (Exception e) {
                // Only recovering or restarting failed here: nothing of the run is going on.
                log.error("Could not resume ingestion run {}; marking it failed", runId, e);
                claims.releaseRun(runId);
                runs.finish(runId, "FAILED");
            }
        }
    }

    private void launch(String runId, List<String> sourceIds) {
        JobParameters parameters = new JobParametersBuilder()
                .addString(PortalPullJobConfiguration.RUN_ID, runId)
                .addString(PortalPullJobConfiguration.SOURCES, String.join(",", sourceIds))
                .toJobParameters();
        try (var logContext = RunLogContext.of(runId)) {
            jobOperator.start(portalPull, parameters);
        } catch (Exception e) {
            claims.releaseRun(runId);
            runs.finish(runId, "FAILED");
            throw new IllegalStateException("could not start ingestion run " + runId + ": " + e.getMessage(), e);
        }
    }

    private List<Source> select(List<String> sourceIds) {
        if (sourceIds == null || sourceIds.isEmpty()) {
            return sources.all().stream().filter(Source::enabled).toList();
        }
        List<Source> selected = new ArrayList<>();
        for (String id : sourceIds) {
            selected.add(sources.find(id).orElseThrow(() -> new UnknownSourceException(id)));
        }
        return selected;
    }
}
