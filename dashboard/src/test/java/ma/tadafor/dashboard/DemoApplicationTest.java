package ma.tadafor.dashboard;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.dashboard.demo.DemoProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application in its demo profile, on a random port, over a real warehouse file: demo
 * users, the portal simulator and the first pull through the real job. Test classes extending
 * this share one running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
public abstract class DemoApplicationTest {

    protected static final String PASSWORD = "tadafor-demo";

    private static final Path WAREHOUSE = warehouseFolder().resolve("warehouse.duckdb");

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) {
        registry.add("tadafor.warehouse.path", WAREHOUSE::toString);
        registry.add("tadafor.analytics.exchange", () -> WAREHOUSE.resolveSibling("exchange").toString());
        registry.add("tadafor.warehouse.backups", () -> WAREHOUSE.resolveSibling("backups").toString());
        registry.add("tadafor.demo.scale", () -> "0.02");
        registry.add("tadafor.ingestion.schedule", () -> "false");
        // Tests drive the briefs' job themselves, with a fixed clock.
        registry.add("tadafor.reports.check-every", () -> "0");
        // ...and mail's (docs/MAIL.md): the daily check and the sender.
        registry.add("tadafor.mail.schedule", () -> "-");
        registry.add("tadafor.mail.send-every", () -> "0");
        // Every test signs in from 127.0.0.1: the address's allowance must outlast the suite's wrong
        // passwords. A throttled account's wait is long enough to be seen on a busy machine and
        // short enough to be waited out.
        registry.add("tadafor.security.throttle.address-attempts", () -> "1000");
        registry.add("tadafor.security.throttle.first-delay", () -> "3s");
        registry.add("tadafor.security.throttle.max-delay", () -> "6s");
        // The public pages' limit per client address, small enough to be reached (PublicDataTest).
        registry.add("tadafor.public.requests-per-minute", () -> "20");
        // Committees and semesters start empty and open: the tests hold their own meetings and closures.
        registry.add("tadafor.demo.committees.enabled", () -> "false");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    @Autowired
    private HikariDataSource demoWarehouse;

    @Autowired
    private DemoProperties demo;

    protected final HttpClient http = HttpClient.newHttpClient();

    protected HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return send(request(path, user).GET(), user);
    }

    protected HttpResponse<String> send(String method, String path, String user, String jsonBody)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8);
        return send(request(path, user).header("Content-Type", "application/json").method(method, body), user);
    }

    protected HttpResponse<String> anonymous(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * The demo's pulls (the first and the later ones) are each followed by a marts refresh (Spark);
     * the figures are final once every pull has ended and a refresh started after the last one that
     * changed anything has completed.
     */
    protected void awaitMarts() {
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).until(this::demoSettled);
    }

    /** Every pull of the demo has ended (a test starting its own pull now is not skipped for a busy source). */
    protected void awaitDemoPulls() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(this::demoPullsEnded);
    }

    private boolean demoPullsEnded() throws SQLException {
        return holds("""
                SELECT (SELECT count(*) FROM ingestion_run WHERE trigger = 'demo' AND finished_at IS NOT NULL) >= %d
                       AND NOT EXISTS (SELECT 1 FROM ingestion_run WHERE finished_at IS NULL)""".formatted(
                1 + demo.laterPulls()));
    }

    private boolean demoSettled() throws SQLException {
        return demoPullsEnded() && holds("""
                SELECT NOT EXISTS (SELECT 1 FROM analytics_run WHERE status IN ('QUEUED', 'RUNNING'))
                       AND coalesce((SELECT max(started_at) FROM analytics_run WHERE status = 'COMPLETED')
                           >= (SELECT max(r.finished_at) FROM ingestion_run r JOIN ingestion_run_source s USING (run_id)
                               WHERE s.inserted + s.updated + s.deleted > 0), false)""");
    }

    private boolean holds(String condition) throws SQLException {
        try (Connection connection = demoWarehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(condition)) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    protected Map<String, Object> object(HttpResponse<String> response) {
        return json.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> items(HttpResponse<String> response) {
        return (List<Map<String, Object>>) object(response).get("items");
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, PASSWORD));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Path warehouseFolder() {
        try {
            Path target = Files.createDirectories(Path.of("target", "test-warehouses"));
            return Files.createTempDirectory(target, "demo-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
