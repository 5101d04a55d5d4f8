package ma.tadafor.ingestion.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import ma.tadafor.data.ingestion.IngestionRun;
import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceRun;
import ma.tadafor.data.ingestion.SourceStore;
import ma.tadafor.data.ingestion.SourceType;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;
import ma.tadafor.ingestion.simulator.FeedCounts;
import ma.tadafor.ingestion.simulator.PortalSimulator;
import ma.tadafor.ingestion.simulator.SimulatorSettings;

/**
 * Many sources in few lanes, as at national scale: chunks carry several sources, yet each source
 * gets its own report and watermark, and one that fails does not stop those after it in its lane.
 */
class SourceLanesTest {

    private static final List<DemoCommune> COMMUNES = ProgrammeCommunes.all().subList(0, 12);

    @TempDir
    Path folder;

    private PortalSimulator simulator;
    private AnnotationConfigApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void twelveSourcesInTwoLanesEachGetTheirReportAndWatermarkAroundOneThatFails() {
        DemoCommune down = COMMUNES.get(5);
        simulator = PortalSimulator.start(SimulatorSettings.builder().seed(31).scale(0.1).tombstoneRate(0.03)
                .malformedItemRate(0.02).down(down.code(), 503).build(), COMMUNES);
        PullSettings twoLanes = IngestionContext.fastRetries(100);
        context = IngestionContext.open(folder.resolve("warehouse.duckdb"),
                new PullSettings(2, twoLanes.chunkSize(), Duration.ofMinutes(5), twoLanes.portal()));
        SourceStore sources = context.getBean(SourceStore.class);
        for (DemoCommune commune : COMMUNES) {
            sources.save(new Source(commune.code(), SourceType.PORTAL_FEED, commune.code(), simulator.baseUrl(commune.code()),
                    simulator.token(commune.code()), "0 0 2 * * *", true));
        }
        IngestionRuns ingestion = context.getBean(IngestionRuns.class);

        IngestionRun run = IngestionContext.finished(ingestion, ingestion.start(List.of(), "test"));

        assertThat(count("SELECT count(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'pullLane:%'"))
                .as("one step execution a lane, not a source").isEqualTo(2);
        assertThat(count("SELECT sum(COMMIT_COUNT) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'pullLane:%'"))
                .as("chunks carry several small sources, some a source's first entries and another's last")
                .isBetween(3L, COMMUNES.size() - 1L);
        assertThat(run.status()).isEqualTo("FAILED");
        Map<String, SourceRun> bySource = run.sources().stream().collect(Collectors.toMap(SourceRun::sourceId, Function.identity()));
        assertThat(bySource).hasSize(COMMUNES.size());
        assertThat(bySource.get(down.code()).status()).isEqualTo("FAILED");
        assertThat(bySource.get(down.code()).error()).contains("503").contains("gave up after 4 attempts");
        assertThat(count("SELECT count(*) FROM watermark WHERE source_id = '" + down.code() + "'")).isZero();
        for (DemoCommune commune : COMMUNES) {
            if (commune == down) {
                continue;
            }
            FeedCounts feed = simulator.counts(commune.code());
            SourceRun source = bySource.get(commune.code());
            assertThat(source.status()).as(commune.code()).isEqualTo("COMPLETED");
            assertThat(source.read()).as(commune.code()).isEqualTo(feed.items() + feed.withdrawn());
            assertThat(source.inserted()).as(commune.code()).isEqualTo(feed.items() - feed.malformed());
            assertThat(source.quarantined()).as(commune.code()).isEqualTo(feed.malformed());
            assertThat(source.startedAt()).as(commune.code()).isNotNull();
            assertThat(source.finishedAt()).as(commune.code()).isNotNull();
            assertThat(count("SELECT count(*) FROM participation_cell WHERE source_id = '" + commune.code() + "'"))
                    .as(commune.code()).isEqualTo(feed.cells());
            assertThat(count("SELECT count(*) FROM watermark WHERE source_id = '" + commune.code() + "'"))
                    .as(commune.code()).isEqualTo(1);
        }
    }

    private long count(String sql) {
        return IngestionContext.count(context, sql);
    }
}
