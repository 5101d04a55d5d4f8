package ma.tadafor.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.Warehouse;
import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.activity.Withdrawal;
import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceStore;
import ma.tadafor.data.ingestion.SourceType;
import ma.tadafor.data.mart.MartStore;
import ma.tadafor.data.migration.SchemaMigrator;
import ma.tadafor.data.reference.ReferenceDataLoader;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;
import ma.tadafor.ingestion.simulator.PortalSimulator;
import ma.tadafor.ingestion.simulator.SimulatorSettings;

/**
 * The kill campaign (docs/RELIABILITY.md): SIGKILL the application's writing JVM ({@link CrashProcess})
 * at a random point of an ingestion, of a mart refresh's load and swap, or of a committee
 * session; restart it; and require the tables to end with the checksums of an uninterrupted run.
 * After a kill during the swap the marts must be the whole old set or the whole new one, and the
 * next refresh (Spark included) must succeed; the first swap trial kills as the swap begins, and at
 * least one kill must land inside it: after {@link MartStore}'s line that the swap begins, with the
 * old marts still there after the kill (the transaction never committed). The second kills once the load is
 * done, so that the next refresh is an incremental one over the partials and fingerprints the load swapped in.
 * Kill points are drawn from a fixed seed, printed at the start, so that a failure replays as it
 * happened: {@code -Dtadafor.kill.seed=<seed>} draws others, {@code -Dtadafor.kill.trials=<n>} changes
 * the campaign's length (at least 2, for a swap trial; 5 for both aimed ones).
 */
class KillCampaignTest {

    private static final Map<String, String> INGESTED = new LinkedHashMap<>();
    private static final Map<String, String> MARTS = new LinkedHashMap<>();

    static {
        INGESTED.put("activity", "SELECT * EXCLUDE (ingested_at) FROM activity");
        INGESTED.put("participation_cell", "SELECT * FROM participation_cell");
        INGESTED.put("activity_withdrawal", "SELECT * FROM activity_withdrawal");
        INGESTED.put("association", "SELECT * FROM association");
        INGESTED.put("activity_association", "SELECT * FROM activity_association");
        INGESTED.put("quarantine", "SELECT source_id, item_id, reason, raw_sha256 FROM quarantine");
        INGESTED.put("watermark", "SELECT source_id, applied_up_to FROM watermark");
        for (String mart : MartStore.MARTS) {
            MARTS.put("mart_" + mart, "SELECT * FROM mart_" + mart);
        }
    }

    private enum Phase { INGESTION, MART_SWAP, COMMITTEE }

    /** Where a kill in a swap trial landed: the child's log tells whether the swap began, the marts whether it committed. */
    private enum Landing { DURING_THE_LOAD, IN_THE_SWAP, AFTER_THE_SWAP }

    private static final long SEED = 20240213L;
    private static final String SWAP_BEGINS = "Swapping in the marts";

    @TempDir
    Path folder;

