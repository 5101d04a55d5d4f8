package ma.tadafor.data.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Users and their territorial scope, as the warehouse keeps them. Whoever keeps what a user may do
 * is told once a change of it is committed ({@code changed}): a new role or scope, a disabled
 * account. Failed sign-ins are not kept here (the dashboard throttles them in memory): the columns
 * {@code failed_attempts} and {@code locked_until} of {@code app_user} are no longer read.
 */
public final class UserStore {

    private final DataSource dataSource;
    private final Runnable changed;

    public UserStore(DataSource dataSource) {
        this(dataSource, () -> { });
    }

    public UserStore(DataSource dataSource, Runnable changed) {
        this.dataSource = dataSource;
        this.changed = changed;
    }

    public Optional<UserAccount> find(String username) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement user = connection.prepareStatement("""
                     SELECT username, display_name, role, password_hash, enabled FROM app_user WHERE username = ?""");
             PreparedStatement scope = connection.prepareStatement(
                     "SELECT level, territory_code FROM user_scope WHERE username = ?")) {
            user.setString(1, username);
            scope.setString(1, username);
            try (ResultSet row = user.executeQuery(); ResultSet scopes = scope.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Map<String, Set<String>> codes = Map.of("region", new HashSet<>(), "province", new HashSet<>(),
                        "commune", new HashSet<>());
                while (scopes.next()) {
                    codes.get(scopes.getString(1)).add(scopes.getString(2));
                }
                return Optional.of(new UserAccount(row.getString(1), row.getString(2), UserRole.valueOf(row.getString(3)),
                        row.getString(4), row.getBoolean(5), codes.get("region"), codes.get("province"), codes.get("commune")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading user " + username + " failed: " + e.getMessage(), e);
        }
    }

    /** Every user, by name. */
    public List<UserAccount> all() {
        List<String> usernames = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT username FROM app_user ORDER BY username");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                usernames.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing users failed: " + e.getMessage(), e);
        }
        return usernames.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** Creates or replaces the user and their scope in one transaction. */
    public void save(UserAccount account) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement user = connection.prepareStatement("""
                    INSERT INTO app_user (username, display_name, role, password_hash, enabled, created_at)
                    VALUES (?, ?, ?, ?, ?, now())
                    ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                        password_hash = excluded.password_hash, enabled = excluded.enabled""");
                 PreparedStatement clear = connection.prepareStatement("DELETE FROM user_scope WHERE username = ?");
                 PreparedStatement scope = connection.prepareStatement("INSERT INTO user_scope VALUES (?, ?, ?)")) {
                user.setString(1, account.username());
                user.setString(2, account.displayName());
                user.setString(3, account.role().name());
                user.setString(4, account.passwordHash());
                user.setBoolean(5, account.enabled());
                user.executeUpdate();
                clear.setString(1, account.username());
                clear.executeUpdate();
                for (var level : Map.of("region", account.regions(), "province", account.provinces(),
                        "commune", account.communes()).entrySet()) {
                    for (String code : level.getValue()) {
                        scope.setString(1, account.username());
                        scope.setString(2, level.getKey());
                        scope.setString(3, code);
                        scope.addBatch();
                    }
                }
                scope.executeBatch();
                connection.commit();
                changed.run();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("saving user " + account.username() + " failed: " + e.getMessage(), e);
        }
    }
}
