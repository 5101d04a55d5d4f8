package ma.tadafor.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The warehouse is one DuckDB file owned by one process. Connections of that process share the
 * database instance, so a small pool is enough; anything outside goes through the application.
 */
public final class Warehouse {

    private Warehouse() {
    }

    public static HikariDataSource open(Path file, int maxConnections) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the warehouse folder " + absolute.getParent(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("warehouse");
        config.setJdbcUrl("jdbc:duckdb:" + absolute);
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(1);
        // Timestamps are instants; staging tables carry them as UTC wall-clock values. A larger
        // checkpoint threshold than DuckDB's 16 MB halves the cost of bulk pulls (fewer checkpoints
        // of growing tables) for a few more seconds of WAL replay after a crash.
        config.setConnectionInitSql("SET TimeZone = 'UTC'; SET checkpoint_threshold = '256MB'");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            // The pool opens its first connection here: a file held by another process fails now, by name.
            throw WarehouseUnavailableException.of(absolute, e);
        }
    }
}
