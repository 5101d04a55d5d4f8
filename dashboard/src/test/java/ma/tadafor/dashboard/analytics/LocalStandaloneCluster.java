package ma.tadafor.dashboard.analytics;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;

import ma.tadafor.analytics.RefreshMarts;

/**
 * A Spark standalone cluster on 127.0.0.1: a master and one-core workers started from the Spark
 * jars of this JVM's classpath (a SPARK_HOME whose {@code jars/} links them), each its own process
 * with its log in the folder. The topology of docker-compose.yml's cluster, on one machine: what
 * {@code StandaloneClusterTest} checks and {@code ClusterBenchmark} times.
 */
final class LocalStandaloneCluster implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(90);

    private final Path folder;
    private final String master;
    private final int workers;
    private final List<Process> processes = new ArrayList<>();

    private LocalStandaloneCluster(Path folder, String master, int workers) {
        this.folder = folder;
        this.master = master;
        this.workers = workers;
    }

    /** Starts a master and {@code workers} one-core workers of {@code memory} each (e.g. {@code 768m}); waits until they registered. */
    static LocalStandaloneCluster start(Path folder, int workers, String memory) throws IOException, InterruptedException {
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
        LocalStandaloneCluster cluster = new LocalStandaloneCluster(folder, "spark://127.0.0.1:" + port, workers);
        try {
            cluster.processes.add(cluster.process(sparkHome, "master", "org.apache.spark.deploy.master.Master", "--host",
                    "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(webUiPort)));
            for (int i = 1; i <= workers; i++) {
                cluster.processes.add(cluster.process(sparkHome, "worker-" + i, "org.apache.spark.deploy.worker.Worker",
                        cluster.master, "--host", "127.0.0.1", "--cores", "1", "--memory", memory, "--webui-port",
                        String.valueOf(freePort()), "--work-dir", folder.resolve("work-" + i).toString()));
            }
            cluster.awaitWorkers(webUiPort);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The master's URL, {@code spark://127.0.0.1:<port>}. */
    String master() {
        return master;
    }

    /** Waits until every worker has an executor of {@code spark}'s application. */
    void awaitExecutors(SparkSession spark) throws InterruptedException {
        Instant deadline = Instant.now().plus(START);
        // The driver's block manager counts too.
        while (spark.sparkContext().getExecutorMemoryStatus().size() < workers + 1) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("executors not registered in time; the cluster said:\n" + logs());
            }
            Thread.sleep(200);
        }
    }

    /** The analytics classes as the jar a cluster receives (the build gives a folder of classes). */
    Path analyticsJar() throws IOException, URISyntaxException {
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

    @Override
    public void close() {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    private Process process(Path sparkHome, String name, String mainClass, String... arguments) throws IOException {
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
    private void awaitWorkers(int webUiPort) throws InterruptedException {
        // Each request with a limit: a master that took the connection but never answers must not hold the caller.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START);
        while (true) {
            try {
                String body = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
                if (body.replace(" ", "").contains("\"aliveworkers\":" + workers)) {
                    return;
                }
            } catch (IOException notUpYet) {
                // the master is still starting, or too busy to answer in time
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("workers not registered in time; the cluster said:\n" + logs());
            }
            Thread.sleep(200);
        }
    }

    /** The master's and the workers' output. */
    private String logs() {
        StringBuilder logs = new StringBuilder();
        List<String> names = new ArrayList<>(List.of("master"));
        for (int i = 1; i <= workers; i++) {
            names.add("worker-" + i);
        }
        for (String name : names) {
            try {
                logs.append("--- ").append(name).append('\n').append(Files.readString(folder.resolve(name + ".log")));
            } catch (IOException e) {
                logs.append("--- ").append(name).append(": ").append(e).append('\n');
            }
        }
        return logs.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
