package ma.tadafor.data.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import ma.tadafor.data.Rows;

/** What each user chose to receive by mail ({@code mail_subscription}). */
public final class SubscriptionStore {

    private final DataSource dataSource;

    public SubscriptionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Subscription> find(String username) {
        return read("WHERE s.username = ?", List.of(username)).stream().findFirst();
    }

    /** Every subscription of an enabled user. */
    public List<Subscription> all() {
        return read("", List.of());
    }

    public void save(Subscription subscription, Instant now) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO mail_subscription VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (username) DO UPDATE SET email = excluded.email, lang = excluded.lang,
                    briefs = excluded.briefs, reminders = excluded.reminders, alerts = excluded.alerts,
                    updated_at = excluded.updated_at""")) {
            upsert.setString(1, subscription.username());
            upsert.setString(2, subscription.email());
            upsert.setString(3, subscription.lang());
            upsert.setBoolean(4, subscription.briefs());
            upsert.setBoolean(5, subscription.reminders());
            upsert.setBoolean(6, subscription.alerts());
            upsert.setObject(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("saving the subscription of " + subscription.username() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private List<Subscription> read(String where, List<Object> parameters) {
        List<Subscription> subscriptions = new ArrayList<>();
        Rows.each(dataSource, """
                SELECT s.username, s.email, s.lang, s.briefs, s.reminders, s.alerts
                FROM mail_subscription s JOIN app_user u ON u.username = s.username AND u.enabled
                %s ORDER BY s.username""".formatted(where), parameters,
                row -> subscriptions.add(new Subscription(row.getString(1), row.getString(2), row.getString(3),
                        row.getBoolean(4), row.getBoolean(5), row.getBoolean(6))), "reading mail subscriptions");
        return subscriptions;
    }
}
