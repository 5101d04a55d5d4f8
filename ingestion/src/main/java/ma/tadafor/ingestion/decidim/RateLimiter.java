package ma.tadafor.ingestion.decidim;

import java.time.Duration;
import java.util.function.LongSupplier;

import ma.tadafor.ingestion.portal.Pause;

/**
 * Spaces requests evenly: at most {@code perMinute} a minute, one every 60 s / perMinute. Even
 * spacing never bursts into a server-side throttle window, which a fixed-window count could.
 */
final class RateLimiter {

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Pause pause;
    private long next = Long.MIN_VALUE;

    RateLimiter(int perMinute, LongSupplier nanoClock, Pause pause) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("requests per minute must be positive: " + perMinute);
        }
        this.intervalNanos = Duration.ofMinutes(1).toNanos() / perMinute;
        this.clock = nanoClock;
        this.pause = pause;
    }

    /** Waits until the next request may go. */
    synchronized void acquire() throws InterruptedException {
        long now = clock.getAsLong();
        if (next != Long.MIN_VALUE && now < next) {
            pause.pause(Duration.ofNanos(next - now));
            now = next;
        }
        next = now + intervalNanos;
    }
}
