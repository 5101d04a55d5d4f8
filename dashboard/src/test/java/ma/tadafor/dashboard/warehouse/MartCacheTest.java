package ma.tadafor.dashboard.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

    private Integer read() {
        return reads.incrementAndGet();
    }
}
