package ma.tadafor.dashboard.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * Answers read from the marts, kept until the marts are replaced. The marts change only when a
 * refresh swaps them in, and a swap gives each mart table a new identity in DuckDB's catalog: every
 * lookup reads those identities (a catalog query, far cheaper than the marts' scans) and starts
 * afresh when they changed, so an answer is never older than the marts. At most {@code capacity}
 * answers are kept, the least recently used leaving first (API callers choose their own filters).
 */
public class MartCache {

    private static final String VERSION = """
            SELECT string_agg(table_oid::VARCHAR, ',' ORDER BY table_name) FROM duckdb_tables()
            WHERE schema_name = 'main' AND table_name LIKE 'mart\\_%' ESCAPE '\\'""";

    private final DataSource warehouse;
    private final int capacity;
    private final Map<Object, Object> answers;
    private String version;

    public MartCache(DataSource warehouse, int capacity) {
        this.warehouse = warehouse;
        this.capacity = capacity;
        this.answers = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > MartCache.this.capacity;
            }
        };
    }

    /** The answer to {@code key} with the current marts, computed by {@code read} if not kept. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> read) {
        String current = version();
        synchronized (this) {
            if (!current.equals(version)) {
                answers.clear();
                version = current;
            }
            Object kept = answers.get(key);
            if (kept != null) {
                return (T) kept;
            }
        }
        // Read outside the lock: two first callers may both read, and both get the same answer.
        T answer = read.get();
        synchronized (this) {
            if (current.equals(version)) {
                answers.put(key, answer);
            }
        }
        return answer;
    }

    private String version() {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(VERSION)) {
            row.next();
            return String.valueOf(row.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the marts' identity failed: " + e.getMessage(), e);
        }
    }
}
