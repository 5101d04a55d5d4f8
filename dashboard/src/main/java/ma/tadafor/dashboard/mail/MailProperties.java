package ma.tadafor.dashboard.mail;

import java.net.URI;
import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the platform sends and how it retries (docs/MAIL.md). The SMTP server itself (host, port,
 * TLS, credentials) is Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host} no
 * message leaves, and the outbox keeps them pending until one is configured.
 *
 * @param from           the sender's address, as the From header shows it
 * @param sendEvery      how often the outbox is sent; 0 turns the sender off (the tests drive it)
 * @param maxAttempts    attempts at one message before it is given up as FAILED
 * @param firstRetry     the wait after a first failed attempt; doubled after each further one
 * @param maxRetry       the longest wait between two attempts
 * @param schedule       when briefs, reminders and alerts due are queued (cron, Morocco's time); "-" turns it off
 * @param reminderWindow a recommendation falling due within this is reminded
 * @param baseUrl        the platform's address as its users reach it, for links in the messages (none when unset)
 */
@ConfigurationProperties("tadafor.mail")
public record MailProperties(
        @DefaultValue("Observatoire Tadafor <observatoire@tadafor.invalid>") String from,
        @DefaultValue("30s") Duration sendEvery,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("6h") Duration maxRetry,
        @DefaultValue("0 0 7 * * *") String schedule,
        @DefaultValue("14d") Period reminderWindow,
        URI baseUrl) {

    /** The wait before the attempt after {@code attempts} failed ones: doubling, within {@code maxRetry}. */
    Duration backoff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    /** A link to a page of the platform, or empty when its address is not configured. */
    String link(String path) {
        return baseUrl == null ? "" : baseUrl.toString().replaceAll("/+$", "") + path;
    }
}
