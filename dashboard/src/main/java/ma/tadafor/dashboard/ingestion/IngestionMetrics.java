package ma.tadafor.dashboard.ingestion;

import java.time.Duration;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ma.tadafor.data.ingestion.IngestionRun;
import ma.tadafor.data.ingestion.SourceRun;
import ma.tadafor.ingestion.pull.IngestionRunListener;

/**
 * Each ended ingestion run as metrics: the items its sources read, applied (inserted, updated,
 * deleted) and set aside, and how long it took, by how it ended.
 */
@Component
class IngestionMetrics implements IngestionRunListener {

    private static final Map<String, ToLongFunction<SourceRun>> OUTCOMES = Map.of("read", SourceRun::read,
            "inserted", SourceRun::inserted, "updated", SourceRun::updated, "deleted", SourceRun::deleted,
            "quarantined", SourceRun::quarantined);

    private final MeterRegistry metrics;

    IngestionMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
        // Every outcome is there from the start, at zero, so that a rate can be taken before the first run.
        OUTCOMES.keySet().forEach(this::items);
    }

    @Override
    public void ingestionFinished(IngestionRun run) {
        OUTCOMES.forEach((outcome, count) -> items(outcome).increment(run.sources().stream().mapToLong(count).sum()));
        if (run.startedAt() != null && run.finishedAt() != null) {
            metrics.timer("tadafor.ingestion.runs", "status", run.status())
                    .record(Duration.between(run.startedAt(), run.finishedAt()));
        }
    }

    private Counter items(String outcome) {
        return metrics.counter("tadafor.ingestion.items", "outcome", outcome);
    }
}
