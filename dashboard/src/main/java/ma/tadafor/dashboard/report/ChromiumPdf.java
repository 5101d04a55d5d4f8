package ma.tadafor.dashboard.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prints a self-contained HTML page (styles, scripts and data inlined) to PDF with headless
 * Chromium, the engine that shapes Arabic and lays out right-to-left text as the pages do. Each
 * print runs in a fresh temporary profile and folder, with name resolution off so that nothing
 * is fetched; at most {@code parallelPrints} run at once.
 */
final class ChromiumPdf {

    private final ReportProperties properties;
    private final Semaphore prints;

    ChromiumPdf(ReportProperties properties) {
        this.properties = properties;
        this.prints = new Semaphore(properties.parallelPrints());
    }

    boolean available() {
        return Files.isExecutable(properties.chromium());
    }

    byte[] print(String html) {
        if (!available()) {
            throw new BriefUnavailableException("brief.unavailable.chromium", "no Chromium at " + properties.chromium(),
                    properties.chromium());
        }
        try {
            if (!prints.tryAcquire(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BriefUnavailableException("brief.unavailable.busy", "every print slot stayed busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BriefUnavailableException("brief.unavailable.busy", "interrupted while waiting to print");
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("tadafor-brief-");
            Path page = Files.writeString(folder.resolve("brief.html"), html, StandardCharsets.UTF_8);
            Path pdf = folder.resolve("brief.pdf");
            Path log = folder.resolve("chromium.log");
            Process chromium = new ProcessBuilder(command(folder, page, pdf)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!chromium.waitFor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                chromium.descendants().forEach(ProcessHandle::destroyForcibly);
                chromium.destroyForcibly();
                throw new BriefUnavailableException("brief.unavailable.failed", "Chromium took longer than "
                        + properties.timeout());
            }
            if (chromium.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
                throw new BriefUnavailableException("brief.unavailable.failed", "Chromium exited with "
                        + chromium.exitValue() + ": " + tail(log));
            }
            return Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new BriefUnavailableException("brief.unavailable.failed", "printing failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BriefUnavailableException("brief.unavailable.failed", "interrupted while printing");
        } finally {
            prints.release();
            delete(folder);
        }
    }

    private List<String> command(Path folder, Path page, Path pdf) {
        List<String> command = new ArrayList<>(List.of(properties.chromium().toString(), "--headless=new",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-extensions", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--no-default-browser-check", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + folder.resolve("profile"), "--no-pdf-header-footer",
                "--print-to-pdf=" + pdf));
        if ("root".equals(System.getProperty("user.name"))) {
            // Chromium refuses to start its sandbox as root (containers); the page is our own, inlined.
            command.add("--no-sandbox");
        }
        command.add(page.toUri().toString());
        return command;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless; the print itself succeeded or failed already
        }
    }
}
