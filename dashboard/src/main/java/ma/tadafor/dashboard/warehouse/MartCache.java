package ma.tadafor.dashboard.warehouse;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers read from the marts (and the results framework shown beside them), kept until what they
 * were read from changes. This application owns the warehouse, and the two writers of that data
 * tell the cache: a refresh after it swapped the marts in, the framework's store after each change
 * of a target, a comment or a definition. Pages and the API then answer from memory, with no query
 * at all, until the next change. At most {@code capacity} answers are kept, the least recently used
 * leaving first (API callers choose their own filters). A kept answer may also keep one form derived
 * from it (its JSON, gzipped), so that a page's data is serialised once, not on each request.
 * A question not kept is read once however many ask it at the same time: the others wait for that
 * reading, so that fifty users opening a page after a refresh cost one reading, not fifty competing
 * for the warehouse's connections.
 */
public class MartCache {

    private static final Object NOT_DERIVED = new Object();

    private final int capacity;
    private final Map<Object, Object> answers;
    /** Every answer kept, by its identity, with the form derived from it or {@link #NOT_DERIVED}. */
    private final Map<Object, Object> derived = new IdentityHashMap<>();
    /** The readings under way, by question: who asks the same waits for it. */
    private final Map<Object, CompletableFuture<Object>> reading = new HashMap<>();
    private long generation;

    public MartCache(int capacity) {
        this.capacity = capacity;
        this.answers = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                boolean full = size() > MartCache.this.capacity;
                if (full) {
                    derived.remove(eldest.getValue());
                }
                return full;
            }
        };
    }

    /** The answer to {@code key} with the current marts, computed by {@code read} if not kept. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> read) {
        long readFrom;
        CompletableFuture<Object> underWay;
        CompletableFuture<Object> mine = null;
        synchronized (this) {
            Object kept = answers.get(key);
            if (kept != null) {
                return (T) kept;
            }
            readFrom = generation;
            underWay = reading.get(key);
            if (underWay == null) {
                mine = new CompletableFuture<>();
                reading.put(key, mine);
            }
        }
        if (mine == null) {
            return (T) awaited(underWay);
        }
        // Read outside the lock: other questions are answered meanwhile.
        T answer;
        try {
            answer = read.get();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                reading.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
        synchronized (this) {
            reading.remove(key, mine);
            // An answer read while the marts were swapped or the framework changed may be the old one.
            if (readFrom == generation) {
                answers.put(key, answer);
                derived.putIfAbsent(answer, NOT_DERIVED);
            }
        }
        mine.complete(answer);
        return answer;
    }

    /** The answer of a reading under way, or its failure as the reader had it. */
    private static Object awaited(CompletableFuture<Object> reading) {
        try {
            return reading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * The form of {@code answer} made by {@code derive}: made once and kept with the answer if this cache
     * keeps it (the very object {@link #get} returned), else made anew.
     */
    @SuppressWarnings("unchecked")
    public <F> F derived(Object answer, Function<Object, F> derive) {
        Object kept;
        synchronized (this) {
            kept = derived.get(answer);
        }
        if (kept != null && kept != NOT_DERIVED) {
            return (F) kept;
        }
        F form = derive.apply(answer);
        if (kept == NOT_DERIVED) {
            synchronized (this) {
                // Only if still kept (not forgotten nor pushed out meanwhile).
                derived.replace(answer, NOT_DERIVED, form);
            }
        }
        return form;
    }

    /** Drops every answer kept: call it once a change of what they were read from is committed. */
    public synchronized void forget() {
        answers.clear();
        derived.clear();
        // Readings under way finish for those who wait on them, but a later question reads anew.
        reading.clear();
        generation++;
    }
}
