package ma.tadafor.ingestion.portal;

import java.time.Duration;

/**
 * How the connector treats a commune portal on a weak link.
 *
 * @param connectTimeout      to open a connection
 * @param readTimeout         to receive a whole answer
 * @param pageSize            items asked per page (1–1000)
 * @param maxAttempts         attempts per page on transient failures (timeouts, resets, 5xx, bodies that are not a page)
 * @param initialBackoff      wait after the first transient failure, doubled after each next one
 * @param maxBackoff          the longest wait between two attempts
 * @param maxThrottledRetries how many 429 answers a page may get before the source fails
 * @param maxRetryAfter       the longest {@code Retry-After} honoured; longer ones are cut to it
 * @param maxPageBytes        an answer larger than this is not read (a broken portal may send anything)
 */
public record PortalClientSettings(
        Duration connectTimeout,
        Duration readTimeout,
        int pageSize,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxThrottledRetries,
        Duration maxRetryAfter,
        long maxPageBytes) {

    public static PortalClientSettings defaults() {
        return new PortalClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), 1000, 5, Duration.ofMillis(500),
                Duration.ofSeconds(30), 10, Duration.ofMinutes(2), 64L * 1024 * 1024);
    }

    public PortalClientSettings {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be from 1 to 1000: " + pageSize);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }
}
