package ma.tadafor.dashboard.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ma.tadafor.data.ingestion.IngestionRunStore;
import ma.tadafor.ingestion.pull.IngestionRuns;

/** A new demo warehouse pulls every demo portal once at start, in the background. */
@Component
@Profile("demo")
@Order(10)
class DemoFirstPull implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFirstPull.class);

    private final IngestionRuns ingestionRuns;
    private final IngestionRunStore runs;

    DemoFirstPull(IngestionRuns ingestionRuns, IngestionRunStore runs) {
        this.ingestionRuns = ingestionRuns;
        this.runs = runs;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!runs.any()) {
            String runId = ingestionRuns.start(List.of(), DemoLaterPulls.TRIGGER);
            log.info("First pull of the demo portals started: run {}", runId);
        }
    }
}
