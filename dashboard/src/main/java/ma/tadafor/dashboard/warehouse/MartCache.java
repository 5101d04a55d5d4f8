package ma.tadafor.dashboard.warehouse;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
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
 */
public class MartCache {

    private static final Object NOT_DERIVED = new Object();

    private final int capacity;
    private final Map<Object, Object> answers;
    /** Every answer kept, by its identity, with the form derived from it or {@link #NOT_DERIVED}. */
    private final Map<Object, Object> derived = new IdentityHashMap<>();
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
        synchronized (this) {
            Object kept = answers.get(key);
            if (kept != null) {
                return (T) kept;
            }
            readFrom = generation;
        }
        // Read outside the lock: two first callers may both read, and both get the same answer.
        T answer = read.get();
        synchronized (this) {
            // An answer read while the marts were swapped or the framework changed may be the old one.
            if (readFrom == generation) {
                Object replaced = answers.put(key, answer);
                if (replaced != null && replaced != answer) {
                    derived.remove(replaced);
                }
                derived.putIfAbsent(answer, NOT_DERIVED);
            }
        }
        return answer;
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
        generation++;
    }
}
