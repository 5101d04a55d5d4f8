package ma.tadafor.dashboard.demo;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import ma.tadafor.data.ingestion.IngestionRun;
import ma.tadafor.ingestion.pull.IngestionRunListener;
import ma.tadafor.ingestion.pull.IngestionRuns;

/**
 * The demo's first pull is followed by a few more, each after the portals lived some weeks: the
 * portal feed carries no history, so the petitions' durations between stages exist only once
 * ingestion has seen them move.
 */
@Component
@Profile("demo")
class DemoLaterPulls implements IngestionRunListener {

    static final String TRIGGER = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoLaterPulls.class);

    private final DemoPortals portals;
    private final IngestionRuns ingestionRuns;
    private final DemoProperties demo;
    private final AtomicInteger left;

    DemoLaterPulls(DemoPortals portals, IngestionRuns ingestionRuns, DemoProperties demo) {
        this.portals = portals;
        this.ingestionRuns = ingestionRuns;
        this.demo = demo;
        this.left = new AtomicInteger(demo.laterPulls());
    }

    @Override
    public void ingestionFinished(IngestionRun run) {
        if (!run.trigger().equals(TRIGGER) || left.getAndDecrement() <= 0) {
            return;
        }
        long steps = portals.passDays(demo.daysBetweenPulls());
        String runId = ingestionRuns.start(List.of(), TRIGGER);
        log.info("The demo portals lived {} more days ({} petition steps); pulled again: run {}",
                demo.daysBetweenPulls(), steps, runId);
    }
}
