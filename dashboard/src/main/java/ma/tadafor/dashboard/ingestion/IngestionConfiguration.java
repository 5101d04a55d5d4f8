package ma.tadafor.dashboard.ingestion;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import ma.tadafor.ingestion.pull.IngestionRuns;
import ma.tadafor.ingestion.pull.PortalPullJobConfiguration;
import ma.tadafor.ingestion.pull.PullSettings;

/** Hosts the ingestion module's Spring Batch job in the application. */
@Configuration(proxyBeanMethods = false)
@Import(PortalPullJobConfiguration.class)
class IngestionConfiguration {

    @Bean
    PullSettings pullSettings(IngestionProperties properties) {
        return properties.pullSettings();
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler sourceScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("source-schedule-");
        scheduler.initialize();
        return scheduler;
    }

    /** A process that died mid-pull left runs unfinished: they continue before anything else starts. */
    @Bean
    @Order(0)
    ApplicationRunner resumeInterruptedIngestion(IngestionRuns ingestionRuns, SourceSchedule schedule) {
        return args -> {
            ingestionRuns.resumeInterrupted();
            schedule.refresh();
        };
    }
}
