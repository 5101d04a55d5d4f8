package ma.tadafor.data.ingestion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/** The portal sources, as data that administrators change. */
public final class SourceStore {

    private static final String COLUMNS = "id, type, commune_code, base_url, token, schedule, enabled";

    private final DataSource dataSource;

    public SourceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Source> all() {
        return query("SELECT " + COLUMNS + " FROM source ORDER BY id");
    }

    public Optional<Source> find(String id) {
        return query("SELECT " + COLUMNS + " FROM source WHERE id = ?", id).stream().findFirst();
    }

    /** Creates the source, or replaces the one with the same id. */
    public void save(Source source) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO source (%s, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, now())
                     ON CONFLICT (id) DO UPDATE SET type = excluded.type, commune_code = excluded.commune_code,
                         base_url = excluded.base_url, token = excluded.token, schedule = excluded.schedule,
                         enabled = excluded.enabled""".formatted(COLUMNS))) {
            statement.setString(1, source.id());
            statement.setString(2, source.type().name());
            statement.setString(3, source.communeCode());
            statement.setString(4, source.baseUrl());
            statement.setString(5, source.token());
            statement.setString(6, source.schedule());
            statement.setBoolean(7, source.enabled());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("saving source " + source.id() + " failed: " + e.getMessage(), e);
        }
    }

    /** Removes the source; the activity it brought stays, attributed to it. */
    public boolean delete(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("DELETE FROM source WHERE id = ?")) {
            statement.setString(1, id);
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("deleting source " + id + " failed: " + e.getMessage(), e);
        }
    }

    private List<Source> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Source> sources = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sources.add(new Source(rows.getString(1), SourceType.valueOf(rows.getString(2)), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getBoolean(7)));
                }
            }
            return sources;
        } catch (SQLException e) {
            throw new IllegalStateException("reading sources failed: " + e.getMessage(), e);
        }
    }
}
