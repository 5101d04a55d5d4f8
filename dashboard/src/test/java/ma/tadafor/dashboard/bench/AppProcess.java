package ma.tadafor.dashboard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import com.sun.tools.attach.VirtualMachine;

/**
 * The application's fat jar run as its own process, as in production: its own heap, its own resident
 * memory. It listens on an ephemeral loopback port (read from its log), keeps its warehouse in
 * {@code folder}, and is killed with the JVM that started it. Its memory is read from outside: the
 * heap in use and the heap left by the last collections sampled every 100 ms over JMX (attach API),
 * its CPU time and the resident peak from
 * {@code /proc/<pid>}.
 */
final class AppProcess implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final Path log;
    private final int port;
    private final JMXConnector jmx;
    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicLong peakLiveHeap = new AtomicLong();

    private AppProcess(Process process, Path log, int port) throws IOException {
        this.process = process;
        this.log = log;
        this.port = port;
        try {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(process.pid()));
            String address = vm.startLocalManagementAgent();
            vm.detach();
            jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(jmx.getMBeanServerConnection(),
                    ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            List<String> heapPools = ManagementFactory.getPlatformMXBeans(jmx.getMBeanServerConnection(),
                    MemoryPoolMXBean.class).stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getName).toList();
            List<GarbageCollectorMXBean> collectors = ManagementFactory.getPlatformMXBeans(jmx.getMBeanServerConnection(),
                    GarbageCollectorMXBean.class);
            Thread sampler = new Thread(() -> sample(memory, collectors, heapPools), "app-heap");
            sampler.setDaemon(true);
            sampler.start();
        } catch (Exception e) {
            throw new IOException("cannot read the application's memory over JMX", e);
        }
    }

    private void sample(MemoryMXBean memory, List<GarbageCollectorMXBean> collectors, List<String> heapPools) {
        try {
            while (process.isAlive()) {
                long used = memory.getHeapMemoryUsage().getUsed();
                peakHeap.accumulateAndGet(used, Math::max);
                // The heap in use right after each collector's last collection: what the application
                // needs, most of the garbage aside.
                for (GarbageCollectorMXBean collector : collectors) {
                    GcInfo last = collector.getLastGcInfo();
                    if (last != null) {
                        long after = 0;
                        for (Map.Entry<String, MemoryUsage> pool : last.getMemoryUsageAfterGc().entrySet()) {
                            after += heapPools.contains(pool.getKey()) ? pool.getValue().getUsed() : 0;
                        }
                        peakLiveHeap.accumulateAndGet(after, Math::max);
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException | RuntimeException e) {
            // the application stopped: nothing more to sample
        }
    }

    /**
     * Starts {@code jar} with no profile but {@code bench} (no demo users, no demo portals), the given
     * initial administrator, scheduled pulls off, and waits until it serves.
     */
    static AppProcess start(Path jar, Path folder, String maxHeap, String admin, String password) throws IOException {
        Files.createDirectories(folder);
        Path log = folder.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx" + maxHeap, "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("SPRING_PROFILES_ACTIVE", "bench");
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("SERVER_PORT", "0");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("TADAFOR_WAREHOUSE_PATH", folder.resolve("warehouse.duckdb").toAbsolutePath().toString());
        env.put("TADAFOR_ANALYTICS_EXCHANGE", folder.resolve("exchange").toAbsolutePath().toString());
        env.put("TADAFOR_INGESTION_SCHEDULE", "false");
        env.put("TADAFOR_SECURITY_INITIAL_ADMIN_USERNAME", admin);
        env.put("TADAFOR_SECURITY_INITIAL_ADMIN_PASSWORD", password);
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread copier = new Thread(() -> copyLog(process, log, port), "app-log");
        copier.setDaemon(true);
        copier.start();
        try {
            return new AppProcess(process, log, port.get(180, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the application did not start; see " + log, e);
        }
    }

    /** Copies the application's output to its log file and reports the port it listens on. */
    private static void copyLog(Process process, Path log, CompletableFuture<Integer> port) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                file.write(line);
                file.newLine();
                file.flush();
                Matcher started = PORT.matcher(line);
                if (started.find()) {
                    port.complete(Integer.parseInt(started.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("the application's output ended before it served"));
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Linux's {@code USER_HZ}, the unit of {@code /proc/<pid>/stat}'s times, on every platform Java runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** The most heap in use seen since the last reset, in bytes. */
    long peakHeap() {
        return peakHeap.get();
    }

    /** The most heap left in use after a garbage collection since the last reset, in bytes. */
    long peakLiveHeap() {
        return peakLiveHeap.get();
    }

    /** Starts new peak-heap measurements. */
    void resetPeakHeap() {
        peakHeap.set(0);
        peakLiveHeap.set(0);
    }

    /**
     * The CPU time the process has used (user + system, from {@code /proc/<pid>/stat}), in milliseconds:
     * per request, it compares runs on a machine whose load varies, where latencies do not.
     */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // The fields after the command's name, which may hold spaces, in parentheses.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process's peak resident memory since it started ({@code VmHWM}), in bytes. */
    long peakResident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            throw new IllegalStateException("no VmHWM in /proc/" + process.pid() + "/status");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the application as a service manager would (SIGTERM, then SIGKILL after a minute). */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            jmx.close();
        } catch (IOException e) {
            // the process may already be gone
        }
        process.destroy();
        if (!process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
