package ma.tadafor.dashboard.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;

/** The whole application on a real port, a real warehouse file and the demo users. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommunesApiTest {

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        registry.add("tadafor.warehouse.path", () -> folder.resolve("warehouse.duckdb").toString());
        registry.add("tadafor.demo.scale", () -> "0.02");
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAnalystSeesTheSixtyProgrammeCommunesWithArabicNames() throws Exception {
        HttpResponse<String> response = get("/api/v1/territories/communes?programme=true", "dgct");

        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, Object>> items = items(response);
        assertThat(items).hasSize(60);
        assertThat(items).anySatisfy(commune -> {
            assertThat(commune).containsEntry("code", "05.091.01.07").containsEntry("nameFr", "Kasba Tadla")
                    .containsEntry("nameAr", "قصبة تادلة").containsEntry("provinceCode", "05.091")
                    .containsEntry("regionCode", "05").containsEntry("type", "urban");
            assertThat(commune.get("cohort")).isIn("pilot", "extension");
            assertThat(commune.get("population")).isEqualTo(Map.of("total", 47399, "female", 24995, "male", 22404));
        });
    }

    @Test
    void aGovernorSeesOnlyTheCommunesOfHisProvince() throws Exception {
        List<Map<String, Object>> programme = items(get("/api/v1/territories/communes?programme=true", "gov-beni-mellal"));
        List<Map<String, Object>> all = items(get("/api/v1/territories/communes", "gov-beni-mellal"));

        assertThat(programme).isNotEmpty().allSatisfy(commune -> assertThat(commune).containsEntry("provinceCode", "05.091"));
        assertThat(programme).extracting(commune -> commune.get("code")).contains("05.091.01.07");
        assertThat(all).hasSizeGreaterThan(programme.size())
                .allSatisfy(commune -> assertThat(commune).containsEntry("provinceCode", "05.091"));
    }

    @Test
    void aFocalPointSeesOnlyHerCommune() throws Exception {
        assertThat(items(get("/api/v1/territories/communes", "focal-kasba-tadla")))
                .extracting(commune -> commune.get("code")).containsExactly("05.091.01.07");
    }

    @Test
    void withoutCredentialsTheApiAnswers401() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/territories/communes")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIs401() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/territories/communes"))
                .header("Authorization", basic("dgct", "wrong")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aMalformedParameterIsA400ThatNamesIt() throws Exception {
        HttpResponse<String> response = get("/api/v1/territories/communes?programme=maybe", "dgct");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("programme");
    }

    @Test
    void healthIsOpen() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, "tadafor-demo")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return (List<Map<String, Object>>) json.readValue(response.body(), Map.class).get("items");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
