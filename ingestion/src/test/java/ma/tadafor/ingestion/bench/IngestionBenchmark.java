package ma.tadafor.ingestion.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.Warehouse;
import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ParticipationCell;
import ma.tadafor.data.ingestion.IngestionRun;
import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceStore;
import ma.tadafor.data.ingestion.SourceType;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;
import ma.tadafor.ingestion.pull.IngestionContext;
import ma.tadafor.ingestion.pull.IngestionRuns;
import ma.tadafor.ingestion.pull.PullSettings;
import ma.tadafor.ingestion.simulator.PortalSimulator;
import ma.tadafor.ingestion.simulator.SimulatorSettings;

/**
 * Generator, raw appender and full pull of N participation cells from the simulator into an empty
 * warehouse, then an incremental pull where 1 % changed; prints a Markdown table row set for
 * docs/BENCHMARKS.md. Arguments: the number of cells, then {@code --communes programme} (the 60
 * programme communes, the default) or {@code --communes national} (the 1,503 of the national
 * rollout: one source each, so the cost per source shows). Not a test: run it by hand (command in
 * docs/BENCHMARKS.md).
 */
public final class IngestionBenchmark {

    private static final long SEED = 20240213;

    private IngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long targetCells = Long.parseLong(args[0].replace("_", ""));
        Path folder = Files.createTempDirectory("tadafor-bench");
        List<DemoCommune> communes = communes(args);
        PullSettings pull = PullSettings.defaults();
        double scale = DemoDataGenerator.scaleFor(targetCells, SEED, communes);
        DemoDataGenerator generator = new DemoDataGenerator(SEED, scale);

        long start = System.nanoTime();
        long cells = 0;
        long activities = 0;
        for (DemoCommune commune : communes) {
            for (Activity activity : (Iterable<Activity>) generator.activities(commune)::iterator) {
                cells += activity.participation().size();
                activities++;
            }
        }
        double generateSeconds = seconds(start);
        row("generator (1 thread)", cells, generateSeconds, "%,d activities, %,d communes".formatted(activities,
                communes.size()));

        double appenderSeconds = rawAppender(folder.resolve("raw.duckdb"), generator, communes);
        row("raw DuckDB appender (cells only)", cells, appenderSeconds, "");

        try (PortalSimulator simulator = PortalSimulator.start(SimulatorSettings.builder().seed(SEED).scale(scale).build(),
                communes)) {
            simulator.materialiseAll();
            Path warehouseFile = folder.resolve("warehouse.duckdb");
            try (AnnotationConfigApplicationContext context = IngestionContext.open(warehouseFile, pull)) {
                SourceStore sources = context.getBean(SourceStore.class);
                for (DemoCommune commune : communes) {
                    sources.save(new Source(commune.code(), SourceType.PORTAL_FEED, commune.code(),
                            simulator.baseUrl(commune.code()), simulator.token(commune.code()), "0 0 2 * * *", true));
                }
                IngestionRuns ingestion = context.getBean(IngestionRuns.class);

                resetPeakHeap();
                start = System.nanoTime();
                DataSource warehouse = context.getBean(DataSource.class);
                IngestionRun full = pull(ingestion, warehouse);
                double fullSeconds = seconds(start);
                long stored = count(context.getBean(DataSource.class), "SELECT count(*) FROM participation_cell");
                row("full pull, empty warehouse", stored, fullSeconds, "%s, %d sources in %d lanes, peak heap %s, load average %s"
                        .formatted(full.status(), communes.size(), pull.parallelSources(), peakHeap(), loadAverage()));

                long touched = simulator.touchAll(0.01);
                resetPeakHeap();
                start = System.nanoTime();
                IngestionRun incremental = pull(ingestion, warehouse);
                double incrementalSeconds = seconds(start);
                long updated = incremental.sources().stream().mapToLong(source -> source.updated()).sum();
                row("incremental pull, 1 % changed", stored, incrementalSeconds,
                        "%s, %,d items touched, %,d updated, peak heap %s, load average %s".formatted(incremental.status(),
                                touched, updated, peakHeap(), loadAverage()));
                checkpoint(context.getBean(DataSource.class));
            }
            System.out.printf(Locale.ROOT, "| warehouse file | %,d cells | %s |%n", cells,
                    megabytes(Files.size(warehouseFile)));
        }
    }

    private static List<DemoCommune> communes(String[] args) {
        String communes = "programme";
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].equals("--communes") || i + 1 == args.length) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: --communes programme|national");
            }
            communes = args[i + 1];
        }
        return switch (communes) {
            case "programme" -> ProgrammeCommunes.all();
            case "national" -> ProgrammeCommunes.nationalRollout();
            default -> throw new IllegalArgumentException("--communes is programme or national, not " + communes);
        };
    }

    private static double rawAppender(Path file, DemoDataGenerator generator, List<DemoCommune> communes) throws Exception {
        try (HikariDataSource raw = Warehouse.open(file, 1); Connection connection = raw.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE cell (source_id VARCHAR, item_id VARCHAR, gender VARCHAR, age_band VARCHAR,
                                       disability BOOLEAN, role VARCHAR, participants INTEGER)""");
            long start = System.nanoTime();
            try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("main", "cell")) {
                for (DemoCommune commune : communes) {
                    for (Activity activity : (Iterable<Activity>) generator.activities(commune)::iterator) {
                        for (ParticipationCell cell : activity.participation()) {
                            appender.beginRow().append(commune.code()).append(activity.id()).append(cell.gender().name())
                                    .append(cell.ageBand().code()).append(cell.disability()).append(cell.role().name())
                                    .append(cell.count()).endRow();
                        }
                    }
                }
            }
            return seconds(start);
        }
    }

    /** Pulls every source; waits on the run's status alone, so that waiting costs the warehouse little. */
    private static IngestionRun pull(IngestionRuns ingestion, DataSource warehouse) throws Exception {
        String runId = ingestion.start(List.of(), "benchmark");
        while (count(warehouse, "SELECT count(*) FROM ingestion_run WHERE status = 'RUNNING' AND run_id = '" + runId + "'") > 0) {
            Thread.sleep(100);
        }
        return ingestion.find(runId).orElseThrow();
    }

    private static void checkpoint(DataSource warehouse) throws Exception {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    private static long count(DataSource warehouse, String sql) throws Exception {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void row(String what, long cells, double seconds, String note) {
        System.out.printf(Locale.ROOT, "| %s | %,d cells | %.1f s | %,.0f cells/s | %s |%n", what, cells, seconds,
                cells / seconds, note);
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static String peakHeap() {
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return megabytes(peak);
    }

    /** The machine's load averages over 1, 5 and 15 minutes: the two cores are shared. */
    private static String loadAverage() throws Exception {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return String.join(" ", fields[0], fields[1], fields[2]);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }

    private static double seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0;
    }
}
