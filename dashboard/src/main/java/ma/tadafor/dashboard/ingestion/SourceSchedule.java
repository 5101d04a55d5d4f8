package ma.tadafor.dashboard.ingestion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceStore;
import ma.tadafor.ingestion.pull.IngestionRuns;

/** Pulls each enabled source on its own cron; rebuilt whenever sources change. */
@Component
class SourceSchedule {

    private static final Logger log = LoggerFactory.getLogger(SourceSchedule.class);

    private final ThreadPoolTaskScheduler scheduler;
    private final SourceStore sources;
    private final IngestionRuns ingestionRuns;
    private final boolean enabled;
    private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();

    SourceSchedule(ThreadPoolTaskScheduler sourceScheduler, SourceStore sources, IngestionRuns ingestionRuns,
                   IngestionProperties properties) {
        this.scheduler = sourceScheduler;
        this.sources = sources;
        this.ingestionRuns = ingestionRuns;
        this.enabled = properties.schedule();
    }

    synchronized void refresh() {
        scheduled.values().forEach(future -> future.cancel(false));
        scheduled.clear();
        if (!enabled) {
            return;
        }
        for (Source source : sources.all()) {
            if (source.enabled()) {
                scheduled.put(source.id(), scheduler.schedule(() -> pull(source.id()), new CronTrigger(source.schedule())));
            }
        }
        log.info("{} sources scheduled", scheduled.size());
    }

    private void pull(String sourceId) {
        try {
            ingestionRuns.start(List.of(sourceId), "schedule");
        } catch (RuntimeException e) {
            log.error("Scheduled pull of {} could not start", sourceId, e);
        }
    }
}
