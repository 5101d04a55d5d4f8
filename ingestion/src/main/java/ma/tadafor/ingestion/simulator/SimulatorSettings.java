package ma.tadafor.ingestion.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the portal simulator serves and misbehaves. Every fault is drawn from {@code seed}, so a run
 * is reproducible: the request faults (resets, 429, 503, HTML pages) are exclusive shares of each
 * commune's requests, drawn from the request's number; malformed items and tombstones are shares
 * of the items, drawn from their ids.
 *
 * @param port 0 for an ephemeral port
 * @param threads the bounded pool that answers requests
 * @param latency added before every answer
 * @param retryAfterSeconds sent with every 429
 * @param changeWhilePagingRate share of pages after which a few items just served get a new version
 * @param tokens per-commune tokens replacing the default of {@link PortalSimulator#token}
 * @param failures per-commune forced answers, checked before anything else
 */
public record SimulatorSettings(
        long seed,
        double scale,
        int port,
        int threads,
        Duration latency,
        double resetRate,
        double tooManyRequestsRate,
        int retryAfterSeconds,
        double unavailableRate,
        double htmlRate,
        double malformedItemRate,
        double changeWhilePagingRate,
        double tombstoneRate,
        Map<String, String> tokens,
        Map<String, CommuneFailure> failures) {

    public SimulatorSettings {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite: " + scale);
        }
        if (port < 0 || port > 65_535 || threads < 1 || latency.isNegative() || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("port, threads, latency or Retry-After out of range");
        }
        for (double rate : new double[] {resetRate, tooManyRequestsRate, unavailableRate, htmlRate,
                malformedItemRate, changeWhilePagingRate, tombstoneRate}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("rates are between 0 and 1: " + rate);
            }
        }
        if (resetRate + tooManyRequestsRate + unavailableRate + htmlRate > 1) {
            throw new IllegalArgumentException("the request fault rates add up to more than 1");
        }
        tokens = Map.copyOf(tokens);
        failures = Map.copyOf(failures);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder().seed(seed).scale(scale).port(port).threads(threads).latency(latency)
                .resetRate(resetRate).tooManyRequests(tooManyRequestsRate, retryAfterSeconds)
                .unavailableRate(unavailableRate).htmlRate(htmlRate).malformedItemRate(malformedItemRate)
                .changeWhilePagingRate(changeWhilePagingRate).tombstoneRate(tombstoneRate);
        builder.tokens.putAll(tokens);
        builder.failures.putAll(failures);
        return builder;
    }

    /** A commune's first {@code requests} requests are answered {@code status}, whatever they ask. */
    public record CommuneFailure(long requests, int status) {

        public CommuneFailure {
            if (requests < 0 || status < 400 || status > 599) {
                throw new IllegalArgumentException("a failure is a 4xx or 5xx answer to a number of requests");
            }
        }
    }

    /** Starts from a well-behaved portal: seed 42, scale 1, ephemeral port, no latency, no fault. */
    public static final class Builder {

        private long seed = 42;
        private double scale = 1;
        private int port;
        private int threads = 8;
        private Duration latency = Duration.ZERO;
        private double resetRate;
        private double tooManyRequestsRate;
        private int retryAfterSeconds = 1;
        private double unavailableRate;
        private double htmlRate;
        private double malformedItemRate;
        private double changeWhilePagingRate;
        private double tombstoneRate;
        private final Map<String, String> tokens = new HashMap<>();
        private final Map<String, CommuneFailure> failures = new HashMap<>();

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder scale(double scale) {
            this.scale = scale;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder latency(Duration latency) {
            this.latency = Objects.requireNonNull(latency);
            return this;
        }

        public Builder resetRate(double rate) {
            this.resetRate = rate;
            return this;
        }

        public Builder tooManyRequests(double rate, int retryAfterSeconds) {
            this.tooManyRequestsRate = rate;
            this.retryAfterSeconds = retryAfterSeconds;
            return this;
        }

        public Builder unavailableRate(double rate) {
            this.unavailableRate = rate;
            return this;
        }

        public Builder htmlRate(double rate) {
            this.htmlRate = rate;
            return this;
        }

        public Builder malformedItemRate(double rate) {
            this.malformedItemRate = rate;
            return this;
        }

        public Builder changeWhilePagingRate(double rate) {
            this.changeWhilePagingRate = rate;
            return this;
        }

        public Builder tombstoneRate(double rate) {
            this.tombstoneRate = rate;
            return this;
        }

        public Builder token(String communeCode, String token) {
            tokens.put(communeCode, token);
            return this;
        }

        /** The commune's first {@code requests} requests are answered {@code status} (e.g. 503 then success). */
        public Builder failFirst(String communeCode, long requests, int status) {
            failures.put(communeCode, new CommuneFailure(requests, status));
            return this;
        }

        /** The commune answers {@code status} to every request (a source down, or revoked with 401). */
        public Builder down(String communeCode, int status) {
            return failFirst(communeCode, Long.MAX_VALUE, status);
        }

        public SimulatorSettings build() {
            return new SimulatorSettings(seed, scale, port, threads, latency, resetRate, tooManyRequestsRate,
                    retryAfterSeconds, unavailableRate, htmlRate, malformedItemRate, changeWhilePagingRate,
                    tombstoneRate, tokens, failures);
        }
    }
}
