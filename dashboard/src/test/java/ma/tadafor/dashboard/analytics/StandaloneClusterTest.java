package ma.tadafor.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.analytics.RefreshMarts;
import ma.tadafor.analytics.indicators.StatusThresholds;
import ma.tadafor.data.mart.MartStore;
import ma.tadafor.data.mart.WarehouseSnapshot;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;

/**
 * The analytics job on a real Spark standalone cluster: a master and two workers started on
 * 127.0.0.1 from the Spark jars of this classpath (a SPARK_HOME whose {@code jars/} links them),
 * the driver in this JVM as in the application, the analytics classes shipped as a jar
 * ({@code spark.jars}). Its marts equal those of {@code local[*]} on the same snapshot.
 */
class StandaloneClusterTest {

    @TempDir
    static Path folder;

    private static final List<Process> cluster = new ArrayList<>();

    @Test
    void aMasterAndTwoWorkersComputeTheSameMartsAsLocal() throws Exception {
        try (HikariDataSource warehouse = DemoWarehouse.open(folder.resolve("warehouse.duckdb"))) {
            DemoWarehouse.fill(warehouse, new DemoDataGenerator(11, 0.03), ProgrammeCommunes.all().subList(0, 12));
            new WarehouseSnapshot(warehouse).export(folder.resolve("snapshot"));
        }
        String snapshot = folder.resolve("snapshot").toString();

        SparkSessionProvider local = provider("local[2]", List.of());
        RefreshMarts.run(local.session(), snapshot, folder.resolve("local").toString(), StatusThresholds.DEFAULT);
        // One SparkContext per JVM: the local one makes way for the cluster's driver.
        local.destroy();

        String master = startCluster();
        SparkSessionProvider clustered = provider(master, List.of(analyticsJar().toString()));
        try {
            SparkSession spark = clustered.session();
            awaitExecutors(spark, 2);
            RefreshMarts.run(spark, snapshot, folder.resolve("cluster").toString(), StatusThresholds.DEFAULT);
            assertThat(spark.sparkContext().master()).isEqualTo(master);
        } finally {
            clustered.destroy();
        }

        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (String mart : MartStore.MARTS) {
                String clusterMart = MartComparison.parquet(folder.resolve("cluster"), mart);
                assertThat(MartComparison.count(duckdb, "SELECT count(*) FROM " + clusterMart)).as(mart).isPositive();
                assertThat(MartComparison.differences(duckdb, clusterMart, MartComparison.parquet(folder.resolve("local"), mart)))
                        .as("rows of %s only on the cluster (first) or only in local[*] (second)", mart).isEmpty();
            }
        }
    }

    @AfterAll
    static void stopCluster() {
        for (Process process : cluster) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    private static SparkSessionProvider provider(String master, List<String> jars) {
        return new SparkSessionProvider(new AnalyticsProperties(master, "127.0.0.1", folder.resolve("exchange"), 2, jars,
                Map.of("spark.executor.memory", "512m", "spark.cores.max", "2"), new AnalyticsProperties.Status(0.9, 0.6), new AnalyticsProperties.WarmUp(0)));
    }

    /** Starts a master and two one-core workers; returns the master's URL. */
    private static String startCluster() throws IOException, InterruptedException {
        Path sparkHome = folder.resolve("spark-home");
        Files.createDirectories(sparkHome.resolve("jars"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            Path link = sparkHome.resolve("jars").resolve(jar.getFileName());
            if (entry.endsWith(".jar") && Files.notExists(link)) {
                Files.createSymbolicLink(link, jar.toAbsolutePath());
            }
        }
        int port = freePort();
        int webUiPort = freePort();
        String master = "spark://127.0.0.1:" + port;
        cluster.add(start(sparkHome, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--webui-port", String.valueOf(webUiPort)));
        for (int i = 1; i <= 2; i++) {
            cluster.add(start(sparkHome, "worker-" + i, "org.apache.spark.deploy.worker.Worker", master,
                    "--host", "127.0.0.1", "--cores", "1", "--memory", "768m", "--webui-port", String.valueOf(freePort()),
                    "--work-dir", folder.resolve("work-" + i).toString()));
        }
        awaitWorkers(webUiPort, 2);
        return master;
    }

    private static Process start(Path sparkHome, String name, String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", sparkHome.resolve("jars").resolve("*").toString()));
        // The --add-opens Spark needs on Java 17, as this JVM got them.
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("--add-opens")).toList());
        command.add(mainClass);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    /** Polls the master's status page until the workers registered. */
    private static void awaitWorkers(int webUiPort, int workers) throws InterruptedException {
        // Each request with a limit: a master that took the connection but never answers must not hold the test.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            try {
                String body = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
                if (body.replace(" ", "").contains("\"aliveworkers\":" + workers)) {
                    return;
                }
            } catch (IOException notUpYet) {
                // the master is still starting, or too busy to answer in time
            }
            assertThat(Instant.now()).as(() -> "workers registered in time; the cluster said:\n" + clusterLogs()).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static void awaitExecutors(SparkSession spark, int executors) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        // The driver's block manager counts too.
        while (spark.sparkContext().getExecutorMemoryStatus().size() < executors + 1) {
            assertThat(Instant.now()).as(() -> "executors registered in time; the cluster said:\n" + clusterLogs()).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** The master's and the workers' output. */
    private static String clusterLogs() {
        StringBuilder logs = new StringBuilder();
        for (String name : List.of("master", "worker-1", "worker-2")) {
            try {
                logs.append("--- ").append(name).append('\n').append(Files.readString(folder.resolve(name + ".log")));
            } catch (IOException e) {
                logs.append("--- ").append(name).append(": ").append(e).append('\n');
            }
        }
        return logs.toString();
    }

    /** The analytics classes as the jar a cluster receives (the build gives a folder of classes). */
    private static Path analyticsJar() throws IOException, URISyntaxException {
        Path location = Path.of(RefreshMarts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(location)) {
            return location;
        }
        Path jar = folder.resolve("tadafor-analytics.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(location)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new JarEntry(location.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
