package ma.tadafor.dashboard.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.dashboard.committee.Committees;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.report.MeetingBriefJob;
import ma.tadafor.dashboard.report.ReportProperties;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.committee.CommitteeStore;
import ma.tadafor.data.committee.MeetingBriefStore;
import ma.tadafor.data.mail.OutboxStore;
import ma.tadafor.data.mail.SubscriptionStore;
import ma.tadafor.data.mart.IndicatorQueries;
import ma.tadafor.data.quality.LatePortals;
import ma.tadafor.data.territory.TerritoryQueries;
import ma.tadafor.data.user.UserStore;

/**
 * Mail's parts and its two schedules: every {@code send-every} the outbox is sent; on
 * {@code schedule} (daily) the briefs, reminders and alerts due are queued, then sent. Without an
 * SMTP server ({@code spring.mail.host}, or the demo's own) messages are queued and kept.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    /** Morocco's clock: "two weeks before a meeting" and due dates are its days. */
    private static final Clock CLOCK = Clock.system(Committees.ZONE);

    @Bean
    OutboxStore outboxStore(HikariDataSource warehouse) {
        return new OutboxStore(warehouse);
    }

    @Bean
    SubscriptionStore subscriptionStore(HikariDataSource warehouse) {
        return new SubscriptionStore(warehouse);
    }

    @Bean
    Recipients mailRecipients(CommitteeStore committees, SubscriptionStore subscriptions, UserStore users) {
        return new Recipients(committees, subscriptions, users);
    }

    @Bean
    BriefMailing briefMailing(MeetingBriefStore meetings, MeetingBriefJob briefs, TerritoryQueries territories,
                              Recipients recipients, OutboxStore outbox, Wording wording, MailProperties properties,
                              ReportProperties reports) {
        return new BriefMailing(meetings, briefs, territories, recipients, outbox, wording, properties, reports, CLOCK);
    }

    @Bean
    Reminders reminders(CommitteeStore committees, TerritoryQueries territories, Recipients recipients, OutboxStore outbox,
                        Wording wording, MailProperties properties) {
        return new Reminders(committees, territories, recipients, outbox, wording, properties, CLOCK);
    }

    @Bean
    Alerts alerts(IndicatorQueries indicators, Disclosure disclosure, HikariDataSource warehouse, Recipients recipients,
                  OutboxStore outbox, Wording wording, MailProperties properties) {
        return new Alerts(indicators, disclosure, new LatePortals(warehouse), recipients, outbox, wording, properties, CLOCK);
    }

    /** Sends through the configured SMTP server ({@code spring.mail.*}, or the demo's own), or through none. */
    @Bean
    OutboxSender outboxSender(ObjectProvider<JavaMailSender> smtp, OutboxStore outbox, MailProperties properties) {
        JavaMailSender server = smtp.getIfAvailable();
        if (server == null) {
            log.warn("No SMTP server configured (spring.mail.host): briefs, reminders and alerts are kept in the outbox, "
                    + "unsent, until one is");
        }
        return new OutboxSender(outbox, server, properties, CLOCK);
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler mailScheduler(OutboxSender sender, BriefMailing briefs, Reminders reminders, Alerts alerts,
                                          MailProperties properties) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("mail-");
        scheduler.initialize();
        if (!properties.sendEvery().isZero()) {
            scheduler.scheduleWithFixedDelay(sender::sendDue, Instant.now().plus(properties.sendEvery()), properties.sendEvery());
        }
        if (!"-".equals(properties.schedule())) {
            scheduler.schedule(() -> {
                daily("briefs", briefs::queueDue);
                daily("reminders", reminders::queueDue);
                daily("alerts", alerts::queueDue);
                sender.sendDue();
            }, new CronTrigger(properties.schedule(), Committees.ZONE));
        }
        return scheduler;
    }

    /** One of the day's checks; its failure is logged and leaves the others to run (all are tried again tomorrow). */
    private static void daily(String what, IntSupplier check) {
        try {
            log.info("Mail: {} queued by the daily check of {}", check.getAsInt(), what);
        } catch (RuntimeException e) {
            log.error("Mail: the daily check of {} failed", what, e);
        }
    }
}
