package ma.tadafor.dashboard.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.Warehouse;

class MartCacheTest {

    @TempDir
    Path folder;

    HikariDataSource warehouse;
    MartCache cache;
    final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void open() throws Exception {
        warehouse = Warehouse.open(folder.resolve("marts.duckdb"), 2);
        sql("CREATE TABLE mart_participation (n INTEGER)");
        cache = new MartCache(warehouse, 2);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void anAnswerIsReadOnceWhileTheMartsStay() {
        assertThat(cache.get("q", this::read)).isEqualTo(1);
        assertThat(cache.get("q", this::read)).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aSwapOfTheMartsAsARefreshDoesItMakesEveryAnswerReadAgain() throws Exception {
        cache.get("q", this::read);
        // What MartStore.load does: fill the next table, drop the old one, rename.
        sql("CREATE TABLE mart_participation__next AS SELECT * FROM mart_participation");
        sql("DROP TABLE mart_participation");
        sql("ALTER TABLE mart_participation__next RENAME TO mart_participation");

        assertThat(cache.get("q", this::read)).isEqualTo(2);
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

    private Integer read() {
        return reads.incrementAndGet();
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = warehouse.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
