package ma.tadafor.dashboard.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ma.tadafor.dashboard.DemoApplicationTest;

/** Sources, runs and quarantine over HTTP, as administrators and scripts use them. */
class IngestionApiTest extends DemoApplicationTest {

    private static final String NEW_SOURCE = """
            {"id": "portal-tidili-test", "type": "PORTAL_FEED", "communeCode": "05.081.13.19",
             "baseUrl": "https://tidili-fetouaka.ma", "token": "s3cret-portal-token", "schedule": "0 30 3 * * *",
             "enabled": false}""";

    @Test
    void theDemoPortalsAreRegisteredAndTheirTokensNeverShow() throws Exception {
        HttpResponse<String> response = get("/api/v1/sources", "admin");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(items(response)).hasSize(25).allSatisfy(source -> {
            assertThat(source).containsKeys("id", "type", "communeCode", "baseUrl", "schedule", "enabled")
                    .containsEntry("tokenSet", true).doesNotContainKey("token");
            assertThat((String) source.get("baseUrl")).startsWith("http://127.0.0.1:");
        });
        assertThat(response.body()).doesNotContain("sim-");
    }

    @Test
    void anAdministratorCreatesChangesAndDeletesASource() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/sources", "admin", NEW_SOURCE);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/sources/portal-tidili-test");
        assertThat(created.body()).doesNotContain("s3cret");

        assertThat(send("POST", "/api/v1/sources", "admin", NEW_SOURCE).statusCode()).as("ids are unique").isEqualTo(400);

        HttpResponse<String> replaced = send("PUT", "/api/v1/sources/portal-tidili-test", "admin",
                NEW_SOURCE.replace("\"token\": \"s3cret-portal-token\", ", "").replace("0 30 3", "0 45 4"));
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(object(replaced)).containsEntry("schedule", "0 45 4 * * *").containsEntry("tokenSet", true);

        assertThat(send("DELETE", "/api/v1/sources/portal-tidili-test", "admin", null).statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/sources/portal-tidili-test", "admin").statusCode()).isEqualTo(404);
        String audit = get("/api/v1/audit?q=portal-tidili-test", "admin").body();
        assertThat(audit).contains("SOURCE_CREATED", "SOURCE_UPDATED", "SOURCE_DELETED").doesNotContain("s3cret");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", textBlock = """
            id            | "id": "portal-tidili-test"          | "id": "Not An Id!"
            type          | "type": "PORTAL_FEED"               | "type": "RSS"
            communeCode   | "communeCode": "05.081.13.19"       | "communeCode": "05.081.99.99"
            baseUrl       | "baseUrl": "https://tidili-fetouaka.ma" | "baseUrl": "ftp://tidili"
            schedule      | "schedule": "0 30 3 * * *"          | "schedule": "every night"
            token         | "token": "s3cret-portal-token"      | "token": ""
            """)
    void aWrongFieldIsA400ThatNamesIt(String field, String valid, String wrong) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/sources", "admin", NEW_SOURCE.replace(valid, wrong));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(object(response)).containsEntry("parameter", field);
    }

    @Test
    void aBodyThatIsNotJsonIsA400() throws Exception {
        assertThat(send("POST", "/api/v1/sources", "admin", "{not json").statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource({"enabel", "dgct", "gov-beni-mellal", "focal-kasba-tadla"})
    void onlyAdministratorsManageSourcesAndRuns(String user) throws Exception {
        assertThat(get("/api/v1/sources", user).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/sources", user, NEW_SOURCE).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/ingestion/runs", user, "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void aRunOnDemandIsAcceptedAndReportsPerSource() throws Exception {
        // The demo's pulls claim every source while they run: wait for them, or ours is skipped.
        awaitDemoPulls();
        HttpResponse<String> accepted = send("POST", "/api/v1/ingestion/runs", "admin",
                "{\"sources\": [\"portal-05.091.01.07\", \"portal-05.081.01.01\"]}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String runId = (String) object(accepted).get("runId");

        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(object(get("/api/v1/ingestion/runs/" + runId, "admin")).get("status")));

        Map<String, Object> run = object(get("/api/v1/ingestion/runs/" + runId, "admin"));
        assertThat(run).containsEntry("runId", runId).containsEntry("status", "COMPLETED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sources = (List<Map<String, Object>>) run.get("sources");
        assertThat(sources).extracting(source -> source.get("id"))
                .containsExactly("portal-05.081.01.01", "portal-05.091.01.07");
        assertThat(sources).allSatisfy(source -> assertThat(source).containsKeys("read", "inserted", "updated", "deleted",
                "quarantined", "error").containsEntry("status", "COMPLETED"));
    }

    @Test
    void aRunOfAnUnknownSourceIsA400AndAnUnknownRunA404() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/ingestion/runs", "admin", "{\"sources\": [\"nowhere\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(object(response)).containsEntry("parameter", "sources");
        assertThat(get("/api/v1/ingestion/runs/no-such-run", "admin").statusCode()).isEqualTo(404);
    }

    @Test
    void theQuarantineIsForAdministratorsAndProgrammeManagers() throws Exception {
        assertThat(get("/api/v1/ingestion/quarantine", "admin").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/ingestion/quarantine?source=portal-05.091.01.07", "enabel").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/ingestion/quarantine", "dgct").statusCode()).isEqualTo(403);
        assertThat(object(get("/api/v1/ingestion/quarantine?size=0", "admin"))).containsEntry("parameter", "size");
    }
}
