package ma.tadafor.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ma.tadafor.dashboard.DemoApplicationTest;

/**
 * Thousands of hostile values in every parameter and body of the public API: whatever arrives,
 * the answer is an answer (2xx, or a 4xx problem naming what is wrong), never a 500. The values
 * are drawn from a fixed seed, so a failure replays. Requests carry personal API tokens: a password
 * check (BCrypt, deliberately slow) per request would make the campaign crawl.
 */
class BadInputFuzzTest extends DemoApplicationTest {

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private static final List<String> NASTY = List.of("", " ", "'", "\"", "' OR 1=1 --", "'; DROP TABLE activity; --",
            "%", "%00", "\\", "../../etc/passwd", "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "-1", "0",
            "99999999999999999999", "1e309", "NaN", "null", "true", "2024S3", "2024-13-45", "０５.０９１", "قصبة تادلة",
            "05.091", "05.091.01.07", "programme", "province:", "commune:05.091.01.07:x", ",,,", "gender,,ageBand",
            "\u0000", "\uFFFF", "😀", "a".repeat(5000));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/api/v1/territories/communes?programme={}&format={}",
            "/api/v1/participation?groupBy={}&gender={}",
            "/api/v1/participation?province={}&from={}",
            "/api/v1/participation?commune={}&to={}&semester={}",
            "/api/v1/participation?region={}&year={}&disability={}",
            "/api/v1/indicators?semester={}&scope={}",
            "/api/v1/ingestion/quarantine?source={}&page={}&size={}",
            "/api/v1/ingestion/runs/{}",
            "/api/v1/audit?user={}&action={}&q={}&page={}",
            "/api/v1/committees/{}/meetings",
            "/api/v1/committees/{}/recommendations",
            "/api/v1/reports/committee-brief?province={}&semester={}&lang={}"})
    void queriesNeverAnswer500(String template) throws Exception {
        SplittableRandom random = new SplittableRandom(template.hashCode());
        for (int i = 0; i < 40; i++) {
            String path = template;
            while (path.contains("{}")) {
                path = path.replaceFirst("\\{}", URLEncoder.encode(value(random), StandardCharsets.UTF_8)
                        .replace("\\", "\\\\").replace("$", "\\$"));
            }
            HttpResponse<String> response = as(random.nextBoolean() ? "admin" : "gov-beni-mellal", "GET", path, null);
            assertThat(response.statusCode()).as(path).isLessThan(500);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiterString = "|", textBlock = """
            POST | /api/v1/sources                                    | {"id": {}, "type": {}, "communeCode": {}, "baseUrl": {}, "token": {}, "schedule": {}}
            POST | /api/v1/ingestion/runs                             | {"sources": [{}, {}]}
            PUT  | /api/v1/framework/indicators/R2.1/targets/2024S1   | {"target": {}}
            PUT  | /api/v1/framework/indicators/R4.7                  | {"result": {}, "labelFr": {}, "labelAr": {}, "unit": {}, "computation": {}, "activityFilter": {}}
            PUT  | /api/v1/programme/communes/05.091.01.13            | {"cohort": {}, "joined": {}}
            POST | /api/v1/me/tokens                                  | {"name": {}}
            POST | /api/v1/committees/05.091/recommendations          | {"textFr": {}, "ownerInstitution": {}, "dueOn": {}, "meetingId": {}}
            """)
    void bodiesNeverAnswer500(String method, String path, String template) throws Exception {
        SplittableRandom random = new SplittableRandom(path.hashCode());
        String user = path.contains("framework") || path.contains("programme") ? "enabel" : "admin";
        for (int i = 0; i < 30; i++) {
            String body = template;
            while (body.contains("{}")) {
                body = body.replaceFirst("\\{}", json(random).replace("\\", "\\\\").replace("$", "\\$"));
            }
            HttpResponse<String> response = as(user, method, path, random.nextInt(10) == 0 ? body.substring(1) : body);
            assertThat(response.statusCode()).as(body).isLessThan(500);
        }
    }

    private HttpResponse<String> as(String user, String method, String path, String body) throws Exception {
        String token = tokens.computeIfAbsent(user, this::token);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String token(String user) {
        try {
            return (String) object(send("POST", "/api/v1/me/tokens", user, "{\"name\": \"fuzz\"}")).get("token");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(SplittableRandom random) {
        return NASTY.get(random.nextInt(NASTY.size()));
    }

    /** A JSON value: a nasty string, a number, a boolean, null, or a structure where a scalar belongs. */
    private static String json(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextInt() - random.nextInt());
            case 2 -> "true";
            case 3 -> "[1, {\"a\": 2}]";
            default -> "\"" + value(random).replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000") + "\"";
        };
    }
}