    private PortalSimulator simulator;
    private Process child;

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
    // Ten trials of up to a few minutes each (every wait in them has its own limit), not the build's 10 minutes.
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void everyKilledRunEndsWithTheChecksumsOfAnUninterruptedOne() throws Exception {
        long seed = Long.getLong("tadafor.kill.seed", SEED);
        int trials = Integer.getInteger("tadafor.kill.trials", 10);
        System.out.println("Kill campaign: seed " + seed + " (replay: -Dtadafor.kill.seed=" + seed + "), " + trials + " trials");
        Random random = new Random(seed);
        long started = System.nanoTime();

        List<DemoCommune> communes = ProgrammeCommunes.all().subList(0, 3);
        simulator = PortalSimulator.start(SimulatorSettings.builder().seed(23).scale(0.5).latency(Duration.ofMillis(20))
                .malformedItemRate(0.02).tombstoneRate(0.03).build(), communes);
        Path empty = folder.resolve("empty.duckdb");
        prepare(empty, communes);
        long pages = communes.stream().mapToLong(c -> simulator.counts(c.code()).items() + simulator.counts(c.code()).withdrawn())
                .map(items -> items / 50 + 1).sum();

        // Uninterrupted runs: what every trial must end with.
        Path ingested = copy(empty, "ingested");
        finish("ingest", ingested);
        Map<String, String> ingestedSums = TableChecksums.of(ingested, INGESTED);
        Path committees = copy(empty, "committees");
        finish("committee", committees);
        Map<String, String> committeeSums = TableChecksums.of(committees, CommitteeUpdates.TABLES);
        Path beforeSwap = copy(ingested, "before-swap");
        finish("refresh", beforeSwap);
        withdrawSome(beforeSwap);
        Map<String, String> oldMarts = TableChecksums.of(beforeSwap, MARTS);
        Path afterSwap = copy(beforeSwap, "after-swap");
        finish("refresh", afterSwap);
        Map<String, String> newMarts = TableChecksums.of(afterSwap, MARTS);
        assertThat(newMarts).as("the withdrawals change the marts").isNotEqualTo(oldMarts);
        long loadMs = single(afterSwap, "SELECT load_ms FROM analytics_run WHERE status = 'COMPLETED' ORDER BY finished_at DESC LIMIT 1");
        // The marts that refresh's Spark jobs wrote (its exchange folder is gone): what each killed load swaps in.
        Path sparkMarts = exportMarts(afterSwap);

        List<String> outcomes = new ArrayList<>();
        int inTheSwap = 0;
        for (int trial = 0; trial < trials; trial++) {
            Phase phase = Phase.values()[trial % Phase.values().length];
            Path warehouse = copy(phase == Phase.INGESTION ? empty : phase == Phase.MART_SWAP ? beforeSwap : empty,
                    "trial-" + trial);
            String label = "seed " + seed + ", trial " + trial + " (" + phase + ")";
            String outcome = switch (phase) {
                case INGESTION -> {
                    long after = 2 + random.nextLong(pages - 3);
                    killDuringIngestion(warehouse, after);
                    finish("ingest", warehouse);
                    assertThat(TableChecksums.of(warehouse, INGESTED)).as(label).isEqualTo(ingestedSums);
                    yield "after " + after + " of ~" + pages + " pages";
                }
                case MART_SWAP -> {
                    // A fraction, not a bounded draw: the reference load time varies, the replayed sequence must not.
                    long delayMs = Math.round(random.nextDouble() * loadMs * 1.5);
                    // The swap is a few milliseconds of a load: random kills seldom land in it, so the first aims at it;
                    // the second comes once the swap committed, where the next refresh is an incremental one.
                    boolean atTheSwap = trial == Phase.MART_SWAP.ordinal();
                    boolean afterTheSwap = trial == Phase.MART_SWAP.ordinal() + Phase.values().length;
                    boolean swapBegan = atTheSwap ? killDuringLoad(warehouse, sparkMarts, SWAP_BEGINS, 0)
                            : afterTheSwap ? killDuringLoad(warehouse, sparkMarts, "LOADED", 0)
                            : killDuringLoad(warehouse, sparkMarts, "LOADING", delayMs);
                    Map<String, String> afterKill = TableChecksums.of(warehouse, MARTS);
                    assertThat(afterKill).as(label + ": the old marts or the new ones, whole").isIn(oldMarts, newMarts);
                    Landing landing = !swapBegan ? Landing.DURING_THE_LOAD
                            : afterKill.equals(oldMarts) ? Landing.IN_THE_SWAP : Landing.AFTER_THE_SWAP;
                    inTheSwap += landing == Landing.IN_THE_SWAP ? 1 : 0;
                    finish("refresh", warehouse);
                    assertThat(TableChecksums.of(warehouse, MARTS)).as(label + ": the next refresh").isEqualTo(newMarts);
                    yield (atTheSwap ? "as the swap began" : afterTheSwap ? "once the load was done" : delayMs + " ms after the load began (" + loadMs
                            + " ms in the reference refresh)") + ", landed " + landing + ": "
                            + (afterKill.equals(oldMarts) ? "old" : "new") + " marts after the kill";
                }
                case COMMITTEE -> {
                    int acknowledged = 1 + random.nextInt(CommitteeUpdates.STEPS - 1);
                    long delayMicros = random.nextLong(3000);
                    int applied = killDuringCommitteeSession(warehouse, acknowledged, delayMicros, label);
                    finish("committee", warehouse);
                    assertThat(TableChecksums.of(warehouse, CommitteeUpdates.TABLES)).as(label).isEqualTo(committeeSums);
                    yield "after " + acknowledged + " acknowledged steps + " + delayMicros + " µs: " + applied + " of "
                            + CommitteeUpdates.STEPS + " applied";
                }
            };
            outcomes.add("trial " + trial + " " + phase + ": " + outcome);
        }
        System.out.println("Kill campaign, seed " + seed + ", " + trials + " trials in "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s:\n  " + String.join("\n  ", outcomes));
        assertThat(inTheSwap).as("kills that landed inside the marts' swap (seed " + seed + ")").isPositive();
    }

    /** Starts an ingestion and kills it once the portals have served {@code pages} more pages. */
    private void killDuringIngestion(Path warehouse, long pages) throws Exception {
        long before = served();
        child = start("ingest", warehouse, null);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(2))
                .until(() -> served() - before >= pages || !child.isAlive());
        kill();
    }

