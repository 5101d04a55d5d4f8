package ma.tadafor.dashboard.analytics;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import ma.tadafor.data.mart.AnalyticsRun;
import ma.tadafor.data.mart.AnalyticsRunStore;

/**
 * Starts mart refreshes in the background, one at a time. A request while a refresh runs queues
 * one more, and further requests join that queued one: it will read everything ingested before
 * it starts, so one refresh after a burst of ingestion runs is enough.
 */
public class AnalyticsRuns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsRuns.class);

    private final MartRefresh refresh;
    private final AnalyticsRunStore runs;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "analytics-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private String queued;

    public AnalyticsRuns(MartRefresh refresh, AnalyticsRunStore runs) {
        this.refresh = refresh;
        this.runs = runs;
        int abandoned = runs.abandonUnfinished();
        if (abandoned > 0) {
            log.warn("{} analytics run(s) of a previous process never finished; marked failed", abandoned);
        }
    }

    /**
     * Asks for a refresh of the marts, asynchronously; returns the id of the run that will do it
     * (the already queued one, if any).
     *
     * @param trigger who asks: {@code api:<user>}, {@code ingestion:<run id>}…
     */
    public synchronized String start(String trigger) {
        if (queued != null) {
            return queued;
        }
        String runId = UUID.randomUUID().toString();
        runs.queued(runId, trigger);
        queued = runId;
        worker.execute(() -> execute(runId));
        return runId;
    }

    public Optional<AnalyticsRun> find(String runId) {
        return runs.find(runId);
    }

    private void execute(String runId) {
        synchronized (this) {
            queued = null;
        }
        try {
            runs.running(runId);
            log.info("Analytics run {} started", runId);
            MartRefresh.Outcome outcome = refresh.run(runId);
            if (outcome.failure() == null) {
                runs.completed(runId, outcome.timings(), outcome.cells());
                log.info("Analytics run {} completed: {}, marts (ms) {}", runId, outcome.timings(), outcome.martMs());
            } else {
                runs.failed(runId, outcome.timings(), String.valueOf(outcome.failure().getMessage()));
                log.error("Analytics run {} failed; the previous marts stay", runId, outcome.failure());
            }
        } catch (RuntimeException e) {
            // The run log itself failed (the warehouse is unreachable): nothing more can be recorded.
            log.error("Analytics run {} could not be recorded", runId, e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
