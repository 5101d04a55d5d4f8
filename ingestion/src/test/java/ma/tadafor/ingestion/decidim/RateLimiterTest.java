package ma.tadafor.ingestion.decidim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(0);
    private final List<Duration> waits = new ArrayList<>();
    private final RateLimiter limiter = new RateLimiter(100, now::get, wait -> {
        waits.add(wait);
        now.addAndGet(wait.toNanos());
    });

    @Test
    void aHundredAMinuteSpacesRequests600MillisecondsApart() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            limiter.acquire();
        }

        assertThat(waits).containsExactly(Duration.ofMillis(600), Duration.ofMillis(600), Duration.ofMillis(600));
        assertThat(now.get()).isEqualTo(Duration.ofMillis(1800).toNanos());
    }

    @Test
    void timeAlreadySpentElsewhereCountsTowardsTheSpacing() throws InterruptedException {
        limiter.acquire();
        now.addAndGet(Duration.ofMillis(450).toNanos());
        limiter.acquire();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        limiter.acquire();

        assertThat(waits).containsExactly(Duration.ofMillis(150));
    }
}
