package ma.tadafor.dashboard.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import com.zaxxer.hikari.HikariDataSource;

import ch.qos.logback.classic.Level;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import ma.tadafor.analytics.quality.OutlierRules;
import ma.tadafor.dashboard.analytics.AnalyticsProperties;
import ma.tadafor.dashboard.analytics.AnalyticsRuns;
import ma.tadafor.dashboard.analytics.MartRefresh;
import ma.tadafor.dashboard.analytics.SparkSessionProvider;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.Warehouse;
import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.mart.AnalyticsRun;
import ma.tadafor.data.mart.AnalyticsRunStore;
import ma.tadafor.data.mart.MartStore;
import ma.tadafor.data.mart.WarehouseSnapshot;
import ma.tadafor.data.migration.SchemaMigrator;
import ma.tadafor.data.reference.ReferenceDataLoader;
import ma.tadafor.data.quality.OutlierStore;
import ma.tadafor.ingestion.portal.PortalClientSettings;
import ma.tadafor.ingestion.pull.IngestionRuns;
import ma.tadafor.ingestion.pull.PortalPullJobConfiguration;
import ma.tadafor.ingestion.pull.PullSettings;

/**
 * The application's write paths in a JVM of their own, for the kill campaign to SIGKILL: it opens
 * the warehouse as the application does at start (migrations, reference data, interrupted runs
 * resumed or marked failed), then does one piece of work with the application's own classes:
 * {@code ingest} (the Spring Batch pull of every registered source), {@code refresh} (snapshot →
 * Spark → load and swap of the marts), {@code load} (the last step of a refresh alone: loading and
 * swapping marts Spark wrote), {@code committee} (the committee updates of {@link CommitteeUpdates})
 * or {@code hold} (keeping the file open, as a second process would, until killed).
 * Arguments: the work, the warehouse file, the exchange folder (the marts folder for {@code load}),
 * and {@code await} to wait for a line on the standard input once the warehouse is open.
 */
public final class CrashProcess {

    private CrashProcess() {
    }

    public static void main(String[] args) throws Exception {
        // Outside Spring Boot nothing configures Logback, whose default is DEBUG for everything (Spark included).
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("ma.tadafor")).setLevel(Level.INFO);
        // The kill campaign tells from MartStore's lines where a kill landed in a load.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(MartStore.class)).setLevel(Level.DEBUG);
        String work = args[0];
        Path warehouseFile = Path.of(args[1]);
        HikariDataSource warehouse = Warehouse.open(warehouseFile, 8);
        new SchemaMigrator(warehouse).migrate();
        ReferenceDataLoader reference = new ReferenceDataLoader(warehouse);
        reference.load();
        reference.loadIllustrative();
        if (args.length > 3 && args[3].equals("await")) {
            // The test limits this process (prlimit) once it is up, then lets it go on.
            System.out.println("OPENED");
            System.out.flush();
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
        }
        int status = switch (work) {
            case "ingest" -> ingest(warehouse);
            case "refresh" -> refresh(warehouse, Path.of(args[2]));
            case "load" -> {
                System.out.println("LOADING");
                System.out.flush();
                new MartStore(warehouse).load(Path.of(args[2]), Path.of(args[2]),
                        new WarehouseSnapshot.RefreshScope(true, 0, "the kill campaign's marts"));
                // The application runs on after a refresh: a kill that comes late finds it idle, not gone.
                System.out.println("LOADED");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
                yield 0;
            }
            case "hold" -> {
                System.out.println("HOLDING");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
                yield 0;
            }
            case "committee" -> {
                new CommitteeUpdates(warehouse).applyAll(step -> System.out.println("APPLIED " + step));
                yield 0;
            }
            default -> throw new IllegalArgumentException("no such work: " + work);
        };
        warehouse.close();
        System.out.println("FINISHED " + work);
        System.out.flush();
        // Spark and Spring Batch leave non-daemon threads: the work is done and committed.
        Runtime.getRuntime().halt(status);
    }

    /** Resumes what a killed predecessor left running; starts a pull only if none was ever made. */
    private static int ingest(HikariDataSource warehouse) throws Exception {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        // Registered by hand, not by a @Configuration class, which the application's component scan would find.
        context.registerBean("warehouse", HikariDataSource.class, () -> warehouse);
        context.registerBean(ActivityStore.class, () -> new ActivityStore(warehouse));
        // Quick retries and small pages: many kill points.
        context.registerBean(PullSettings.class, () -> new PullSettings(3, 40, Duration.ofMinutes(5),
                new PortalClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 50, 4, Duration.ofMillis(20),
                        Duration.ofMillis(200), 5, Duration.ofSeconds(2), 16L * 1024 * 1024)));
        context.register(PortalPullJobConfiguration.class);
        context.refresh();
        IngestionRuns ingestion = context.getBean(IngestionRuns.class);
        ingestion.resumeInterrupted();
        if (count(warehouse, "SELECT count(*) FROM ingestion_run") == 0) {
            ingestion.start(List.of(), "kill-campaign");
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (count(warehouse, "SELECT count(*) FROM ingestion_run WHERE status = 'RUNNING'") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pull did not finish in time");
            }
            Thread.sleep(50);
        }
        return count(warehouse, "SELECT count(*) FROM ingestion_run WHERE status <> 'COMPLETED'") == 0 ? 0 : 1;
    }

    /** One refresh through {@link AnalyticsRuns}, which at start marks a killed predecessor's run failed. */
    private static int refresh(HikariDataSource warehouse, Path exchange) throws Exception {
        // Demo-sized data: one core, one partition, and no code generation (compiling plans would cost more than running them).
        AnalyticsProperties properties = new AnalyticsProperties("local[1]", "127.0.0.1", exchange, 1, List.of(),
                Map.of("spark.sql.codegen.wholeStage", "false", "spark.sql.adaptive.enabled", "false",
                        "spark.default.parallelism", "1"),
                new AnalyticsProperties.Status(0.9, 0.6), new AnalyticsProperties.WarmUp(0));
        AnalyticsRuns runs = new AnalyticsRuns(new MartRefresh(properties, new SparkSessionProvider(properties),
                new WarehouseSnapshot(warehouse), new MartStore(warehouse), new MartCache(1), OutlierRules.DEFAULT,
                new OutlierStore(warehouse)), new AnalyticsRunStore(warehouse),
                new SimpleMeterRegistry());
        String runId = runs.start("kill-campaign");
        System.out.println("REFRESHING " + runId);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        AnalyticsRun run = runs.find(runId).orElseThrow();
        while (run.status() == AnalyticsRun.Status.QUEUED || run.status() == AnalyticsRun.Status.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the refresh did not finish in time");
            }
            Thread.sleep(50);
            run = runs.find(runId).orElseThrow();
        }
        System.out.println("REFRESH " + run.status() + " " + run.error());
        return run.status() == AnalyticsRun.Status.COMPLETED ? 0 : 1;
    }

    private static long count(DataSource warehouse, String sql) throws SQLException {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
