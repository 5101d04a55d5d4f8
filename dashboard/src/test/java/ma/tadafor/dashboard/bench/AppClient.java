package ma.tadafor.dashboard.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ma.tadafor.dashboard.security.BrowserSession;

/**
 * What an administrator does to set the benchmark up, through the application's own doors: users
 * created on the administration page, personal API tokens, sources, ingestion and analytics runs.
 */
final class AppClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final BrowserSession administrator;
    private final String adminToken;

    AppClient(String base, String admin, String password) throws IOException, InterruptedException {
        this.base = base;
        this.port = URI.create(base).getPort();
        this.administrator = signedIn(admin, password);
        this.adminToken = token(admin, password);
    }

    /** A browser session of the user, signed in through the login form. */
    BrowserSession signedIn(String username, String password) throws IOException, InterruptedException {
        BrowserSession session = new BrowserSession(port);
        HttpResponse<String> answer = session.signIn(username, password);
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(username + " could not sign in: " + answer.statusCode() + " " + location);
        }
        return session;
    }

    /** Creates the user on the administration page (role and scope codes as that form takes them). */
    void createUser(String username, String role, String scope, String password) throws IOException, InterruptedException {
        HttpResponse<String> answer = administrator.post("/admin/users", Map.of("username", username,
                "displayName", "Benchmark " + username, "role", role, "scope", scope, "password", password), "/admin/users");
        if (answer.statusCode() != 302) {
            throw new IllegalStateException("creating " + username + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    /** A personal API token of the user (its one Basic sign-in; every later call uses the token). */
    String token(String username, String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        JsonNode issued = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}")).build(), 201);
        return issued.get("token").asString();
    }

    /** Uploads a CSV file of activities for a commune (the import page's API); returns the import's answer. */
    JsonNode upload(String communeCode, String csv) throws IOException, InterruptedException {
        String boundary = "bench-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nACTIVITIES\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"communeCode\"\r\n\r\n" + communeCode + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> answer = http.send(authorized("/api/v1/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("upload for " + communeCode + ": " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    void createSource(String id, String communeCode, String baseUrl, String token) throws IOException, InterruptedException {
        post("/api/v1/sources", Map.of("id", id, "type", "PORTAL_FEED", "communeCode", communeCode, "baseUrl", baseUrl,
                "token", token, "schedule", "0 0 2 * * *", "enabled", true), 201);
    }

    /** Pulls every enabled source and waits for the run's end; returns its report. */
    JsonNode ingest() throws IOException, InterruptedException {
        String runId = post("/api/v1/ingestion/runs", Map.of(), 202).get("runId").asString();
        return await("/api/v1/ingestion/runs/" + runId, "RUNNING");
    }

    /** Asks for a full refresh of the marts and waits for it; returns the analytics run. */
    JsonNode refreshAll() throws IOException, InterruptedException {
        String runId = post("/api/v1/analytics/runs", Map.of("full", true), 202).get("runId").asString();
        return await("/api/v1/analytics/runs/" + runId, "QUEUED", "RUNNING");
    }

    private JsonNode await(String path, String... unfinished) throws IOException, InterruptedException {
        while (true) {
            JsonNode run = send(authorized(path).GET().build(), 200);
            if (!List.of(unfinished).contains(run.get("status").asString())) {
                return run;
            }
            Thread.sleep(250);
        }
    }

    private JsonNode post(String path, Map<String, Object> body, int expected) throws IOException, InterruptedException {
        return send(authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), expected);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + adminToken);
    }

    private JsonNode send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + answer.statusCode() + " "
                    + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    static Instant instant(JsonNode node) {
        return Instant.parse(node.asString());
    }
}
