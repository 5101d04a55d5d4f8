package ma.tadafor.data.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ma.tadafor.data.Checksums;

/**
 * Applies the numbered scripts listed in {@code db/migration/migrations.txt}, each in its own
 * transaction, and records them in {@code schema_version}. An applied script that has since been
 * edited stops the upgrade: migrations are append-only.
 */
public final class SchemaMigrator {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final String LOCATION = "db/migration/";
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    private final DataSource dataSource;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static List<Migration> available() {
        List<Migration> migrations = new ArrayList<>();
        for (String fileName : resource("migrations.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            Matcher matcher = FILE_NAME.matcher(fileName);
            if (!matcher.matches()) {
                throw new IllegalStateException("migration file name must look like V001__what.sql: " + fileName);
            }
            int version = Integer.parseInt(matcher.group(1));
            if (version != migrations.size() + 1) {
                throw new IllegalStateException("migrations must be numbered 1, 2, 3… in order; found " + fileName);
            }
            String script = resource(fileName);
            migrations.add(new Migration(version, matcher.group(2).replace('_', ' '), script, Checksums.sha256(script)));
        }
        return List.copyOf(migrations);
    }

    /** Upgrades the warehouse to the newest version; returns how many scripts were applied. */
    public int migrate() {
        return migrateTo(Integer.MAX_VALUE);
    }

    public int migrateTo(int targetVersion) {
        try (Connection connection = dataSource.getConnection()) {
            ensureVersionTable(connection);
            Map<Integer, String> applied = appliedChecksums(connection);
            int count = 0;
            for (Migration migration : available()) {
                String checksum = applied.get(migration.version());
                if (checksum != null) {
                    if (!checksum.equals(migration.checksum())) {
                        throw new IllegalStateException("migration V" + migration.version()
                                + " was edited after it was applied; add a new migration instead");
                    }
                } else if (migration.version() <= targetVersion) {
                    apply(connection, migration);
                    count++;
                }
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("warehouse migration failed: " + e.getMessage(), e);
        }
    }

    public int currentVersion() {
        try (Connection connection = dataSource.getConnection()) {
            ensureVersionTable(connection);
            return appliedChecksums(connection).keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the warehouse version: " + e.getMessage(), e);
        }
    }

    private static void apply(Connection connection, Migration migration) throws SQLException {
        log.info("Applying warehouse migration V{} ({})", migration.version(), migration.description());
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
             PreparedStatement record = connection.prepareStatement(
                     "INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, now())")) {
            statement.execute(migration.script());
            record.setInt(1, migration.version());
            record.setString(2, migration.description());
            record.setString(3, migration.checksum());
            record.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("V" + migration.version() + " (" + migration.description() + "): " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void ensureVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS schema_version (
                        version     INTEGER PRIMARY KEY,
                        description VARCHAR NOT NULL,
                        checksum    VARCHAR NOT NULL,
                        applied_at  TIMESTAMPTZ NOT NULL)""");
        }
    }

    private static Map<Integer, String> appliedChecksums(Connection connection) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, checksum FROM schema_version")) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(2));
            }
        }
        return applied;
    }

    private static String resource(String name) {
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(LOCATION + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + LOCATION + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
