package ma.tadafor.ingestion.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceStore;
import ma.tadafor.data.ingestion.SourceType;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;
import ma.tadafor.ingestion.simulator.PortalSimulator;
import ma.tadafor.ingestion.simulator.SimulatorSettings;

/**
 * Kills a pulling JVM with SIGKILL, twice, at different points, restarts it each time, and
 * requires the final tables to equal those of an uninterrupted pull of the same feeds, row for row.
 */
class PortalPullRestartTest {

    /** What a pull decides; times of ingestion and run ids differ between runs by nature. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("activity", "SELECT * EXCLUDE (ingested_at) FROM activity ORDER BY ALL");
        TABLES.put("participation_cell", "SELECT * FROM participation_cell ORDER BY ALL");
        TABLES.put("activity_withdrawal", "SELECT * FROM activity_withdrawal ORDER BY ALL");
        TABLES.put("association", "SELECT * FROM association ORDER BY ALL");
        TABLES.put("activity_association", "SELECT * FROM activity_association ORDER BY ALL");
        TABLES.put("co_construction_project", "SELECT * FROM co_construction_project ORDER BY ALL");
        TABLES.put("quarantine", "SELECT source_id, item_id, reason, raw_sha256 FROM quarantine ORDER BY ALL");
        TABLES.put("watermark", "SELECT source_id, applied_up_to FROM watermark ORDER BY ALL");
    }

    @TempDir
    Path folder;

    private PortalSimulator simulator;
    private Process child;
    /** How many pulling JVMs were started: each writes its own log, child-1.log for the first. */
    private int children;
    private int lanes = 3;
    private Path interrupted;
    private Path uninterrupted;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aPullKilledTwiceMidRunEndsExactlyLikeAnUninterruptedOne() throws Exception {
        long pagesInAll = serve(ProgrammeCommunes.all().subList(0, 4), SimulatorSettings.builder().seed(11).scale(1)
                .latency(Duration.ofMillis(60)));

        killAfter(interrupted, pagesInAll / 4);
        assertThat(snapshot(interrupted).get("activity")).as("the first kill came mid-run").isNotEmpty();
        assertThat(single(interrupted, "SELECT status FROM ingestion_run")).isEqualTo("RUNNING");
        killAfter(interrupted, pagesInAll / 2);
        runToCompletion(interrupted);
        pullInProcess(uninterrupted);

        Map<String, List<String>> expected = snapshot(uninterrupted);
        Map<String, List<String>> actual = snapshot(interrupted);
        assertThat(expected.get("activity")).hasSizeGreaterThan(500);
        assertThat(expected.get("quarantine")).isNotEmpty();
        assertThat(expected.get("activity_withdrawal")).isNotEmpty();
        for (String table : TABLES.keySet()) {
            assertThat(actual.get(table)).as(table).containsExactlyElementsOf(expected.get(table));
        }
        assertThat(single(interrupted, "SELECT string_agg(DISTINCT status, ',') FROM ingestion_run_source"))
                .as("every source of the resumed run").isEqualTo("COMPLETED");
        assertThat(single(interrupted, "SELECT string_agg(status, ',') FROM ingestion_run"))
                .as("the resumed run; its pulling JVMs' logs are in " + folder).isEqualTo("COMPLETED");
    }

    /**
     * Ten sources in two lanes, killed once mid-run: the sources whose end a lane had committed are
     * not asked for a single page again, the others are resumed, and the tables end as if nothing
     * had happened.
     */
    @Test
    void aLaneKilledMidRunResumesItsRemainingSourcesAndPullsNoEndedSourceAgain() throws Exception {
        lanes = 2;
        List<DemoCommune> communes = ProgrammeCommunes.all().subList(0, 10);
        long pagesInAll = serve(communes, SimulatorSettings.builder().seed(13).scale(0.5).latency(Duration.ofMillis(30)));

        killAfter(interrupted, pagesInAll / 2);
        List<String> ended = List.of(single(interrupted, "SELECT coalesce(string_agg(source_id, ','), '') FROM ingestion_run_source "
                + "WHERE status = 'COMPLETED'").split(","));
        assertThat(ended).as("the kill came after some sources ended and before all did")
                .doesNotContain("").hasSizeLessThan(communes.size());
        Map<String, Long> requestsBefore = new LinkedHashMap<>();
        ended.forEach(source -> requestsBefore.put(source, simulator.requests(source)));
        runToCompletion(interrupted);
        ended.forEach(source -> assertThat(simulator.requests(source)).as(source + " is not pulled again")
                .isEqualTo(requestsBefore.get(source)));
        pullInProcess(uninterrupted);

        Map<String, List<String>> expected = snapshot(uninterrupted);
        Map<String, List<String>> actual = snapshot(interrupted);
        for (String table : TABLES.keySet()) {
            assertThat(actual.get(table)).as(table).containsExactlyElementsOf(expected.get(table));
        }
        assertThat(single(interrupted, "SELECT count(*) || ' ' || string_agg(DISTINCT status, ',') FROM ingestion_run_source"))
                .isEqualTo(communes.size() + " COMPLETED");
    }

