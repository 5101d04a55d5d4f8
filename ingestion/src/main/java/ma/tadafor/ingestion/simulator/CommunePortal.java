package ma.tadafor.ingestion.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** One commune's simulated portal: its token, forced failure, request counters and feed, materialised on first use. */
final class CommunePortal {

    private final String code;
    private final String token;
    private final SimulatorSettings.CommuneFailure failure;
    private final Supplier<CommuneFeed> materialise;
    private final AtomicLong requests = new AtomicLong();
    private final Map<Integer, LongAdder> answered = new ConcurrentHashMap<>();
    private volatile CommuneFeed feed;

    /** @param failure null when the commune answers normally */
    CommunePortal(String code, String token, SimulatorSettings.CommuneFailure failure,
            Supplier<CommuneFeed> materialise) {
        this.code = code;
        this.token = token;
        this.failure = failure;
        this.materialise = materialise;
    }

    String code() {
        return code;
    }

    String token() {
        return token;
    }

    /** The number of this request among the commune's, from 0: what its faults are drawn from. */
    long nextRequest() {
        return requests.getAndIncrement();
    }

    /** The status the commune is forced to answer request {@code number}, or 0 when it is not. */
    int forcedStatus(long number) {
        return failure != null && number < failure.requests() ? failure.status() : 0;
    }

    void count(int status) {
        answered.computeIfAbsent(status, key -> new LongAdder()).increment();
    }

    long requests() {
        return requests.get();
    }

    long answered(int status) {
        LongAdder count = answered.get(status);
        return count == null ? 0 : count.sum();
    }

    CommuneFeed feed() {
        CommuneFeed materialised = feed;
        if (materialised == null) {
            synchronized (this) {
                materialised = feed;
                if (materialised == null) {
                    materialised = materialise.get();
                    feed = materialised;
                }
            }
        }
        return materialised;
    }
}
