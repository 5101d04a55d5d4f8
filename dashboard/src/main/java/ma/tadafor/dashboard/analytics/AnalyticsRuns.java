package ma.tadafor.dashboard.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import ma.tadafor.data.mart.AnalyticsRun;
import ma.tadafor.data.mart.AnalyticsRunStore;
import ma.tadafor.ingestion.pull.RunLogContext;

/**
 * Starts mart refreshes in the background, one at a time. A request while a refresh runs queues
 * one more, and further requests join that queued one: it will read everything ingested before
 * it starts, so one refresh after a burst of ingestion runs is enough. Each run is timed
 * ({@code tadafor.analytics.runs}) and its log lines carry its id; {@code tadafor.marts.age} says
 * how old the marts in place are.
 *
 * <p>At shutdown (SIGTERM) the Spark jobs under way are cancelled and the refresh is left as a
 * killed process leaves it; the next start marks it failed and refreshes again. The marts in place
 * stay whole either way: a swap is one transaction.
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
    private final MeterRegistry metrics;
    private final int abandoned;
    private volatile boolean stopping;
    private String queued;
    private boolean queuedFull;

    public AnalyticsRuns(MartRefresh refresh, AnalyticsRunStore runs, MeterRegistry metrics) {
        this.refresh = refresh;
        this.runs = runs;
        this.metrics = metrics;
        // Read at each scrape: how stale the figures every page shows are.
        Gauge.builder("tadafor.marts.age", runs, store -> store.lastCompletedAt()
                        .map(at -> Duration.between(at, Instant.now()).toMillis() / 1000.0).orElse(Double.NaN))
                .description("Seconds since the marts in place were swapped in").baseUnit("seconds").register(metrics);
        abandoned = runs.abandonUnfinished();
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
    public String start(String trigger) {
        return start(trigger, false);
    }

    /**
     * As {@link #start(String)}; with {@code full}, the refresh recomputes every commune whatever changed
     * (a queued refresh joined by such a request becomes a full one).
     */
    public synchronized String start(String trigger, boolean full) {
        if (queued != null) {
            if (full && !queuedFull) {
                queuedFull = true;
                runs.fullRequested(queued);
            }
            return queued;
        }
        String runId = UUID.randomUUID().toString();
        runs.queued(runId, trigger, full);
        queued = runId;
        queuedFull = full;
        worker.execute(() -> execute(runId));
        return runId;
    }

    /** Refreshes the marts again if the previous process stopped before its refresh ended. */
    public void resumeAbandoned() {
        if (abandoned > 0) {
            log.info("Analytics run {} replaces the {} the previous process left unfinished", start("restart"), abandoned);
        }
    }

    /**
     * Warms Spark up on a sample of the warehouse, in the background, before any refresh asked after
     * this call (one refresh at a time: the warm-up and a refresh never share the session's cache).
     * A warm-up that fails costs only its time: the refresh then starts Spark itself.
     */
    public void warmUp(int sources) {
        worker.execute(() -> {
            try {
                log.info("Spark warmed up on a sample of {} sources in {} ms", sources, refresh.warmUp(sources));
            } catch (Exception e) {
                // Spark throws its checked SparkException undeclared (Scala).
                if (!stopping) {
                    log.warn("Warming Spark up failed; the first refresh will start it", e);
                }
            }
        });
    }

    public Optional<AnalyticsRun> find(String runId) {
        return runs.find(runId);
    }

    private void execute(String runId) {
        boolean full;
        synchronized (this) {
            queued = null;
            full = queuedFull;
        }
        Timer.Sample duration = Timer.start(metrics);
        String status = "FAILED";
        try (var logContext = RunLogContext.of(runId)) {
            runs.running(runId);
            log.info("Analytics run {} started", runId);
            MartRefresh.Outcome outcome = refresh.run(runId, full);
            if (outcome.failure() != null && stopping) {
                log.warn("Analytics run {} stopped by the shutdown; the next start refreshes again", runId);
            } else if (outcome.failure() == null) {
                status = "COMPLETED";
                runs.completed(runId, outcome.timings(), outcome.cells(), outcome.scope());
                log.info("Analytics run {} completed: {} ({}), {}, marts (ms) {}", runId, outcome.scope().kind(),
                        outcome.scope().full() ? outcome.scope().reason() : outcome.scope().communes() + " communes",
                        outcome.timings(), outcome.martMs());
            } else {
                runs.failed(runId, outcome.timings(), String.valueOf(outcome.failure().getMessage()));
                log.error("Analytics run {} failed; the previous marts stay", runId, outcome.failure());
            }
        } catch (RuntimeException e) {
            // The run log itself failed (the warehouse is unreachable): nothing more can be recorded.
            log.error("Analytics run {} could not be recorded", runId, e);
        } finally {
            duration.stop(metrics.timer("tadafor.analytics.runs", "status", status));
        }
    }

    /** Before the warehouse closes (this bean depends on it): the refresh ends before its connections go. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        worker.shutdownNow();
        refresh.cancel();
        if (!worker.awaitTermination(60, TimeUnit.SECONDS)) {
            log.warn("The analytics refresh did not stop within 60 s of the shutdown");
        }
    }
}
