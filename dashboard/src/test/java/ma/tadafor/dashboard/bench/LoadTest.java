package ma.tadafor.dashboard.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A closed-loop load generator on loopback: {@code clients} threads, each sending its next question
 * as soon as the previous answer is read in full (after a pause, if one is given), for a bounded
 * time. The questions are a fixed mix walked round-robin (answers the cache keeps) or drawn anew
 * for each request ({@link Questions}). Every answer but a 200 counts as an error. Latencies are
 * kept whole (no histogram buckets) and sorted at the end, per question's name and in all.
 */
final class LoadTest {

    /** One request: what page or API call it stands for, as whom, and the request itself. */
    record Target(String name, String role, HttpRequest request) {
    }

    /** Where a client's {@code i}-th question comes from. */
    interface Questions {
        Target next(int client, long i);
    }

    /** Latency percentiles (ms), answers and errors of one target or of all. */
    record Figures(String name, long answers, long errors, double p50, double p95, double p99, double max) {
    }

    record Result(int clients, double seconds, Figures all, List<Figures> byTarget, Map<String, Long> errorSamples) {

        double throughput() {
            return all.answers() / seconds;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Questions questions;
    /** The names of the questions, in the order first met, so that reports list them the same way each run. */
    private final List<String> names;

    /** The mix walked round-robin, each client from its own offset, so that all targets run at once. */
    LoadTest(List<Target> mix) {
        List<Target> fixed = List.copyOf(mix);
        this.questions = (client, i) -> fixed.get((int) ((client + i) % fixed.size()));
        this.names = fixed.stream().map(Target::name).distinct().toList();
    }

    LoadTest(Questions questions, List<String> names) {
        this.questions = questions;
        this.names = List.copyOf(names);
    }

    static HttpRequest get(String base, String path, String header, String value) {
        // Compressed answers, as a browser asks for them: the server's gzip cost is part of the figure.
        return HttpRequest.newBuilder(URI.create(base + path)).header(header, value).header("Accept", "application/json")
                .header("Accept-Encoding", "gzip").timeout(Duration.ofSeconds(60)).GET().build();
    }

    Result run(int clients, Duration duration) throws InterruptedException {
        return run(clients, duration, Duration.ZERO);
    }

    /** {@code clients} clients for {@code duration}, each waiting {@code pause} between an answer and its next question. */
    Result run(int clients, Duration duration, Duration pause) throws InterruptedException {
        long[][] latencies = new long[clients][];
        int[][] named = new int[clients][];
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        Map<String, Long> errorSamples = new ConcurrentHashMap<>();
        Map<String, Long> errorsByName = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            latencies[c] = new long[1024];
            named[c] = new int[1024];
            Thread thread = new Thread(() -> {
                try {
                    for (long i = 0; System.nanoTime() < end; i++) {
                        if (i > 0 && !pause.isZero()) {
                            Thread.sleep(pause.toMillis());
                        }
                        Target target = questions.next(client, i);
                        long sent = System.nanoTime();
                        String error = send(target.request());
                        long took = System.nanoTime() - sent;
                        if (error != null) {
                            errors.incrementAndGet();
                            errorsByName.merge(target.name(), 1L, Long::sum);
                            errorSamples.merge(target.name() + " as " + target.role() + ": " + error, 1L, Long::sum);
                            continue;
                        }
                        if (counts[client] == latencies[client].length) {
                            latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
                            named[client] = Arrays.copyOf(named[client], counts[client] * 2);
                        }
                        latencies[client][counts[client]] = took;
                        named[client][counts[client]++] = names.indexOf(target.name());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "load-client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;

        List<long[]> perName = new ArrayList<>();
        int[] filled = new int[names.size()];
        for (int t = 0; t < names.size(); t++) {
            perName.add(new long[16]);
        }
        long[] everything = new long[Arrays.stream(counts).sum()];
        int n = 0;
        for (int c = 0; c < clients; c++) {
            for (int i = 0; i < counts[c]; i++) {
                int t = named[c][i];
                if (filled[t] == perName.get(t).length) {
                    perName.set(t, Arrays.copyOf(perName.get(t), filled[t] * 2));
                }
                perName.get(t)[filled[t]++] = latencies[c][i];
                everything[n++] = latencies[c][i];
            }
        }
        List<Figures> byTarget = new ArrayList<>();
        for (int t = 0; t < names.size(); t++) {
            byTarget.add(figures(names.get(t), Arrays.copyOf(perName.get(t), filled[t]),
                    errorsByName.getOrDefault(names.get(t), 0L)));
        }
        return new Result(clients, seconds, figures("all", everything, errors.get()), byTarget, errorSamples);
    }

    /** The answer's text (unpacked), or an exception naming the request and its status if it is not a 200. */
    static String text(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = answer.body();
        if (answer.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + ": " + answer.statusCode() + " " + text);
        }
        return text;
    }

    /** Null when the answer is a 200 read in full, else what went wrong. */
    private String send(HttpRequest request) {
        try {
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = answer.statusCode();
            // A refused question names itself: the load test's questions must all be ones the product answers.
            return status == 200 ? null : status >= 400 && status < 500
                    ? "HTTP " + status + " " + request.uri().getRawPath() + "?" + request.uri().getRawQuery()
                    : "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static Figures figures(String name, long[] nanos, long errors) {
        Arrays.sort(nanos);
        return new Figures(name, nanos.length, errors, percentile(nanos, 0.50), percentile(nanos, 0.95),
                percentile(nanos, 0.99), nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6);
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
