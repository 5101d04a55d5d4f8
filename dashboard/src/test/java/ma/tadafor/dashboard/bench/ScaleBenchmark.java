package ma.tadafor.dashboard.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.JsonNode;

import ma.tadafor.dashboard.analytics.MartOracle;
import ma.tadafor.dashboard.security.BrowserSession;
import ma.tadafor.data.Warehouse;
import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ParticipationCell;
import ma.tadafor.data.mart.WarehouseSnapshot;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;
import ma.tadafor.ingestion.simulator.PortalSimulator;
import ma.tadafor.ingestion.simulator.SimulatorSettings;

/**
 * The benchmark at national scale, end to end on this machine and on loopback only (run by
 * {@code bench/run}, see docs/BENCHMARKS.md): N participation cells for all 1,503 communes served by
 * the portal simulator, pulled by the application's fat jar run as its own process ({@code portalPull},
 * sources registered through the API), marts refreshed with Spark, the DuckDB oracle over the same
 * warehouse, the dashboard's data endpoints load-tested as five roles, the overview page timed in
 * headless Chromium, the application's heap and resident memory, the warehouse's size. Prints the
 * results in Markdown and writes them into docs/BENCHMARKS.md between this size's markers.
 */
public final class ScaleBenchmark {

    private static final long SEED = 20240213;
    private static final String ADMIN = "bench-admin";
    /** The run's users' password, kept in its folder for {@code --reuse}. */
    private static final String PASSWORD_FILE = "bench-password";
    /** The figure: fifty users, each reading an answer for a second before asking the next question. */
    private static final int NEVER_ASKED_CLIENTS = 50;
    private static final Pattern PAGE_DATA = Pattern.compile("data-page-data=\"([^\"]+)\"");
    /** The users of the load test, one a role (name → role, scope codes), beside the administrator. */
    private static final Map<String, String[]> USERS = new LinkedHashMap<>();

    static {
        USERS.put("bench-national", new String[] {"NATIONAL", ""});
        USERS.put("bench-programme", new String[] {"PROGRAMME", ""});
        USERS.put("bench-governor", new String[] {"GOVERNOR", "05.091"});
        USERS.put("bench-commune", new String[] {"COMMUNE", "05.091.01.07"});
    }

