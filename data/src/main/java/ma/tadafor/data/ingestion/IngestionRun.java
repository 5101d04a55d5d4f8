package ma.tadafor.data.ingestion;

import java.time.Instant;
import java.util.List;

/** One ingestion run over one or more sources; {@code status}: RUNNING, COMPLETED or FAILED. */
public record IngestionRun(String runId, String trigger, String status, Instant startedAt, Instant finishedAt,
                           List<SourceRun> sources) {

    public IngestionRun {
        sources = List.copyOf(sources);
    }
}
