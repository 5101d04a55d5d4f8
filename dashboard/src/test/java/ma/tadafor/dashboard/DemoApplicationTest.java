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
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application in its demo profile, on a random port, over a real warehouse file: demo
 * users, the portal simulator and the first pull through the real job. Test classes extending
 * this share one running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DemoApplicationTest {

    protected static final String PASSWORD = "tadafor-demo";

    private static final Path WAREHOUSE = warehouseFolder().resolve("warehouse.duckdb");

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) {
        registry.add("tadafor.warehouse.path", WAREHOUSE::toString);
        registry.add("tadafor.analytics.exchange", () -> WAREHOUSE.resolveSibling("exchange").toString());
        registry.add("tadafor.warehouse.backups", () -> WAREHOUSE.resolveSibling("backups").toString());
        registry.add("tadafor.demo.scale", () -> "0.02");
        registry.add("tadafor.demo.simulator-port", () -> "0");
        registry.add("tadafor.ingestion.schedule", () -> "false");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

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

    /** The demo's first pull is followed by a marts refresh (Spark); figures exist once it is done. */
    protected void awaitMarts() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, Object> total = object(get("/api/v1/participation", "admin"));
            return total.get("total") instanceof Map<?, ?> figures && ((Number) figures.get("participants")).longValue() > 0;
        });
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