    /**
     * Starts the last step of a refresh, loading and swapping marts Spark wrote, and kills it {@code delayMs} after
     * the child's log showed {@code line} (a whole refresh per trial would cost a Spark job each, for the same swap);
     * tells whether the swap had begun.
     */
    private boolean killDuringLoad(Path warehouse, Path marts, String line, long delayMs) throws Exception {
        child = start("load", warehouse, marts);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1))
                .until(() -> Files.readString(log()).contains(line) || !child.isAlive());
        Thread.sleep(delayMs);
        kill();
        return Files.readString(log()).contains(SWAP_BEGINS);
    }

    /**
     * Starts a committee session and kills it {@code delayMicros} after it acknowledged {@code acknowledged}
     * steps; then, before any restart, requires every acknowledged step to be there, at most one more (the one
     * in flight), and each meeting whole (the agenda and attendance of its plan, or of its save, never a mix).
     */
    private int killDuringCommitteeSession(Path warehouse, int acknowledged, long delayMicros, String label) throws Exception {
        child = start("committee", warehouse, null);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1))
                .until(() -> appliedLines() >= acknowledged || !child.isAlive());
        TimeUnit.MICROSECONDS.sleep(delayMicros);
        kill();
        int printed = appliedLines();
        try (HikariDataSource opened = Warehouse.open(warehouse, 1)) {
            CommitteeUpdates updates = new CommitteeUpdates(opened);
            int applied = 0;
            while (applied < CommitteeUpdates.STEPS && updates.isApplied(applied)) {
                applied++;
            }
            assertThat(applied).as(label + ": every acknowledged step survived, at most one more").isBetween(printed, printed + 1);
            for (int step = applied; step < CommitteeUpdates.STEPS; step++) {
                assertThat(updates.isApplied(step)).as(label + ": step " + step + " after a gap").isFalse();
            }
            assertThat(count(opened, """
                    SELECT count(*) FROM meeting m WHERE
                      (SELECT count(*) FROM meeting_agenda_item a WHERE a.meeting_id = m.id)
                        <> CASE WHEN m.minutes_fr IS NULL THEN 3 ELSE 4 END
                      OR (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id)
                        <> CASE WHEN m.minutes_fr IS NULL THEN 2 ELSE 3 END
                      OR (SELECT count(*) FROM meeting_document d WHERE d.meeting_id = m.id) <> 1""")).as(label).isZero();
            return applied;
        }
    }

    private void kill() throws InterruptedException {
        assertThat(child.isAlive()).as("the work was still going when killed").isTrue();
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
    }

    /** Runs the work to its end (resuming whatever a killed predecessor left) and requires it to succeed. */
    private void finish(String work, Path warehouse) throws Exception {
        long started = System.nanoTime();
        child = start(work, warehouse, folder.resolve("exchange"));
        assertThat(child.waitFor(180, TimeUnit.SECONDS)).as(work + " finished").isTrue();
        assertThat(child.exitValue()).as(work + ":\n" + Files.readString(log())).isZero();
        System.out.println("  " + work + " finished in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
    }

    private Process start(String work, Path warehouse, Path exchange) throws IOException {
        return ChildJvm.start(ChildJvm.command(CrashProcess.class, work, warehouse.toString(), String.valueOf(exchange)), log());
    }

    private Path log() {
        return folder.resolve("child.log");
    }

    private int appliedLines() throws IOException {
        try (Stream<String> lines = Files.lines(log())) {
            return (int) lines.filter(line -> line.startsWith("APPLIED ")).count();
        }
    }

    /** The warehouse's marts and partials as Parquet folders, laid out as the analytics job writes them. */
    private Path exportMarts(Path warehouse) throws Exception {
        Path marts = folder.resolve("spark-marts");
        try (HikariDataSource opened = Warehouse.open(warehouse, 1); Connection connection = opened.getConnection();
             Statement statement = connection.createStatement()) {
            for (String mart : MartStore.MARTS) {
                Files.createDirectories(marts.resolve(mart));
                statement.execute("COPY mart_" + mart + " TO '" + marts.resolve(mart).resolve("part-0.parquet") + "' (FORMAT parquet)");
            }
            // The partials the refresh kept, which the load swaps in with the marts: an incremental refresh after a kill
            // that landed after the swap starts from them.
            List<String> names = new ArrayList<>();
            try (ResultSet partials = statement.executeQuery(
                    "SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, 'partial_')")) {
                while (partials.next()) {
                    names.add(partials.getString(1));
                }
            }
            assertThat(names).as("the partials a refresh keeps").isNotEmpty();
            for (String partial : names) {
                Files.createDirectories(marts.resolve(partial));
                statement.execute("COPY " + partial + " TO '" + marts.resolve(partial).resolve("part-0.parquet") + "' (FORMAT parquet)");
            }
            // What the load stores as the fingerprints of the marts it swaps in, as a snapshot holds it.
            statement.execute("COPY refresh_fingerprint TO '" + marts.resolve("refresh_fingerprint.parquet") + "' (FORMAT parquet)");
        }
        return marts;
    }

    private long served() {
        return simulator.communeCodes().stream().mapToLong(simulator::requests).sum();
    }

    private void prepare(Path warehouse, List<DemoCommune> communes) {
        try (HikariDataSource opened = Warehouse.open(warehouse, 2)) {
            new SchemaMigrator(opened).migrate();
            ReferenceDataLoader reference = new ReferenceDataLoader(opened);
            reference.load();
            reference.loadIllustrative();
            SourceStore sources = new SourceStore(opened);
            for (DemoCommune commune : communes) {
                sources.save(new Source(commune.code(), SourceType.PORTAL_FEED, commune.code(), simulator.baseUrl(commune.code()),
                        simulator.token(commune.code()), "0 0 2 * * *", true));
            }
        }
    }

    /** Portals withdraw a tenth of one commune's activities: the next refresh has something to change. */
    private static void withdrawSome(Path warehouse) throws Exception {
        try (HikariDataSource opened = Warehouse.open(warehouse, 2); Connection connection = opened.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT source_id, commune_code, item_id FROM activity
                     WHERE source_id = (SELECT min(source_id) FROM activity) AND hash(item_id) % 10 = 0""")) {
            String source = null;
            String commune = null;
            List<Withdrawal> withdrawals = new ArrayList<>();
            while (rows.next()) {
                source = rows.getString(1);
                commune = rows.getString(2);
                withdrawals.add(new Withdrawal(rows.getString(3), Instant.parse("2030-01-01T00:00:00Z")));
            }
            assertThat(withdrawals).isNotEmpty();
            new ActivityStore(opened).apply(source, commune, List.of(), withdrawals);
        }
    }

    private static long single(Path warehouse, String sql) throws Exception {
        try (HikariDataSource opened = Warehouse.open(warehouse, 1)) {
            return count(opened, sql);
        }
    }

    private static long count(HikariDataSource warehouse, String sql) throws Exception {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Path copy(Path warehouse, String name) throws IOException {
        Path copy = folder.resolve(name + ".duckdb");
        Files.copy(warehouse, copy, StandardCopyOption.REPLACE_EXISTING);
        Path wal = Path.of(warehouse + ".wal");
        if (Files.exists(wal)) {
            Files.copy(wal, Path.of(copy + ".wal"), StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }
}
