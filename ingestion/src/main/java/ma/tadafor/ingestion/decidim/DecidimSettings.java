package ma.tadafor.ingestion.decidim;

import java.time.Duration;

/**
 * How a Decidim instance is called.
 *
 * @param requestsPerMinute at most this many requests per minute to one instance (Decidim's default
 *                          rack-attack throttle allows about 100)
 * @param pageSize          nodes asked per connection page
 * @param timeout           connect and read timeout
 * @param maxAttempts       attempts of one request on transient failures
 * @param initialBackoff    first wait after a transient failure, doubled each time
 * @param maxRetryAfter     the longest {@code Retry-After} honoured on a 429
 */
public record DecidimSettings(int requestsPerMinute, int pageSize, Duration timeout, int maxAttempts,
                              Duration initialBackoff, Duration maxRetryAfter) {

    public static DecidimSettings defaults() {
        return new DecidimSettings(100, 50, Duration.ofSeconds(30), 5, Duration.ofMillis(500), Duration.ofMinutes(2));
    }
}