    /** The command line: {@code <cells> [--duration 5m] [--step 60s] [--clients 10,50,200] [--heap 2g] ...}. */
    record Options(long cells, Duration duration, Duration step, List<Integer> clients, String heap, Path root, Path jar,
                   Path docs, boolean national, boolean reuse) {

        static Options parse(String[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("""
                        usage: ScaleBenchmark <cells> [--duration 5m] [--step 60s] [--clients 10,50,200] [--heap 2g]
                               [--root var/bench] [--jar dashboard/target/tadafor-observatory.jar] [--docs docs/BENCHMARKS.md|none]
                               [--communes national|programme] [--reuse true]
                        --duration: how long the largest number of clients runs; --step: how long each smaller one runs;
                        --communes programme: the programme's 60 communes instead of all 1,503 (a quicker run);
                        --reuse true: no generation, pull nor refresh: the dashboard load-tested again on the warehouse
                                      the last run of this size left (after a change of the dashboard), printed only""");
            }
            Map<String, String> flags = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value, got " + args[i]);
                }
                flags.put(args[i], args[i + 1]);
            }
            Options options = new Options(Long.parseLong(args[0].replace("_", "")),
                    duration(flags.getOrDefault("--duration", "5m")), duration(flags.getOrDefault("--step", "60s")),
                    Stream.of(flags.getOrDefault("--clients", "10,50,200").split(",")).map(String::strip)
                            .map(Integer::valueOf).sorted().toList(),
                    flags.getOrDefault("--heap", "2g"), Path.of(flags.getOrDefault("--root", "var/bench")),
                    Path.of(flags.getOrDefault("--jar", "dashboard/target/tadafor-observatory.jar")),
                    flags.getOrDefault("--docs", "docs/BENCHMARKS.md").equals("none") ? null
                            : Path.of(flags.getOrDefault("--docs", "docs/BENCHMARKS.md")),
                    !flags.getOrDefault("--communes", "national").equals("programme"),
                    Boolean.parseBoolean(flags.getOrDefault("--reuse", "false")));
            flags.keySet().removeAll(List.of("--duration", "--step", "--clients", "--heap", "--root", "--jar", "--docs",
                    "--communes", "--reuse"));
            if (!flags.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + flags.keySet());
            }
            return options;
        }

        private static Duration duration(String text) {
            Matcher m = Pattern.compile("(\\d+)(ms|s|m)").matcher(text.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("a duration such as 30s or 5m, not " + text);
            }
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        }
    }

    private final Options options;
    private final Path folder;
    private final List<String> report = new ArrayList<>();
    private String password;
    /** The application's CPU time per request, one figure per number of clients. */
    private final List<Double> appCpuPerRequest = new ArrayList<>();
    /** The load test's mix of questions never asked before, and how many different ones were sent. */
    private LoadTest.Result neverAsked;
    private int neverAskedQuestions;

    private ScaleBenchmark(Options options) {
        this.options = options;
        this.folder = options.root().resolve(String.valueOf(options.cells())).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new ScaleBenchmark(options).run();
        // Chromium's and the HTTP clients' threads must not keep the JVM (and the script) waiting.
        System.exit(0);
    }

    private void run() throws Exception {
        if (options.reuse()) {
            loadTestAgain();
            return;
        }
        deleteRecursively(folder);
        Files.createDirectories(folder);
        password = "benchmark-password-" + Long.toHexString(System.nanoTime());
        Files.writeString(folder.resolve(PASSWORD_FILE), password);
        String started = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(ZoneOffset.UTC));
        List<DemoCommune> communes = options.national() ? ProgrammeCommunes.nationalRollout() : ProgrammeCommunes.all();
        double scale = DemoDataGenerator.scaleFor(options.cells(), SEED, communes);
        DemoDataGenerator generator = new DemoDataGenerator(SEED, scale);
        String loadBefore = loadAverage();

        Step generated = generate(generator, communes);
        Step raw = rawAppender(generator, communes);
        List<String> steps = new ArrayList<>();
        steps.add(row("generator (1 thread, %,d communes)".formatted(communes.size()), generated,
                "%,d activities".formatted(generated.activities())));
        steps.add(row("raw DuckDB appender, cells only (the floor)", raw, "no HTTP, JSON, validation nor merge"));

        try (PortalSimulator simulator = PortalSimulator.start(SimulatorSettings.builder().seed(SEED).scale(scale).build(),
                communes)) {
            simulator.materialiseAll();
            try (AppProcess app = AppProcess.start(options.jar(), folder, options.heap(), ADMIN, password)) {
                log("application pid %d on %s, log %s", app.pid(), app.base(), app.log());
                AppClient client = new AppClient(app.base(), ADMIN, password);
                for (DemoCommune commune : communes) {
                    client.createSource("portal-" + commune.code().replace('.', '-'), commune.code(),
                            simulator.baseUrl(commune.code()), simulator.token(commune.code()));
                }
                app.resetPeakHeap();
                long start = System.nanoTime();
                JsonNode ingestion = client.ingest();
                double ingestSeconds = seconds(start);
                long inserted = 0;
                for (JsonNode source : ingestion.get("sources")) {
                    inserted += source.get("inserted").asLong();
                }
                Memory ingestMemory = new Memory(app.peakHeap(), app.peakLiveHeap(), app.peakResident(), loadAverage());
                steps.add(row("full pull through `portalPull` (%,d sources, 4 at a time)".formatted(communes.size()),
                        new Step(generated.cells(), generated.activities(), ingestSeconds),
                        "%s, %,d activities inserted, **%.1f× the raw appender's time**; app heap peak %s, load %s"
                                .formatted(ingestion.get("status").asString(), inserted, ingestSeconds / raw.seconds(),
                                        megabytes(ingestMemory.heap()), ingestMemory.load())));

                app.resetPeakHeap();
                // Queued behind the refresh the pull's end started (the first after a start): the warm full one.
                JsonNode refresh = client.refreshAll();
                Memory refreshMemory = new Memory(app.peakHeap(), app.peakLiveHeap(), app.peakResident(), loadAverage());
                Instant ingestionEnd = AppClient.instant(ingestion.get("finishedAt"));
                Incremental incremental = incremental(app, client, simulator, communes);
                simulator.close();

                createUsers(client);
                List<LoadTest.Target> mix = mix(app, client, latestSemester(client, app));
                List<LoadTest.Result> results = loadTest(app, client, mix);
                Memory loadMemory = new Memory(app.peakHeap(), app.peakLiveHeap(), app.peakResident(), loadAverage());
                List<OverviewInBrowser.Result> pages = pagesInBrowser(app);
                app.close();

                long warehouseBytes = Files.size(folder.resolve("warehouse.duckdb"));
                double oracleSeconds = oracle();
                double baselineSeconds = TunedBaseline.run(folder.resolve("oracle-snapshot"), folder.resolve("tuned-baseline"))
                        .values().stream().mapToLong(Long::longValue).sum() / 1000.0;
                write(started, loadBefore, communes.size(), steps, refresh, ingestionEnd, incremental, oracleSeconds,
                        baselineSeconds, results,
                        mix, List.of(ingestMemory, refreshMemory, loadMemory), warehouseBytes, pages);
            }
        }
    }

    /**
     * What users wait for after changes that touch few communes, each refreshed incrementally: a scheduled
     * pull in which 5 % of the communes publish new versions of a tenth of their items (one more person
     * each), from the pull's end until the administrator's total shows them; an upload for one commune,
     * from its answer until its participants show; then a full refresh forced in the same run.
     */
    private Incremental incremental(AppProcess app, AppClient client, PortalSimulator simulator, List<DemoCommune> communes)
            throws Exception {
        String admin = "Bearer " + client.token(ADMIN, password);
        long before = total(app, admin);
        int touchedCommunes = 0;
        long touched = 0;
        for (int i = 0; i < communes.size(); i += 20) {
            touched += simulator.touch(communes.get(i).code(), 0.1).size();
            touchedCommunes++;
        }
        log("incremental: %d items of %d communes touched, pulling", touched, touchedCommunes);
        int refreshes = refreshes(app).size();
        JsonNode pull = client.ingest();
        // A touch adds one person to an item with cells, none to one without: the total moves, by at most the touches.
        double pullToVisible = untilTotal(app, admin, total -> total != before, AppClient.instant(pull.get("finishedAt")));
        String pullRefresh = refreshAfter(app, refreshes);
        long pulled = total(app, admin);

        String commune = communes.get(communes.size() / 2).code();
        StringBuilder csv = new StringBuilder("id;updatedAt;mechanism;status;startDate;titleFr;gender;ageBand;disability;role;count\n");
        for (int i = 0; i < 20; i++) {
            csv.append("bench-upload-%d;2025-05-02T10:00:00Z;CITIZEN_MEETING;HELD;2025-05-02;Réunion %d;F;25-34;non;CITIZEN;7\n"
                    .formatted(i, i));
        }
        refreshes = refreshes(app).size();
        client.upload(commune, csv.toString());
        double uploadToVisible = untilTotal(app, admin, total -> total == pulled + 20 * 7, Instant.now());
        String uploadRefresh = refreshAfter(app, refreshes);

        JsonNode full = client.refreshAll();
        double fullSeconds = Duration.between(AppClient.instant(full.get("startedAt")), AppClient.instant(full.get("finishedAt")))
                .toMillis() / 1000.0;
        log("incremental: pull visible after %.1f s (%s), upload after %.1f s (%s), full refresh %.1f s", pullToVisible,
                pullRefresh, uploadToVisible, uploadRefresh, fullSeconds);
        return new Incremental(touchedCommunes, touched, pullToVisible, pullRefresh, uploadToVisible, uploadRefresh,
                fullSeconds);
    }

    record Incremental(int communes, long items, double pullToVisible, String pullRefresh, double uploadToVisible,
                       String uploadRefresh, double fullSeconds) {
    }

    private static long total(AppProcess app, String admin) throws Exception {
        Matcher total = Pattern.compile("\"total\":\\{[^}]*\"participants\":(\\d+)")
                .matcher(LoadTest.text(LoadTest.get(app.base(), "/api/v1/participation?groupBy=", "Authorization", admin)));
        if (!total.find()) {
            throw new IllegalStateException("no total in the participation answer");
        }
        return Long.parseLong(total.group(1));
    }

    /** Seconds from {@code since} until the administrator's total is {@code expected} (read every 50 ms). */
    private static double untilTotal(AppProcess app, String admin, LongPredicate expected, Instant since) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (!expected.test(total(app, admin))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the total never showed the change");
            }
            Thread.sleep(50);
        }
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    /**
     * What the refresh that made a change visible did and where its time went: the last of those the application
     * logged after the {@code before} it had logged when the change began. Its line may follow the swap that made the
     * change visible by a moment.
     */
    private static String refreshAfter(AppProcess app, int before) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> refreshes = refreshes(app);
        while (refreshes.size() <= before) {
            if (System.nanoTime() > deadline) {
                return "not logged";
            }
            Thread.sleep(50);
            refreshes = refreshes(app);
        }
        return refreshes.get(refreshes.size() - 1);
    }

    /** Every completed refresh the application logged, in order: what it did and where its time went. */
    private static List<String> refreshes(AppProcess app) throws IOException {
        Matcher line = Pattern.compile("completed: (FULL|INCREMENTAL) \\(([^)]*)\\), Timings\\[sessionMs=(\\d+), "
                + "snapshotMs=(\\d+), jobsMs=(\\d+), loadMs=(\\d+)\\]").matcher(Files.readString(app.log()));
        List<String> refreshes = new ArrayList<>();
        while (line.find()) {
            refreshes.add("%s, %s: snapshot %.1f s, jobs %.1f s, load %.1f s".formatted(line.group(1).toLowerCase(Locale.ROOT),
                    line.group(2), Long.parseLong(line.group(4)) / 1000.0, Long.parseLong(line.group(5)) / 1000.0,
                    Long.parseLong(line.group(6)) / 1000.0));
        }
        return refreshes;
    }

    /** The load test and the overview in Chromium again, on the warehouse (marts and users) of the last run. */
    private void loadTestAgain() throws Exception {
        if (!Files.exists(folder.resolve("warehouse.duckdb"))) {
            throw new IllegalStateException("no warehouse in " + folder + " to reuse: run without --reuse first");
        }
        password = Files.readString(folder.resolve(PASSWORD_FILE)).strip();
        String loadBefore = loadAverage();
        try (AppProcess app = AppProcess.start(options.jar(), folder, options.heap(), ADMIN, password)) {
            log("application pid %d on %s, log %s", app.pid(), app.base(), app.log());
            AppClient client = new AppClient(app.base(), ADMIN, password);
            List<LoadTest.Target> mix = mix(app, client, latestSemester(client, app));
            List<LoadTest.Result> results = loadTest(app, client, mix);
            Memory memory = new Memory(app.peakHeap(), app.peakLiveHeap(), app.peakResident(), loadAverage());
            List<OverviewInBrowser.Result> pages = pagesInBrowser(app);
            report.add("### %,d cells, the last run's warehouse load-tested again, %s".formatted(options.cells(),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(ZoneOffset.UTC))));
            report.add("");
            report.add("Load average before %s, after %s; heap peak under load %s (%s left after a collection), resident peak %s."
                    .formatted(loadBefore, memory.load(), megabytes(memory.heap()), megabytes(memory.liveHeap()),
                            megabytes(memory.resident())));
            report.add("");
            loadTables(results, mix);
            pageTable(pages);
            System.out.println();
            System.out.print(String.join("\n", report) + "\n");
        }
    }

    /**
     * A JIT warm-up, then each number of clients in turn on the cached mix, then 50 clients asking
     * questions never asked before, each waiting a second between an answer and their next question;
     * the heap's peak is the load test's.
     */
    private List<LoadTest.Result> loadTest(AppProcess app, AppClient client, List<LoadTest.Target> mix) throws Exception {
        LoadTest load = new LoadTest(mix);
        load.run(10, Duration.ofSeconds(10)); // JIT warm-up, not reported
        app.resetPeakHeap();
        List<LoadTest.Result> results = new ArrayList<>();
        for (int clients : options.clients()) {
            Duration duration = clients == options.clients().get(options.clients().size() - 1)
                    ? options.duration() : options.step();
            log("load test: %d clients for %s", clients, duration);
            long cpu = app.cpuMillis();
            LoadTest.Result result = load.run(clients, duration);
            appCpuPerRequest.add((app.cpuMillis() - cpu) / (double) result.all().answers());
            results.add(result);
        }
        NeverAskedQuestions questions = neverAskedQuestions(app, client, NEVER_ASKED_CLIENTS);
        log("load test: %d clients asking new questions, a second apart, for %s", NEVER_ASKED_CLIENTS, options.step());
        neverAsked = new LoadTest(questions, NeverAskedQuestions.NAMES).run(NEVER_ASKED_CLIENTS, options.step(),
                Duration.ofSeconds(1));
        neverAskedQuestions = questions.asked();
        return results;
    }

    /** The load test's users, each with a session and a personal token, over the warehouse's communes and semesters. */
    private NeverAskedQuestions neverAskedQuestions(AppProcess app, AppClient client, int clients) throws Exception {
        List<NeverAskedQuestions.Asker> askers = new ArrayList<>();
        for (String user : Stream.concat(USERS.keySet().stream(), Stream.of(ADMIN)).toList()) {
            String role = user.equals(ADMIN) ? "ADMIN" : USERS.get(user)[0];
            String codes = user.equals(ADMIN) ? "" : USERS.get(user)[1];
            askers.add(new NeverAskedQuestions.Asker(role,
                    role.equals("GOVERNOR") ? codes : role.equals("COMMUNE") ? codes.substring(0, 6) : null,
                    role.equals("COMMUNE") ? codes : null, "Bearer " + client.token(user, password),
                    "JSESSIONID=" + client.signedIn(user, password).sessionId()));
        }
        String national = "Bearer " + client.token("bench-national", password);
        List<String> communes = codes(LoadTest.text(LoadTest.get(app.base(), "/api/v1/territories/communes",
                "Authorization", national)), "\"code\":\"(\\d\\d\\.\\d{3}\\.\\d\\d\\.\\d\\d)\"");
        List<String> semesters = codes(LoadTest.text(LoadTest.get(app.base(), "/api/v1/participation?groupBy=semester",
                "Authorization", national)), "\"semester\":\"(\\d{4}S[12])\"");
        return new NeverAskedQuestions(app.base(), askers, communes, semesters, clients, SEED);
    }

    private static List<String> codes(String json, String pattern) {
        Matcher code = Pattern.compile(pattern).matcher(json);
        List<String> codes = new ArrayList<>();
        while (code.find()) {
            if (!codes.contains(code.group(1))) {
                codes.add(code.group(1));
            }
        }
        return codes;
    }

    private List<OverviewInBrowser.Result> pagesInBrowser(AppProcess app) throws Exception {
        return List.of(OverviewInBrowser.measure(port(app), "bench-national", password, "/", 5),
                OverviewInBrowser.measure(port(app), "bench-governor", password, "/", 5));
    }

    record Step(long cells, long activities, double seconds) {
    }

    record Memory(long heap, long liveHeap, long resident, String load) {
    }

    private Step generate(DemoDataGenerator generator, List<DemoCommune> communes) {
        long start = System.nanoTime();
        long[] activitiesAndCells = new long[2];
        communes.stream().flatMap(generator::activities).forEach(activity -> {
            activitiesAndCells[0]++;
            activitiesAndCells[1] += activity.participation().size();
        });
        return new Step(activitiesAndCells[1], activitiesAndCells[0], seconds(start));
    }

    /** The same cells appended with DuckDB's appender into a table shaped as the warehouse's, timed with their generation. */
    private Step rawAppender(DemoDataGenerator generator, List<DemoCommune> communes) throws Exception {
        Path file = folder.resolve("raw.duckdb");
        long cells = 0;
        long start;
        try (HikariDataSource raw = Warehouse.open(file, 1); Connection connection = raw.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE participation_cell (source_id VARCHAR NOT NULL, item_id VARCHAR NOT NULL,
                        gender VARCHAR NOT NULL, age_band VARCHAR NOT NULL, disability BOOLEAN, role VARCHAR NOT NULL,
                        participants INTEGER NOT NULL CHECK (participants > 0))""");
            start = System.nanoTime();
            try (DuckDBAppender cellsOut = connection.unwrap(DuckDBConnection.class).createAppender("main", "participation_cell")) {
                for (DemoCommune commune : communes) {
                    String source = "portal-" + commune.code().replace('.', '-');
                    for (Activity activity : (Iterable<Activity>) generator.activities(commune)::iterator) {
                        for (ParticipationCell cell : activity.participation()) {
                            cellsOut.beginRow().append(source).append(activity.id()).append(cell.gender().name())
                                    .append(cell.ageBand().code()).append(cell.disability()).append(cell.role().name())
                                    .append(cell.count()).endRow();
                            cells++;
                        }
                    }
                }
            }
            statement.execute("CHECKPOINT");
        }
        double seconds = seconds(start);
        Files.deleteIfExists(file);
        return new Step(cells, 0, seconds);
    }

    /** One user of each role but the administrator, made on the administration page. */
    private void createUsers(AppClient client) throws Exception {
        for (Map.Entry<String, String[]> user : USERS.entrySet()) {
            client.createUser(user.getKey(), user.getValue()[0], user.getValue()[1], password);
        }
    }

    /** The latest semester with data, as a national analyst's participation call sees it. */
    private String latestSemester(AppClient client, AppProcess app) throws Exception {
        String body = LoadTest.text(LoadTest.get(app.base(), "/api/v1/participation?groupBy=semester", "Authorization",
                "Bearer " + client.token("bench-national", password)));
        Matcher semester = Pattern.compile("\"semester\":\"(\\d{4}S[12])\"").matcher(body);
        String latest = null;
        while (semester.find()) {
            latest = latest == null || semester.group(1).compareTo(latest) > 0 ? semester.group(1) : latest;
        }
        return latest;
    }

    /**
     * The requests behind the pages, as the pages make them: each page is opened once by its user and
     * the data URL its script fetches is read from it; then the API calls an analyst's tool makes.
     */
    private List<LoadTest.Target> mix(AppProcess app, AppClient client, String semester) throws Exception {
        Map<String, List<String>> pages = Map.of(
                "bench-national", List.of("/", "/?scope=region:05", "/?scope=province:05.091&gender=F", "/results",
                        "/commune?scope=commune:05.091.01.07", "/mechanisms", "/mechanisms?mechanism=PETITION",
                        "/convergence"),
                "bench-programme", List.of("/?ageBand=18-24&disability=true", "/results?scope=region:05", "/quality",
                        "/convergence?scope=province:05.091"),
                "bench-governor", List.of("/", "/results", "/commune?scope=commune:05.091.01.01", "/mechanisms"),
                "bench-commune", List.of("/", "/commune", "/results"),
                ADMIN, List.of("/quality", "/?scope=region:11"));
        Map<String, List<String>> api = Map.of(
                "bench-national", List.of("/api/v1/participation?groupBy=region,semester",
                        "/api/v1/participation?groupBy=gender,ageBand,disability&region=05",
                        "/api/v1/participation?groupBy=", "/api/v1/indicators?scope=programme&semester=" + semester),
                "bench-programme", List.of("/api/v1/participation?groupBy=mechanism,year,cohort",
                        "/api/v1/participation?groupBy=commune&mechanism=PETITION",
                        "/api/v1/indicators?scope=region:05&semester=" + semester),
                "bench-governor", List.of("/api/v1/participation?groupBy=commune,semester",
                        "/api/v1/indicators?semester=" + semester),
                "bench-commune", List.of("/api/v1/participation?groupBy=gender,ageBand,disability",
                        "/api/v1/participation?groupBy=mechanism,semester", "/api/v1/indicators?semester=" + semester));
        List<LoadTest.Target> mix = new ArrayList<>();
        for (String user : Stream.concat(USERS.keySet().stream(), Stream.of(ADMIN)).toList()) {
            BrowserSession session = client.signedIn(user, password);
            String role = user.equals(ADMIN) ? "ADMIN" : USERS.get(user)[0];
            for (String page : pages.get(user)) {
                var answer = session.get(page);
                Matcher data = PAGE_DATA.matcher(answer.body());
                if (answer.statusCode() != 200 || !data.find()) {
                    throw new IllegalStateException(user + " cannot open " + page + ": " + answer.statusCode() + " "
                            + answer.body());
                }
                String name = page.substring(1).replaceAll("[?].*", "");
                mix.add(new LoadTest.Target(name.isEmpty() ? "overview" : name, role, LoadTest.get(app.base(),
                        data.group(1).replace("&amp;", "&"), "Cookie", "JSESSIONID=" + session.sessionId())));
            }
            if (api.containsKey(user)) {
                String bearer = "Bearer " + client.token(user, password);
                for (String call : api.get(user)) {
                    String name = call.startsWith("/api/v1/participation") ? "API participation" : "API indicators";
                    HttpRequest request = LoadTest.get(app.base(), call, "Authorization", bearer);
                    LoadTest.text(request); // fails here, with its answer, if the call is refused
                    mix.add(new LoadTest.Target(name, role, request));
                }
            }
        }
        return mix;
    }

    /** The DuckDB oracle's time for the six marts over a snapshot of the same warehouse (the application stopped). */
    private double oracle() throws Exception {
        Path snapshot = folder.resolve("oracle-snapshot");
        try (HikariDataSource warehouse = Warehouse.open(folder.resolve("warehouse.duckdb"), 2)) {
            new WarehouseSnapshot(warehouse).export(snapshot, true);
        }
        Path database = folder.resolve("oracle.duckdb");
        Files.deleteIfExists(database);
        // On disk, within a bound it spills beyond: in memory, at 30 M cells, the oracle and this JVM took the machine's 24 GB.
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + database);
             Statement settings = duckdb.createStatement()) {
            settings.execute("SET memory_limit = '6GB'");
            long start = System.nanoTime();
            MartOracle.compute(duckdb, snapshot, 0.9, 0.6);
            return seconds(start);
        }
    }

    private void write(String started, String loadBefore, int communes, List<String> steps, JsonNode refresh,
                       Instant ingestionEnd, Incremental incremental, double oracleSeconds, double baselineSeconds,
                       List<LoadTest.Result> results,
                       List<LoadTest.Target> mix, List<Memory> memory, long warehouseBytes,
                       List<OverviewInBrowser.Result> pages) throws IOException {
        String heading = "### %,d cells, %s".formatted(options.cells(), started);
        report.add(heading);
        report.add("");
        report.add("Machine: %d cores, %s of memory, Java %s; load average before the run %s, after it %s. Command: `bench/run %d%s`."
                .formatted(Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.version"),
                        loadBefore, loadAverage(), options.cells(), commandFlags()));
        report.add("");
        report.add("| step | cells | time | throughput | notes |");
        report.add("|---|---|---|---|---|");
        report.addAll(steps);
        report.add("");

        JsonNode timings = refresh.get("timings");
        Instant refreshStart = AppClient.instant(refresh.get("startedAt"));
        Instant refreshEnd = AppClient.instant(refresh.get("finishedAt"));
        double firstRefresh = Duration.between(ingestionEnd, refreshStart).toMillis() / 1000.0;
        double refreshSeconds = Duration.between(refreshStart, refreshEnd).toMillis() / 1000.0;
        double jobs = timings.get("jobsMs").asLong() / 1000.0;
        report.add("| full refresh | cells | Spark session | snapshot | Spark jobs | load + swap | total | DuckDB oracle, same data "
                + "| tuned DuckDB baseline, same data | Spark jobs ÷ baseline | total ÷ baseline |");
        report.add("|---|---|---|---|---|---|---|---|---|---|---|");
        report.add("| `POST /api/v1/analytics/runs {\"full\": true}` (%s) | %,d | %.1f s | %.1f s | %.1f s | %.1f s | **%.1f s** | %.1f s | %.1f s | %.1f× | %.1f× |"
                .formatted(refresh.get("status").asString(), refresh.get("cells").asLong(),
                        timings.get("sessionMs").asLong() / 1000.0, timings.get("snapshotMs").asLong() / 1000.0, jobs,
                        timings.get("loadMs").asLong() / 1000.0, refreshSeconds, oracleSeconds, baselineSeconds,
                        jobs / baselineSeconds, refreshSeconds / baselineSeconds));
        report.add("");
        report.add(("The pull's end had already started a refresh (Spark cold in a new process); the one asked for "
                + "waited for it: ingestion end → that first refresh done took %.1f s. The table's refresh is the second, "
                + "from its start to its marts visible. App heap peak during the refreshes %s.")
                .formatted(firstRefresh, megabytes(memory.get(1).heap())));
        report.add("");
        report.add("| change, refreshed incrementally | figures visible after | the refresh | full refresh, same run | full ÷ change |");
        report.add("|---|---|---|---|---|");
        report.add("| a pull: %d communes (5 %%) publish %,d new versions | **%.1f s** from the pull's end | %s | %.1f s | %.1f× |"
                .formatted(incremental.communes(), incremental.items(), incremental.pullToVisible(), incremental.pullRefresh(),
                        incremental.fullSeconds(), incremental.fullSeconds() / incremental.pullToVisible()));
        report.add("| an upload of 20 activities for one commune | **%.1f s** from its answer | %s | %.1f s | %.1f× |"
                .formatted(incremental.uploadToVisible(), incremental.uploadRefresh(), incremental.fullSeconds(),
                        incremental.fullSeconds() / incremental.uploadToVisible()));
        report.add("");
        loadTables(results, mix);
        pageTable(pages);
        report.add("| application process (`-Xmx%s`) | after ingestion | after refresh | after load test |".formatted(options.heap()));
        report.add("|---|---|---|---|");
        report.add("| heap in use, peak in the step (JMX, sampled every 100 ms) | %s | %s | %s |".formatted(megabytes(memory.get(0).heap()),
                megabytes(memory.get(1).heap()), megabytes(memory.get(2).heap())));
        report.add("| heap left after a collection, peak in the step (what the application needs) | %s | %s | %s |".formatted(
                megabytes(memory.get(0).liveHeap()), megabytes(memory.get(1).liveHeap()), megabytes(memory.get(2).liveHeap())));
        report.add("| resident peak since start (VmHWM) | %s | %s | %s |".formatted(megabytes(memory.get(0).resident()),
                megabytes(memory.get(1).resident()), megabytes(memory.get(2).resident())));
        report.add("| load average at the step's end | %s | %s | %s |".formatted(memory.get(0).load(), memory.get(1).load(),
                memory.get(2).load()));
        report.add("");
        report.add("Warehouse file: %s for %,d cells of %,d communes.".formatted(megabytes(warehouseBytes), options.cells(), communes));

        String markdown = String.join("\n", report) + "\n";
        Files.writeString(folder.resolve("results.md"), markdown);
        System.out.println();
        System.out.print(markdown);
        if (options.docs() != null) {
            intoDocs(options.docs(), markdown);
        }
    }

    private void loadTables(List<LoadTest.Result> results, List<LoadTest.Target> mix) {
        report.add("| clients | duration | requests | throughput | p50 | p95 | p99 | max | errors | app CPU per request |");
        report.add("|---|---|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < results.size(); i++) {
            LoadTest.Result result = results.get(i);
            LoadTest.Figures all = result.all();
            report.add("| %d | %.0f s | %,d | %,.0f req/s | %.1f ms | %.1f ms | %.1f ms | %.0f ms | %d | %.2f ms |".formatted(
                    result.clients(), result.seconds(), all.answers(), result.throughput(), all.p50(), all.p95(), all.p99(),
                    all.max(), all.errors(), appCpuPerRequest.get(i)));
        }
        report.add("");
        StringBuilder header = new StringBuilder("| endpoint (roles) |");
        StringBuilder rule = new StringBuilder("|---|");
        for (LoadTest.Result result : results) {
            header.append(" p50 / p95 / p99 at %d clients |".formatted(result.clients()));
            rule.append("---|");
        }
        report.add(header.toString());
        report.add(rule.toString());
        for (int t = 0; t < results.get(0).byTarget().size(); t++) {
            String name = results.get(0).byTarget().get(t).name();
            StringBuilder line = new StringBuilder("| %s (%s) |".formatted(name, String.join(", ",
                    mix.stream().filter(target -> target.name().equals(name)).map(LoadTest.Target::role).distinct().toList())));
            for (LoadTest.Result result : results) {
                LoadTest.Figures f = result.byTarget().get(t);
                line.append(" %.1f / %.1f / %.1f ms%s |".formatted(f.p50(), f.p95(), f.p99(),
                        f.errors() > 0 ? ", " + f.errors() + " errors" : ""));
            }
            report.add(line.toString());
        }
        report.add("");
        for (LoadTest.Result result : results) {
            if (!result.errorSamples().isEmpty()) {
                report.add("Errors at %d clients: %s".formatted(result.clients(), result.errorSamples()));
                report.add("");
            }
        }
        report.add("Mix: %d requests (each page's data URL as its page fetches it, session cookie; API calls with a personal token), sent round-robin, each client from its own offset, gzip accepted.".formatted(mix.size()));
        report.add("");
        LoadTest.Figures all = neverAsked.all();
        report.add(("Questions never asked before: %d clients, each waiting 1 s between an answer and its next question, "
                + "%,d different questions in %.0f s (random scope, filters, period and grouping per role, as the pages "
                + "and the API allow them; none can come from the cache):").formatted(neverAsked.clients(),
                neverAskedQuestions, neverAsked.seconds()));
        report.add("");
        report.add("| questions | answers | p50 | p95 | p99 | max | errors |");
        report.add("|---|---|---|---|---|---|---|");
        for (LoadTest.Figures f : Stream.concat(Stream.of(all), neverAsked.byTarget().stream()).toList()) {
            report.add("| %s | %,d | %.1f ms | %.1f ms | %.1f ms | %.0f ms | %d |".formatted(f.name(), f.answers(), f.p50(),
                    f.p95(), f.p99(), f.max(), f.errors()));
        }
        report.add("");
        if (!neverAsked.errorSamples().isEmpty()) {
            report.add("Errors of new questions: %s".formatted(neverAsked.errorSamples()));
            report.add("");
        }

    }

    private void pageTable(List<OverviewInBrowser.Result> pages) {
        report.add("| overview page in headless Chromium | data in | charts drawn | transferred | requests |");
        report.add("|---|---|---|---|---|");
        for (OverviewInBrowser.Result page : pages) {
            OverviewInBrowser.Load cold = page.cold();
            report.add("| %s, empty cache | %.0f ms | **%.0f ms** | %s (%s unpacked) | %d |".formatted(page.user(),
                    cold.dataReadyMs(), cold.drawnMs(), kilobytes(cold.transferred()), kilobytes(cold.decoded()),
                    cold.requests()));
            List<OverviewInBrowser.Load> warm = page.warm().stream()
                    .sorted(Comparator.comparingDouble(OverviewInBrowser.Load::drawnMs)).toList();
            OverviewInBrowser.Load median = warm.get(warm.size() / 2);
            report.add("| %s, cached (median of %d) | %.0f ms | **%.0f ms** (max %.0f) | %s | %d |".formatted(page.user(),
                    warm.size(), median.dataReadyMs(), median.drawnMs(), warm.get(warm.size() - 1).drawnMs(),
                    kilobytes(median.transferred()), median.requests()));
            if (!page.consoleErrors().isEmpty()) {
                report.add("| console errors | %s | | | |".formatted(page.consoleErrors()));
            }
        }
        report.add("");
    }

    /** Replaces this size's section of the docs (between its markers), or adds it at the end. */
    private void intoDocs(Path docs, String markdown) throws IOException {
        String begin = "<!-- bench:" + options.cells() + " -->";
        String end = "<!-- /bench:" + options.cells() + " -->";
        String text = Files.readString(docs, StandardCharsets.UTF_8);
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        String section = begin + "\n" + markdown + end;
        text = from >= 0 && to > from ? text.substring(0, from) + section + text.substring(to + end.length())
                : text + "\n" + section + "\n";
        Files.writeString(docs, text, StandardCharsets.UTF_8);
        log("results written into %s", docs);
    }

    private String commandFlags() {
        StringBuilder flags = new StringBuilder();
        if (!options.duration().equals(Duration.ofMinutes(5))) {
            flags.append(" --duration ").append(options.duration().toSeconds()).append("s");
        }
        if (!options.step().equals(Duration.ofSeconds(60))) {
            flags.append(" --step ").append(options.step().toSeconds()).append("s");
        }
        if (!options.national()) {
            flags.append(" --communes programme");
        }
        if (!options.heap().equals("2g")) {
            flags.append(" --heap ").append(options.heap());
        }
        return flags.toString();
    }

    private static int port(AppProcess app) {
        return Integer.parseInt(app.base().substring(app.base().lastIndexOf(':') + 1));
    }

    private static String row(String what, Step step, String note) {
        return String.format(Locale.ROOT, "| %s | %,d | %.1f s | %,.0f cells/s | %s |", what, step.cells(), step.seconds(),
                step.cells() / step.seconds(), note);
    }

    private static String loadAverage() {
        try {
            String[] figures = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return figures[0] + " " + figures[1] + " " + figures[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String memTotal() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return "%.0f GB".formatted(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
            }
        }
        return "?";
    }

    private static void log(String format, Object... arguments) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", arguments);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }

    private static String kilobytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f KB", bytes / 1024.0);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
