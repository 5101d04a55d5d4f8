package ma.tadafor.dashboard.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class MartCacheTest {

    final MartCache cache = new MartCache(2);
    final AtomicInteger reads = new AtomicInteger();

    @Test
    void anAnswerIsReadOnceUntilTheCacheIsToldOfAChange() {
        assertThat(cache.get("q", this::read)).isEqualTo(1);
        assertThat(cache.get("q", this::read)).isEqualTo(1);

        cache.forget();

        assertThat(cache.get("q", this::read)).isEqualTo(2);
        assertThat(cache.get("q", this::read)).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void anAnswerReadWhileAChangeWasCommittedIsNotKept() {
        // The reader saw the old marts; the swap and its forget() happened before it returned.
        assertThat(cache.get("q", () -> {
            cache.forget();
            return read();
        })).isEqualTo(1);

        assertThat(cache.get("q", this::read)).as("read again, from the new marts").isEqualTo(2);
        assertThat(cache.get("q", this::read)).isEqualTo(2);
    }

    @Test
    void theLeastRecentlyUsedAnswerLeavesFirst() {
        cache.get("a", this::read);
        cache.get("b", this::read);
        cache.get("a", this::read);
        cache.get("c", this::read);

        assertThat(cache.get("a", this::read)).isEqualTo(1);
        assertThat(cache.get("b", this::read)).as("read again").isEqualTo(4);
    }

    @Test
    void aFormOfAKeptAnswerIsDerivedOnceAndForgottenWithIt() {
        AtomicInteger derivations = new AtomicInteger();
        List<String> answer = cache.get("q", () -> List.of("figures"));

        String first = cache.derived(answer, a -> a + "#" + derivations.incrementAndGet());
        assertThat(cache.<String>derived(answer, a -> a + "#" + derivations.incrementAndGet())).isSameAs(first);

        cache.forget();
        assertThat(cache.<String>derived(answer, a -> a + "#" + derivations.incrementAndGet()))
                .as("no longer kept: derived each time").isEqualTo("[figures]#2");
        assertThat(cache.<String>derived(answer, a -> a + "#" + derivations.incrementAndGet())).isEqualTo("[figures]#3");
    }

    @Test
    void anEqualAnswerThatTheCacheDoesNotKeepIsDerivedEachTime() {
        cache.get("q", () -> new ArrayList<>(List.of("figures")));
        List<String> equalButNotKept = new ArrayList<>(List.of("figures"));
        AtomicInteger derivations = new AtomicInteger();

        cache.derived(equalButNotKept, a -> derivations.incrementAndGet());
        cache.derived(equalButNotKept, a -> derivations.incrementAndGet());

        assertThat(derivations).hasValue(2);
    }

    @Test
    void aQuestionAskedByManyAtOnceIsReadOnce() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService askers = Executors.newFixedThreadPool(8);
        try {
            Future<Integer> first = askers.submit(() -> cache.get("q", () -> {
                reading.countDown();
                await(release);
                return read();
            }));
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(askers.submit(() -> cache.get("q", this::read)));
            }
            // Another question is answered meanwhile: only askers of the same one wait.
            assertThat(cache.get("other", () -> 42)).isEqualTo(42);
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            for (Future<Integer> other : others) {
                assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(reads).hasValue(1);
        } finally {
            askers.shutdownNow();
        }
    }

    @Test
    void aFailedReadingFailsItsWaitersAndIsNotKept() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService askers = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> failing = askers.submit(() -> cache.<Integer>get("q", () -> {
                reading.countDown();
                await(release);
                throw new IllegalStateException("warehouse gone");
            }));
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Integer> waiter = askers.submit(() -> cache.get("q", this::read));
            Thread.sleep(100);
            release.countDown();

            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("warehouse gone");
            // The waiter either joined the failed reading or, arriving after it, read for itself.
            try {
                assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e).hasRootCauseMessage("warehouse gone");
            }
            assertThat(cache.get("q", this::read)).as("read again, not kept failed").isPositive();
        } finally {
            askers.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Integer read() {
        return reads.incrementAndGet();
    }
}
