package ma.tadafor.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The throttle's arithmetic and its atomicity, without an application around it. */
class SignInThrottleTest {

    private Instant now = Instant.parse("2024-03-01T09:00:00Z");
    private final InstantSource clock = () -> now;
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInProperties.Throttle(3, 10, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(15)), clock);

    @Test
    void anAccountWaitsAfterItsFreeAttemptsWithDelaysThatDoubleUpToTheCeiling() {
        fail("enabel", "10.0.0.1");
        fail("enabel", "10.0.0.2");
        List<SignInThrottle.Throttling> started = throttle.failed(throttle.admit("enabel", "10.0.0.3"));

        assertThat(started).extracting(SignInThrottle.Throttling::key).containsExactly("account enabel");
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long wait = refusedFor("enabel", "10.0.0.4");
            waits.add(wait);
            now = now.plusSeconds(wait);
            fail("enabel", "10.0.0.4");
        }
        assertThat(waits).containsExactly(1L, 2L, 4L, 5L, 5L);
    }

    @Test
    void anAddressWaitsAfterGuessingAtManyAccounts() {
        for (int i = 0; i < 10; i++) {
            fail("user-" + i, "203.0.113.9");
        }

        assertThat(refusedFor("someone-else", "203.0.113.9")).isEqualTo(1);
        throttle.succeeded(throttle.admit("someone-else", "198.51.100.1"));
    }

    @Test
    void theRightPasswordForgetsTheAccountsFailuresButNotTheAddresss() {
        SignInThrottle strict = new SignInThrottle(new SignInProperties.Throttle(3, 3, Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofMinutes(15)), clock);
        strict.failed(strict.admit("dgct", "10.0.0.1"));
        strict.failed(strict.admit("dgct", "10.0.0.1"));
        strict.succeeded(strict.admit("dgct", "10.0.0.1"));

        List<SignInThrottle.Throttling> started = strict.failed(strict.admit("dgct", "10.0.0.1"));

        assertThat(started).extracting(SignInThrottle.Throttling::key).containsExactly("address 10.0.0.1");
        assertThatThrownBy(() -> strict.admit("admin", "10.0.0.1")).isInstanceOf(SignInThrottledException.class);
        strict.succeeded(strict.admit("dgct", "10.0.0.2"));
    }

    @Test
    void failuresAreForgottenAfterAWhile() {
        fail("enabel", "10.0.0.1");
        fail("enabel", "10.0.0.1");
        now = now.plus(Duration.ofMinutes(16));
        fail("enabel", "10.0.0.1");
        fail("enabel", "10.0.0.1");

        throttle.succeeded(throttle.admit("enabel", "10.0.0.1"));
    }

    @Test
    void parallelAttemptsGetNoMoreChecksThanTheFreeAttempts() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                attempts.add(threads.submit(() -> {
                    start.await();
                    try {
                        SignInThrottle.Admission admission = throttle.admit("admin", "203.0.113.9");
                        checks.incrementAndGet();
                        Thread.sleep(50);
                        throttle.failed(admission);
                        return true;
                    } catch (SignInThrottledException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int checked = 0;
            for (Future<Boolean> attempt : attempts) {
                checked += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(checked).isEqualTo(3);
            assertThat(checks).hasValue(3);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aDelayAboveAMinuteIsRefusedAtStart() {
        assertThatThrownBy(() -> new SignInProperties.Throttle(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofMinutes(15))).hasMessageContaining("max-delay");
    }

    private void fail(String account, String address) {
        throttle.failed(throttle.admit(account, address));
    }

    private long refusedFor(String account, String address) {
        try {
            throttle.admit(account, address);
        } catch (SignInThrottledException e) {
            return e.retryAfterSeconds();
        }
        throw new AssertionError(account + " from " + address + " was admitted");
    }
}
