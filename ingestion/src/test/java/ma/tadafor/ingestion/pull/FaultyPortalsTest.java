package ma.tadafor.ingestion.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import ma.tadafor.ingestion.portal.PortalClientSettings;
import ma.tadafor.ingestion.simulator.PortalSimulator;
import ma.tadafor.ingestion.simulator.SimulatorSettings;

/**
 * One pull of a healthy portal beside four broken ones on raw sockets (a hang, resets, 50 MB of
 * random bytes, 50 MB that opens like a feed page): each broken source fails with its own
 * reason after its retries, applies nothing, and the healthy one completes in full.
 */
class FaultyPortalsTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path folder;

    private PortalSimulator simulator;
    private final Map<FaultyPortal.Fault, FaultyPortal> portals = new LinkedHashMap<>();
    private AnnotationConfigApplicationContext context;

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        for (FaultyPortal portal : portals.values()) {
            portal.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void eachBrokenPortalFailsItsOwnSourceWithItsReasonAndTheHealthyOneCompletes() throws Exception {
        List<DemoCommune> communes = ProgrammeCommunes.all().subList(0, 5);
        DemoCommune healthy = communes.get(0);
        simulator = PortalSimulator.start(SimulatorSettings.builder().seed(5).scale(0.1).build(), List.of(healthy));
        // Read timeout 1 s, 3 attempts, 16 MB per answer at most.
        context = IngestionContext.open(folder.resolve("warehouse.duckdb"), new PullSettings(5, 40, Duration.ofMinutes(5),
                new PortalClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 50, 3, Duration.ofMillis(20),
                        Duration.ofMillis(200), 5, Duration.ofSeconds(2), 16 * MB)));
        SourceStore sources = context.getBean(SourceStore.class);
        sources.save(new Source("healthy", SourceType.PORTAL_FEED, healthy.code(), simulator.baseUrl(healthy.code()),
                simulator.token(healthy.code()), "0 0 2 * * *", true));
        int next = 1;
        for (FaultyPortal.Fault fault : FaultyPortal.Fault.values()) {
            FaultyPortal portal = FaultyPortal.start(fault);
            portals.put(fault, portal);
            sources.save(new Source(fault.name(), SourceType.PORTAL_FEED, communes.get(next++).code(), portal.baseUrl(),
                    "token", "0 0 2 * * *", true));
        }

        long started = System.nanoTime();
        IngestionRun run = IngestionContext.finished(context.getBean(IngestionRuns.class),
                context.getBean(IngestionRuns.class).start(List.of(), "test"));
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        Map<String, SourceRun> bySource = run.sources().stream().collect(Collectors.toMap(SourceRun::sourceId, s -> s));
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(bySource.get("healthy").status()).isEqualTo("COMPLETED");
        assertThat(count("SELECT count(*) FROM participation_cell WHERE source_id = 'healthy'"))
                .isEqualTo(simulator.counts(healthy.code()).cells());
        for (FaultyPortal.Fault fault : FaultyPortal.Fault.values()) {
            SourceRun source = bySource.get(fault.name());
            assertThat(source.status()).as(fault.name()).isEqualTo("FAILED");
            assertThat(source.error()).as(fault.name()).contains("gave up after 3 attempts");
            // The JDK client retries a GET once by itself on a connection closed under it: resets may count double.
            assertThat(portals.get(fault).requests()).as(fault.name()).isBetween(3L, 6L);
            assertThat(count("SELECT count(*) FROM activity WHERE source_id = '" + fault.name() + "'")).isZero();
            assertThat(count("SELECT count(*) FROM watermark WHERE source_id = '" + fault.name() + "'")).isZero();
        }
        assertThat(bySource.get("HANG").error()).isEqualTo(
                "HANG: no answer within the read timeout (1000 ms) (gave up after 3 attempts)");
        assertThat(bySource.get("RESET").error()).startsWith("RESET: no answer: ");
        assertThat(bySource.get("GARBAGE").error()).contains("the answer is not a JSON object; it starts with binary data");
        assertThat(bySource.get("JSON_GARBAGE").error()).contains("larger than " + 16 * MB + " bytes");
        // Memory stays bounded: random bytes are refused after their first kilobyte (the rest of what got through
        // sat in socket buffers), a feed-like opening is read up to the 16 MB limit, never the 50 MB.
        assertThat(portals.get(FaultyPortal.Fault.GARBAGE).mostBytesSent()).isLessThan(8 * MB);
        assertThat(portals.get(FaultyPortal.Fault.JSON_GARBAGE).mostBytesSent()).isLessThan(FaultyPortal.GARBAGE_BYTES);
        System.out.printf("Faulty portals: run ended in %d s; most garbage bytes sent per answer: random %d, feed-like %d%n",
                seconds, portals.get(FaultyPortal.Fault.GARBAGE).mostBytesSent(),
                portals.get(FaultyPortal.Fault.JSON_GARBAGE).mostBytesSent());
    }

    private long count(String sql) {
        return IngestionContext.count(context, sql);
    }
}