    /**
     * Serves the communes' feeds (with bad items and tombstones) and registers them as sources in
     * both warehouses; returns how many pages of 50 the feeds make.
     */
    private long serve(List<DemoCommune> communes, SimulatorSettings.Builder settings) {
        simulator = PortalSimulator.start(settings.malformedItemRate(0.02).tombstoneRate(0.03).build(), communes);
        interrupted = folder.resolve("interrupted.duckdb");
        uninterrupted = folder.resolve("uninterrupted.duckdb");
        registerSources(interrupted, communes);
        registerSources(uninterrupted, communes);
        return communes.stream().mapToLong(c -> simulator.counts(c.code()).items() + simulator.counts(c.code()).withdrawn())
                .map(items -> items / 50 + 1).sum();
    }

    /** Starts the pulling JVM and kills it once the portals have served {@code requests} more pages. */
    private void killAfter(Path warehouse, long requests) throws Exception {
        long before = served();
        child = pullingJvm(warehouse);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> served() - before >= requests || !child.isAlive());
        assertThat(child.isAlive()).as("the pull was still going when killed").isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isNotZero();
    }

    private void runToCompletion(Path warehouse) throws Exception {
        child = pullingJvm(warehouse);
        assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("the resumed pull finished").isTrue();
        assertThat(child.exitValue()).isZero();
        assertThat(Files.readString(childLog())).contains("Resumed ingestion run").contains("FINISHED");
    }

    private Process pullingJvm(Path warehouse) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                PullProcess.class.getName(), warehouse.toString(), String.valueOf(lanes))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("child-" + ++children + ".log").toFile())
                .start();
    }

    private Path childLog() {
        return folder.resolve("child-" + children + ".log");
    }

    private long served() {
        return simulator.communeCodes().stream().mapToLong(simulator::requests).sum();
    }

    private void pullInProcess(Path warehouse) {
        try (AnnotationConfigApplicationContext context = IngestionContext.open(warehouse, PullProcess.settings(lanes))) {
            IngestionRuns ingestion = context.getBean(IngestionRuns.class);
            String runId = ingestion.start(List.of(), "reference");
            await().atMost(Duration.ofSeconds(60)).until(() -> !ingestion.find(runId).orElseThrow().status().equals("RUNNING"));
        }
    }

    private void registerSources(Path warehouse, List<DemoCommune> communes) {
        try (AnnotationConfigApplicationContext context = IngestionContext.open(warehouse, PullProcess.settings(lanes))) {
            SourceStore sources = context.getBean(SourceStore.class);
            for (DemoCommune commune : communes) {
                sources.save(new Source(commune.code(), SourceType.PORTAL_FEED, commune.code(),
                        simulator.baseUrl(commune.code()), simulator.token(commune.code()), "0 0 2 * * *", true));
            }
        }
    }

    private Map<String, List<String>> snapshot(Path warehouse) throws Exception {
        try (AnnotationConfigApplicationContext context = IngestionContext.open(warehouse, PullProcess.settings(lanes))) {
            DataSource dataSource = context.getBean(DataSource.class);
            Map<String, List<String>> tables = new LinkedHashMap<>();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (Map.Entry<String, String> table : TABLES.entrySet()) {
                    List<String> rows = new ArrayList<>();
                    try (ResultSet result = statement.executeQuery(table.getValue())) {
                        ResultSetMetaData columns = result.getMetaData();
                        while (result.next()) {
                            StringBuilder row = new StringBuilder();
                            for (int i = 1; i <= columns.getColumnCount(); i++) {
                                row.append(result.getString(i)).append('|');
                            }
                            rows.add(row.toString());
                        }
                    }
                    tables.put(table.getKey(), rows);
                }
            }
            return tables;
        }
    }

    private String single(Path warehouse, String sql) throws Exception {
        try (AnnotationConfigApplicationContext context = IngestionContext.open(warehouse, PullProcess.settings(lanes));
             Connection connection = context.getBean(DataSource.class).getConnection();
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
