package ma.tadafor.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.dashboard.TadaforApplication;
import ma.tadafor.data.Warehouse;
import ma.tadafor.data.migration.SchemaMigrator;
import ma.tadafor.data.reference.ReferenceDataLoader;

/**
 * The warehouse's disk fills up under the application, or another process holds the file: a clear
 * error, and nothing committed is lost or damaged.
 */
class WarehouseFaultsTest {

    @TempDir
    Path folder;

    private Process holder;

    @AfterEach
    void stop() {
        if (holder != null) {
            holder.destroyForcibly();
        }
    }

    /**
     * A committee session runs with its files capped (the kernel's RLIMIT_FSIZE, set with util-linux's
     * prlimit: writes past it fail with EFBIG as they would with ENOSPC on a full disk, and the JVM
     * ignores the SIGXFSZ that comes with it; no mount needed, so CI too). The
     * session stops at the first write that does not fit, saying so; after a restart with room again
     * the file opens, every step acknowledged before the failure is there whole, and the session
     * finishes with the same tables as one that never ran out of room.
     */
    @Test
    void aFullDiskStopsTheWriteWithAClearErrorAndDamagesNothingCommitted() throws Exception {
        Path empty = folder.resolve("empty.duckdb");
        try (HikariDataSource warehouse = Warehouse.open(empty, 1)) {
            new SchemaMigrator(warehouse).migrate();
            ReferenceDataLoader reference = new ReferenceDataLoader(warehouse);
            reference.load();
            reference.loadIllustrative();
        }
        Path reference = Files.copy(empty, folder.resolve("reference.duckdb"));
        Path full = Files.copy(empty, folder.resolve("full.duckdb"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(run(ChildJvm.command(CrashProcess.class, "committee", reference.toString(), "-")).exitValue()).isZero();
        Map<String, String> expected = TableChecksums.of(reference, CommitteeUpdates.TABLES);

        // Once the warehouse is open (DuckDB's driver unpacks its 60 MB native library first), no file of the process
        // may grow past 16 KB: the warehouse file, larger already, is only read until a checkpoint, and the write-ahead
        // log fills up after a few committee steps. Its output comes through a pipe, which the limit does not cap as it
        // would a file, read by a thread of its own so that this one only ever waits with a limit.
        Process limited = new ProcessBuilder(ChildJvm.command(CrashProcess.class, "committee", full.toString(), "-", "await"))
                .redirectErrorStream(true).start();
        StringBuffer said = new StringBuffer();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(limited.getInputStream(), StandardCharsets.UTF_8))
                .lines().forEach(line -> said.append(line).append('\n')), "limited-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!said.toString().lines().anyMatch("OPENED"::equals)) {
            assertThat(limited.isAlive() && System.nanoTime() < deadline).as(said.toString()).isTrue();
            Thread.sleep(50);
        }
        long limitBytes = 16 * 1024;
        Process prlimit = new ProcessBuilder("prlimit", "--pid", String.valueOf(limited.pid()),
                "--fsize=" + limitBytes + ":" + limitBytes).inheritIO().start();
        assertThat(prlimit.waitFor(30, TimeUnit.SECONDS) && prlimit.exitValue() == 0).as("prlimit").isTrue();
        limited.getOutputStream().write('\n');
        limited.getOutputStream().flush();
        boolean ended = limited.waitFor(2, TimeUnit.MINUTES);
        limited.destroyForcibly();
        reader.join(TimeUnit.SECONDS.toMillis(10));
        String output = said.toString();
        assertThat(ended).as(output).isTrue();
        assertThat(limited.exitValue()).as(output).isNotZero();
        assertThat(output).contains("File too large").contains(full.getFileName().toString());
        long acknowledged = output.lines().filter(line -> line.startsWith("APPLIED ")).count();
        assertThat(acknowledged).as(output).isPositive().isLessThan(CommitteeUpdates.STEPS);

        try (HikariDataSource reopened = Warehouse.open(full, 1)) {
            CommitteeUpdates updates = new CommitteeUpdates(reopened);
            for (int step = 0; step < acknowledged; step++) {
                assertThat(updates.isApplied(step)).as("acknowledged step " + step).isTrue();
            }
            for (int step = (int) acknowledged + 1; step < CommitteeUpdates.STEPS; step++) {
                assertThat(updates.isApplied(step)).as("step " + step).isFalse();
            }
        }
        assertThat(run(ChildJvm.command(CrashProcess.class, "committee", full.toString(), "-")).exitValue()).isZero();
        assertThat(TableChecksums.of(full, CommitteeUpdates.TABLES)).isEqualTo(expected);
        System.out.println("Disk full at " + limitBytes + " bytes: " + acknowledged + " of " + CommitteeUpdates.STEPS
                + " steps acknowledged before the failure, all intact");
    }

    /** The application, started on a warehouse another process holds, stops at once and says who holds it. */
    @Test
    void aWarehouseHeldByAnotherProcessStopsTheStartWithTheHoldersName() throws Exception {
        Path file = folder.resolve("held.duckdb");
        Path holderLog = folder.resolve("holder.log");
        holder = ChildJvm.start(ChildJvm.command(CrashProcess.class, "hold", file.toString(), "-"), holderLog);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.readString(holderLog).contains("HOLDING")) {
            assertThat(holder.isAlive() && System.nanoTime() < deadline).as(Files.readString(holderLog)).isTrue();
            Thread.sleep(50);
        }

        ChildJvm.Ended application = run(ChildJvm.command(TadaforApplication.class, "--spring.profiles.active=reliability-test",
                "--server.port=0", "--tadafor.warehouse.path=" + file, "--tadafor.ingestion.schedule=false"));

        assertThat(application.exitValue()).isNotZero();
        assertThat(application.output()).contains("APPLICATION FAILED TO START")
                .contains("the warehouse file " + file + " is held by another process")
                .contains("(PID " + holder.pid() + ")")
                .contains("Stop the process named above");
    }

    private ChildJvm.Ended run(List<String> command) throws Exception {
        return ChildJvm.run(command, Files.createTempFile(folder, "child", ".log"), Duration.ofMinutes(2));
    }
}
