package ma.tadafor.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.dashboard.security.BrowserSession;

/**
 * The OpenAPI document the application serves against the contract's list of endpoints
 * ({@code api-contract.txt}, a copy of API.md's): each listed operation is there with its query
 * parameters, its roles, its answer and the problem+json refusals, and the document serves no
 * {@code /api/v1} operation the list does not hold. Signed-in users read it; strangers do not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractTest extends DemoApplicationTest {

    private static final List<String> REFUSALS = List.of("400", "403", "413", "429");

    /** One line of the list: an operation and the query parameters the contract gives it. */
    record Endpoint(String method, String path, List<String> parameters) {

        String key() {
            return method + " " + path.replaceAll("\\{[^}]+}", "{}");
        }
    }

    private Map<String, Object> document;

    @BeforeAll
    void readDocument() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", "dgct");
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        document = object(docs);
    }

    @Test
    void everyListedEndpointIsDocumentedWithItsParametersRolesAndAnswers() throws IOException {
        for (Endpoint endpoint : contract()) {
            Map<String, Object> operation = operations().get(endpoint.key());
            assertThat(operation).as(endpoint.key() + " in /v3/api-docs").isNotNull();
            List<String> parameters = new ArrayList<>();
            for (Map<String, Object> parameter : list(operation.get("parameters"))) {
                if ("query".equals(parameter.get("in"))) {
                    parameters.add((String) parameter.get("name"));
                }
            }
            assertThat(parameters).as(endpoint.key() + " parameters").containsAll(endpoint.parameters());
            assertThat((String) operation.get("description")).as(endpoint.key() + " roles").contains("Roles:");
            Map<String, Object> responses = map(operation.get("responses"));
            assertThat(responses.keySet()).as(endpoint.key() + " answers").anyMatch(code -> code.startsWith("2"));
            for (String refusal : REFUSALS) {
                assertThat(map(map(responses.get(refusal)).get("content"))).as(endpoint.key() + " " + refusal)
                        .containsKey("application/problem+json");
            }
        }
    }

    @Test
    void theDocumentServesNoEndpointTheContractDoesNotList() throws IOException {
        TreeSet<String> listed = new TreeSet<>(contract().stream().map(Endpoint::key).toList());

        assertThat(new TreeSet<>(operations().keySet())).isEqualTo(listed);
    }

    @Test
    void signedInUsersReadTheDocumentAndItsPageStrangersDoNot() throws Exception {
        assertThat(anonymous("/v3/api-docs").statusCode()).isEqualTo(401);
        HttpResponse<String> page = anonymous("/swagger-ui.html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));

        BrowserSession browser = new BrowserSession(port);
        browser.signIn("focal-kasba-tadla", PASSWORD);
        assertThat(browser.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        assertThat(browser.get("/v3/api-docs").statusCode()).as("the page reads the document with its session").isEqualTo(200);
        assertThat(get("/v3/api-docs", "focal-kasba-tadla").statusCode()).isEqualTo(200);
    }

    /** Every operation of the document under {@code /api/v1}, keyed like {@link Endpoint#key()}. */
    private Map<String, Map<String, Object>> operations() {
        Map<String, Map<String, Object>> operations = new TreeMap<>();
        map(document.get("paths")).forEach((path, item) -> {
            if (path.startsWith("/api/v1/")) {
                map(item).forEach((method, operation) -> operations.put(
                        new Endpoint(method.toUpperCase(), path, List.of()).key(), map(operation)));
            }
        });
        return operations;
    }

    /** The listed endpoints of {@code api-contract.txt} but its [future] section (commented out there). */
    static List<Endpoint> contract() throws IOException {
        List<Endpoint> endpoints = new ArrayList<>();
        try (InputStream in = ApiContractTest.class.getResourceAsStream("/api-contract.txt")) {
            String section = "";
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String text = line.strip();
                if (text.startsWith("[")) {
                    section = text;
                } else if (!text.isEmpty() && !text.startsWith("#") && !section.equals("[future]")) {
                    String[] words = text.split("\\s+");
                    endpoints.add(new Endpoint(words[0], words[1], List.of(words).subList(2, words.length)));
                }
            }
        }
        assertThat(endpoints).as("api-contract.txt").hasSizeGreaterThan(20);
        return endpoints;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
