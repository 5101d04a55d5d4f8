package ma.tadafor.ingestion.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import ma.tadafor.data.ingestion.IngestionRun;
import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceStore;
import ma.tadafor.data.ingestion.SourceType;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

class PortalPullJobTest {

    @TempDir
    Path folder;

    private final MockWebServer portals = new MockWebServer();
    private AnnotationConfigApplicationContext context;
    private IngestionRuns ingestion;

    @BeforeEach
    void start() throws Exception {
        portals.setDispatcher(new TwoPortals());
        portals.start(InetAddress.getLoopbackAddress(), 0);
        context = IngestionContext.open(folder.resolve("warehouse.duckdb"), IngestionContext.fastRetries(2));
        ingestion = context.getBean(IngestionRuns.class);
        SourceStore sources = context.getBean(SourceStore.class);
        sources.save(source("kasba-tadla", "05.091.01.07", "good-token"));
        sources.save(source("el-ksiba", "05.091.03.01", "revoked-token"));
    }

    @AfterEach
    void stop() {
        context.close();
        portals.close();
    }

    @Test
    void pullsEveryPageAndOneRevokedTokenStopsOnlyItsSource() {
        IngestionRun run = finished(ingestion.start(List.of(), "test"));

        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.sources()).extracting(s -> s.sourceId() + ":" + s.status())
                .containsExactly("el-ksiba:FAILED", "kasba-tadla:COMPLETED");
        assertThat(run.sources().get(0).error()).contains("refused the token (401)");
        assertThat(run.sources().get(1)).satisfies(kasba -> {
            assertThat(kasba.read()).isEqualTo(3);
            assertThat(kasba.inserted()).isEqualTo(2);
            assertThat(kasba.quarantined()).isEqualTo(1);
        });
        assertThat(count("SELECT count(*) FROM activity")).isEqualTo(2);
        assertThat(count("SELECT sum(participants) FROM participation_cell")).isEqualTo(5 + 7);
        assertThat(count("SELECT count(*) FROM quarantine WHERE reason LIKE 'mechanism:%'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM watermark WHERE source_id = 'kasba-tadla'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM watermark WHERE source_id = 'el-ksiba'")).as("a failed pull keeps no watermark").isZero();
    }

    @Test
    void theNextRunAsksFromTheWatermarkAndChangesNothingWhenNothingChanged() throws Exception {
        finished(ingestion.start(List.of("kasba-tadla"), "test"));
        int before = portals.getRequestCount();

        IngestionRun second = finished(ingestion.start(List.of("kasba-tadla"), "test"));

        assertThat(second.status()).isEqualTo("COMPLETED");
        assertThat(second.sources().get(0).inserted()).isZero();
        assertThat(count("SELECT count(*) FROM activity")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM quarantine")).as("a replayed bad item is set aside once").isEqualTo(1);
        RecordedRequest last = null;
        for (int i = 0; i < portals.getRequestCount(); i++) {
            RecordedRequest request = portals.takeRequest();
            if (i >= before && request.getUrl().encodedPath().startsWith("/kasba-tadla")) {
                last = request;
            }
        }
        assertThat(last).isNotNull();
        assertThat(last.getUrl().queryParameter("updatedSince")).as("watermark minus five minutes")
                .isEqualTo("2024-03-05T07:55:00Z");
    }

    @Test
    void anUnknownSourceIsRefusedBeforeAnythingStarts() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ingestion.start(List.of("nowhere"), "test"))
                .isInstanceOf(UnknownSourceException.class).hasMessageContaining("nowhere");
    }

    private IngestionRun finished(String runId) {
        return IngestionContext.finished(ingestion, runId);
    }

    private long count(String sql) {
        return IngestionContext.count(context, sql);
    }

    private Source source(String id, String commune, String token) {
        return new Source(id, SourceType.PORTAL_FEED, commune, "http://127.0.0.1:" + portals.getPort() + "/" + id, token,
                "0 0 2 * * *", true);
    }

    /** Kasba Tadla serves two pages (one bad item); El Ksiba's token was revoked. */
    private static final class TwoPortals extends Dispatcher {

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (!"Bearer good-token".equals(request.getHeaders().get("Authorization"))) {
                return new MockResponse.Builder().code(401).build();
            }
            boolean secondPage = "p2".equals(request.getUrl().queryParameter("pageToken"));
            String items = secondPage
                    ? item("meeting-2024-002", "2024-03-05T08:00:00Z", "CITIZEN_MEETING", 7)
                    : item("petition-2024-001", "2024-03-02T10:00:00Z", "PETITION", 5) + ","
                            + item("broken-1", "2024-03-03T10:00:00Z", "PETITON", 1);
            return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body("{\"communeCode\": \"05.091.01.07\", \"items\": [" + items + "], \"nextPageToken\": "
                            + (secondPage ? "null" : "\"p2\"") + "}").build();
        }

        private static String item(String id, String updatedAt, String mechanism, int count) {
            return """
                    {"id": "%s", "updatedAt": "%s", "deleted": false, "mechanism": "%s", "status": "HELD",
                     "startDate": "2024-03-01", "endDate": null, "title": null, "theme": null, "initiator": null,
                     "participation": [{"gender": "F", "ageBand": "25-34", "disability": false, "role": "CITIZEN", "count": %d}],
                     "funding": null, "associations": [], "indhProjectRef": null}""".formatted(id, updatedAt, mechanism, count);
        }
    }
}
