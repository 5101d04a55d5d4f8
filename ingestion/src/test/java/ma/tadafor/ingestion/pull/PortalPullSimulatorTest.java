package ma.tadafor.ingestion.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

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

/** The whole job against the portal simulator on 127.0.0.1, with the faults portals really have. */
class PortalPullSimulatorTest {

    private static final List<DemoCommune> COMMUNES = ProgrammeCommunes.all().stream()
            .filter(commune -> commune.code().startsWith("05.091") || commune.code().startsWith("05.081"))
            .limit(3).toList();

    @TempDir
    Path folder;

    private PortalSimulator simulator;
    private AnnotationConfigApplicationContext context;
    private IngestionRuns ingestion;

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
    void everyValidItemArrivesOnceThroughChangesWhilePagingTombstonesAndBadItems() {
        start(SimulatorSettings.builder().seed(7).scale(1).changeWhilePagingRate(0.3).tombstoneRate(0.05)
                .malformedItemRate(0.02).build());

        IngestionRun run = finished(ingestion.start(List.of(), "test"));

        assertThat(run.status()).isEqualTo("COMPLETED");
        for (DemoCommune commune : COMMUNES) {
            FeedCounts feed = simulator.counts(commune.code());
            assertThat(feed.withdrawn()).as("the feed has tombstones").isPositive();
            assertThat(feed.malformed()).as("the feed has bad items").isPositive();
            assertThat(count("SELECT count(*) FROM activity WHERE commune_code = '" + commune.code() + "'"))
                    .isEqualTo(feed.items() - feed.malformed());
            assertThat(count("SELECT count(*) FROM participation_cell c JOIN activity a USING (source_id, item_id) "
                    + "WHERE a.commune_code = '" + commune.code() + "'")).isEqualTo(feed.cells());
            assertThat(count("SELECT count(*) FROM quarantine WHERE source_id = '" + commune.code() + "'"))
                    .isEqualTo(feed.malformed());
        }
        assertThat(count("SELECT count(*) FROM (SELECT source_id, item_id FROM activity GROUP BY ALL HAVING count(*) > 1)"))
                .isZero();
    }

    @Test
    void aReplayedPullChangesNothingAndATouchedItemIsUpdatedOnce() {
        start(SimulatorSettings.builder().seed(8).scale(0.2).build());
        finished(ingestion.start(List.of(), "test"));
        long cells = count("SELECT count(*) FROM participation_cell");

        IngestionRun replay = finished(ingestion.start(List.of(), "test"));
        assertThat(replay.sources()).allSatisfy(source -> {
            assertThat(source.inserted()).isZero();
            assertThat(source.updated()).isZero();
        });
        assertThat(count("SELECT count(*) FROM participation_cell")).isEqualTo(cells);

        DemoCommune first = COMMUNES.get(0);
        int touched = simulator.touch(first.code(), 0.1).size();
        IngestionRun incremental = finished(ingestion.start(List.of(first.code()), "test"));

        SourceRun pulled = incremental.sources().get(0);
        assertThat(pulled.updated()).isEqualTo(touched);
        assertThat(pulled.inserted()).isZero();
        assertThat(pulled.read()).as("only what changed since the watermark travels").isLessThan(touched + 50);
        assertThat(count("SELECT count(*) FROM participation_cell c JOIN activity a USING (source_id, item_id) "
                + "WHERE a.commune_code = '" + first.code() + "'")).isEqualTo(simulator.counts(first.code()).cells());
    }

    @Test
    void oneSourceDownDoesNotStopTheOthers() {
        start(SimulatorSettings.builder().seed(9).scale(0.1).down(COMMUNES.get(1).code(), 503).build());

        IngestionRun run = finished(ingestion.start(List.of(), "test"));

        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.sources()).extracting(SourceRun::sourceId, SourceRun::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(COMMUNES.get(0).code(), "COMPLETED"),
                org.assertj.core.groups.Tuple.tuple(COMMUNES.get(1).code(), "FAILED"),
                org.assertj.core.groups.Tuple.tuple(COMMUNES.get(2).code(), "COMPLETED"));
        assertThat(run.sources()).filteredOn(source -> source.status().equals("FAILED")).singleElement()
                .satisfies(down -> assertThat(down.error()).contains("503").contains("gave up after 4 attempts"));
        assertThat(count("SELECT count(DISTINCT commune_code) FROM activity")).isEqualTo(2);
    }

    @Test
    void throttlingAndTransientErrorsAreRiddenOut() {
        start(SimulatorSettings.builder().seed(10).scale(1).tooManyRequests(0.1, 1).unavailableRate(0.1)
                .resetRate(0.05).htmlRate(0.05).failFirst(COMMUNES.get(0).code(), 2, 503).build());

        IngestionRun run = finished(ingestion.start(List.of(), "test"));

        assertThat(run.status()).isEqualTo("COMPLETED");
        for (DemoCommune commune : COMMUNES) {
            assertThat(count("SELECT count(*) FROM participation_cell c JOIN activity a USING (source_id, item_id) "
                    + "WHERE a.commune_code = '" + commune.code() + "'")).isEqualTo(simulator.counts(commune.code()).cells());
        }
        assertThat(simulator.answered(COMMUNES.get(0).code(), 503)).isGreaterThanOrEqualTo(2);
        assertThat(COMMUNES.stream().mapToLong(commune -> simulator.answered(commune.code(), 429)).sum()).isPositive();
    }

    private void start(SimulatorSettings settings) {
        simulator = PortalSimulator.start(settings, COMMUNES);
        context = IngestionContext.open(folder.resolve("warehouse.duckdb"), IngestionContext.fastRetries(200));
        ingestion = context.getBean(IngestionRuns.class);
        SourceStore sources = context.getBean(SourceStore.class);
        for (DemoCommune commune : COMMUNES) {
            sources.save(new Source(commune.code(), SourceType.PORTAL_FEED, commune.code(), simulator.baseUrl(commune.code()),
                    simulator.token(commune.code()), "0 0 2 * * *", true));
        }
    }

    private IngestionRun finished(String runId) {
        return IngestionContext.finished(ingestion, runId);
    }

    private long count(String sql) {
        return IngestionContext.count(context, sql);
    }
}
