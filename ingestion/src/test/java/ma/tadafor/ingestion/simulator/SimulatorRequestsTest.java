package ma.tadafor.ingestion.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Requests the contract refuses: a bad token, a wrong address, a bad parameter. */
class SimulatorRequestsTest {

    private static final List<DemoCommune> COMMUNES = ProgrammeCommunes.all().subList(0, 2);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static PortalSimulator simulator;
    private static FeedClient client;
    private static String code;

    @BeforeAll
    static void start() {
        simulator = PortalSimulator.start(SimulatorSettings.builder().scale(0.1).token(COMMUNES.get(1).code(), "s3cret")
                .build(), COMMUNES);
        client = new FeedClient(simulator);
        code = COMMUNES.get(0).code();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pageSize=0                          | pageSize",
            "pageSize=1001                       | pageSize",
            "pageSize=ten                        | pageSize",
            "updatedSince=2024-03-01             | updatedSince",
            "updatedSince=yesterday              | updatedSince",
            "pageToken=bm90LWEtdG9rZW4           | pageToken",
            "pageToken=!!!                       | pageToken",
            "pageSize=5&pageToken=eyJ1IjoxfQ     | pageToken"})
    void aBadParameterIsAnswered400NamingIt(String query, String parameter) throws Exception {
        HttpResponse<String> response = client.get(code, query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode problem = MAPPER.readTree(response.body());
        assertThat(problem.path("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.path("message").asString()).startsWith(parameter + " ");
    }

    @Test
    void aMissingOrWrongTokenIsAnswered401() throws Exception {
        String url = simulator.baseUrl(code) + FeedClient.FEED_PATH;
        String otherCommunesToken = "Bearer " + simulator.token(COMMUNES.get(1).code());

        for (String authorization : new String[] {null, "Bearer wrong", otherCommunesToken, simulator.token(code)}) {
            HttpResponse<String> response = client.fetch(url, authorization);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(MAPPER.readTree(response.body()).path("status").asInt()).isEqualTo(401);
        }
        assertThat(simulator.token(COMMUNES.get(1).code())).isEqualTo("s3cret");
        assertThat(client.get(COMMUNES.get(1).code(), "").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownCommuneOrPathIsAnswered404() throws Exception {
        String root = "http://127.0.0.1:" + simulator.port();
        String bearer = "Bearer " + simulator.token(code);

        for (String url : new String[] {root + "/communes/99.999.99.99" + FeedClient.FEED_PATH,
                root + "/communes/" + code + "/api/participation/v2/activities", root + "/", simulator.baseUrl(code)}) {
            HttpResponse<String> response = client.fetch(url, bearer);

            assertThat(response.statusCode()).as(url).isEqualTo(404);
            assertThat(MAPPER.readTree(response.body()).path("message").asString()).isNotBlank();
        }
    }

    @Test
    void requestsAreCountedPerCommuneAndStatus() throws Exception {
        String other = COMMUNES.get(1).code();
        long before = simulator.requests(other);
        long ok = simulator.answered(other, 200);
        long refused = simulator.answered(other, 401);
        long bad = simulator.answered(other, 400);

        client.get(other, "");
        client.fetch(simulator.baseUrl(other) + FeedClient.FEED_PATH, "Bearer wrong");
        client.get(other, "pageSize=-1");

        assertThat(simulator.requests(other)).isEqualTo(before + 3);
        assertThat(simulator.answered(other, 200)).isEqualTo(ok + 1);
        assertThat(simulator.answered(other, 401)).isEqualTo(refused + 1);
        assertThat(simulator.answered(other, 400)).isEqualTo(bad + 1);
    }
}
