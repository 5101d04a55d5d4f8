package ma.tadafor.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * Consistent backups of the warehouse while the application writes to it: DuckDB copies the
 * whole database (tables, sequences, job repository) into a new file in one statement, so one
 * transaction's snapshot. The copy is itself a warehouse file: restoring is putting it back.
 */
public final class WarehouseBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DataSource dataSource;
    private final Path folder;
    private final Clock clock;

    public WarehouseBackup(DataSource dataSource, Path folder, Clock clock) {
        this.dataSource = dataSource;
        this.folder = folder;
        this.clock = clock;
    }

    /** A backup on disk: its file and size. */
    public record Backup(Path file, long bytes) {
    }

    public Backup create() {
        Path file = folder.resolve("warehouse-" + LocalDateTime.now(clock).format(STAMP) + ".duckdb").toAbsolutePath();
        try {
            Files.createDirectories(folder);
            if (Files.exists(file)) {
                throw new IllegalStateException("a backup named " + file.getFileName() + " exists already; try again in a second");
            }
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                String database;
                try (ResultSet name = statement.executeQuery("SELECT current_database()")) {
                    name.next();
                    database = name.getString(1);
                }
                statement.execute("ATTACH '" + file.toString().replace("'", "''") + "' AS tadafor_backup");
                try {
                    statement.execute("COPY FROM DATABASE \"" + database + "\" TO tadafor_backup");
                } finally {
                    statement.execute("DETACH tadafor_backup");
                }
            }
            return new Backup(file, Files.size(file));
        } catch (SQLException e) {
            deleteQuietly(file);
            throw new IllegalStateException("the backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("the backup failed: " + e.getMessage(), e);
        }
    }

    /** The backups in the folder, newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches("warehouse-\\d{8}-\\d{6}\\.duckdb"))
                    .sorted((a, b) -> b.getFileName().compareTo(a.getFileName()))
                    .map(file -> new Backup(file.toAbsolutePath(), file.toFile().length()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
        } catch (IOException ignored) {
            // The backup already failed; a leftover partial file is named like a backup and can be removed by hand.
        }
    }
}
