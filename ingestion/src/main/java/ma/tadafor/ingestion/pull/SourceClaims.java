package ma.tadafor.ingestion.pull;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which run is pulling which source right now, so that two runs of the same source never
 * overlap. In memory: the application is the warehouse's only writer, and a process that dies
 * takes its claims with it.
 */
class SourceClaims {

    private final Map<String, String> runBySource = new ConcurrentHashMap<>();

    /** Claims the source for the run; returns the run that already holds it, if another does. */
    Optional<String> claim(String sourceId, String runId) {
        String holder = runBySource.putIfAbsent(sourceId, runId);
        return holder == null || holder.equals(runId) ? Optional.empty() : Optional.of(holder);
    }

    void release(String sourceId, String runId) {
        runBySource.remove(sourceId, runId);
    }

    void releaseRun(String runId) {
        runBySource.values().removeIf(runId::equals);
    }
}
