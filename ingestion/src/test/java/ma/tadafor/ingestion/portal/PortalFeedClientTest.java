package ma.tadafor.ingestion.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceType;
import ma.tadafor.ingestion.feed.FeedJson;
import ma.tadafor.ingestion.feed.FeedPage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/** The connector against a real HTTP server on 127.0.0.1 that answers what each case needs. */
class PortalFeedClientTest {

    private static final String EMPTY_LAST_PAGE =
            "{\"communeCode\": \"05.091.01.07\", \"generatedAt\": \"2024-06-30T12:00:00Z\", \"items\": [], \"nextPageToken\": null}";

    private final MockWebServer portal = new MockWebServer();
    private final List<Duration> pauses = new ArrayList<>();
    private PortalFeedClient client;
    private Source source;

    @BeforeEach
    void start() throws Exception {
        portal.start(java.net.InetAddress.getLoopbackAddress(), 0);
        source = new Source("portal-kasba-tadla", SourceType.PORTAL_FEED, "05.091.01.07",
                "http://127.0.0.1:" + portal.getPort() + "/kasba-tadla/", "secret-token", "0 0 2 * * *", true);
        client = new PortalFeedClient(new FeedJson(), new PortalClientSettings(Duration.ofSeconds(2), Duration.ofMillis(500),
                200, 3, Duration.ofMillis(100), Duration.ofSeconds(1), 2, Duration.ofSeconds(60), 10_000), pauses::add);
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void asksForThePageWithTheTokenTheCursorAndTheWatermark() throws Exception {
        portal.enqueue(ok("{\"communeCode\": \"05.091.01.07\", \"items\": [], \"nextPageToken\": \"abc=\"}"));

        FeedPage page = client.fetch(source, Instant.parse("2024-03-01T00:00:00Z"), "cursor+/=");

        assertThat(page.nextPageToken()).isEqualTo("abc=");
        RecordedRequest request = portal.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/kasba-tadla/api/participation/v1/activities");
        assertThat(request.getUrl().queryParameter("updatedSince")).isEqualTo("2024-03-01T00:00:00Z");
        assertThat(request.getUrl().queryParameter("pageToken")).isEqualTo("cursor+/=");
        assertThat(request.getUrl().queryParameter("pageSize")).isEqualTo("200");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer secret-token");
    }

    @Test
    void withoutWatermarkOrCursorItAsksForEverything() throws Exception {
        portal.enqueue(ok(EMPTY_LAST_PAGE));

        client.fetch(source, null, null);

        RecordedRequest request = portal.takeRequest();
        assertThat(request.getUrl().queryParameter("updatedSince")).isNull();
        assertThat(request.getUrl().queryParameter("pageToken")).isNull();
    }

    @Test
    void a429WaitsForRetryAfterThenAsksTheSamePageAgain() throws Exception {
        portal.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build());
        portal.enqueue(ok(EMPTY_LAST_PAGE));

        client.fetch(source, null, "page-3");

        assertThat(pauses).containsExactly(Duration.ofSeconds(7));
        portal.takeRequest();
        assertThat(portal.takeRequest().getUrl().queryParameter("pageToken")).isEqualTo("page-3");
    }

    @Test
    void tooManyThrottlesFailTheSource() {
        for (int i = 0; i < 3; i++) {
            portal.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
        }

        assertThatThrownBy(() -> client.fetch(source, null, null)).isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("429");
    }

    @Test
    void a503IsRetriedWithExponentialBackoffThenSucceeds() {
        portal.enqueue(new MockResponse.Builder().code(503).build());
        portal.enqueue(new MockResponse.Builder().code(502).build());
        portal.enqueue(ok(EMPTY_LAST_PAGE));

        FeedPage page = client.fetch(source, null, null);

        assertThat(page.entries()).isEmpty();
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void transientFailuresGiveUpAfterTheLastAttempt() {
        for (int i = 0; i < 3; i++) {
            // A fresh connection per answer: a kept-alive one the server drops would end as an I/O error instead.
            portal.enqueue(new MockResponse.Builder().code(503).setHeader("Connection", "close").build());
        }

        assertThatThrownBy(() -> client.fetch(source, null, null)).isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("503").hasMessageContaining("after 3 attempts");
        assertThat(portal.getRequestCount()).isEqualTo(3);
    }

    @Test
    void a401StopsTheSourceAtOnce() {
        portal.enqueue(new MockResponse.Builder().code(401).build());

        assertThatThrownBy(() -> client.fetch(source, null, null)).isInstanceOf(SourceRejectedException.class)
                .hasMessageContaining("refused the token (401)");
        assertThat(portal.getRequestCount()).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void a404SaysTheBaseUrlIsWrong() {
        portal.enqueue(new MockResponse.Builder().code(404).build());

        assertThatThrownBy(() -> client.fetch(source, null, null)).isInstanceOf(SourceRejectedException.class)
                .hasMessageContaining("/kasba-tadla/api/participation/v1/activities (404): check the base URL");
    }

    @Test
    void anHtmlPageWithStatus200IsRetriedLikeATransientFailure() {
        portal.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<html><body>Maintenance en cours</body></html>").build());
        portal.enqueue(ok(EMPTY_LAST_PAGE));

        assertThat(client.fetch(source, null, null).entries()).isEmpty();
        assertThat(pauses).hasSize(1);
    }

    @Test
    void aResetConnectionIsRetried() {
        // The JDK client itself retries a GET once on a closed connection: two resets reach us as one failure.
        portal.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        portal.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        portal.enqueue(ok(EMPTY_LAST_PAGE));

        assertThat(client.fetch(source, null, null).entries()).isEmpty();
        assertThat(pauses).hasSize(1);
    }

    @Test
    void aPortalThatHangsTimesOutAndIsRetried() {
        portal.enqueue(ok(EMPTY_LAST_PAGE).newBuilder().headersDelay(3, TimeUnit.SECONDS).build());
        portal.enqueue(ok(EMPTY_LAST_PAGE));

        assertThat(client.fetch(source, null, null).entries()).isEmpty();
        assertThat(pauses).hasSize(1);
    }

    @Test
    void anOversizedAnswerIsNotRead() {
        portal.enqueue(ok("{\"items\": [], \"padding\": \"" + "x".repeat(20_000) + "\"}"));
        portal.enqueue(ok(EMPTY_LAST_PAGE));

        assertThat(client.fetch(source, null, null).entries()).isEmpty();
        assertThat(pauses).hasSize(1);
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }
}
