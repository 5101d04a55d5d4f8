package ma.tadafor.ingestion.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;
import ma.tadafor.ingestion.feed.FeedJson;
import ma.tadafor.ingestion.feed.MalformedPageException;

/** Each switch of the settings does what it says; a rate of 1 makes it happen at every request. */
class SimulatorFaultsTest {

    private static final List<DemoCommune> COMMUNES = ProgrammeCommunes.all().subList(0, 3);
    private static final String FIRST = COMMUNES.get(0).code();

    @Test
    void connectionsAreClosedWithoutAnAnswer() {
        try (PortalSimulator simulator = start(settings -> settings.resetRate(1))) {
            assertThatThrownBy(() -> new FeedClient(simulator).get(FIRST, "")).isInstanceOf(IOException.class);
            assertThat(simulator.answered(FIRST, PortalSimulator.RESET)).isPositive()
                    .isEqualTo(simulator.requests(FIRST));
        }
    }

    @Test
    void throttledRequestsAreAnswered429WithRetryAfter() throws Exception {
        try (PortalSimulator simulator = start(settings -> settings.tooManyRequests(1, 7))) {
            HttpResponse<String> response = new FeedClient(simulator).get(FIRST, "");

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        }
    }

    @Test
    void unavailablePortalsAnswer503() throws Exception {
        try (PortalSimulator simulator = start(settings -> settings.unavailableRate(1))) {
            assertThat(new FeedClient(simulator).get(FIRST, "").statusCode()).isEqualTo(503);
            assertThat(simulator.answered(FIRST, 503)).isEqualTo(1);
        }
    }

    @Test
    void htmlErrorPagesComeWithStatus200AndAreNoFeedPage() throws Exception {
        try (PortalSimulator simulator = start(settings -> settings.htmlRate(1))) {
            HttpResponse<String> response = new FeedClient(simulator).get(FIRST, "");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThatThrownBy(() -> new FeedJson().readPage(response.body())).isInstanceOf(MalformedPageException.class);
        }
    }

    @Test
    void everyAnswerWaitsForTheLatency() throws Exception {
        try (PortalSimulator simulator = start(settings -> settings.latency(Duration.ofMillis(200)))) {
            FeedClient client = new FeedClient(simulator);
            for (String query : new String[] {"pageSize=3", "pageSize=0"}) {
                long start = System.nanoTime();
                client.get(FIRST, query);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            }
        }
    }

    @Test
    void aCommunesFirstRequestsFailWithTheGivenStatusThenItAnswers() throws Exception {
        try (PortalSimulator simulator = start(settings -> settings.failFirst(FIRST, 2, 503))) {
            FeedClient client = new FeedClient(simulator);

            assertThat(statuses(client, FIRST, 3)).containsExactly(503, 503, 200);
            assertThat(statuses(client, COMMUNES.get(1).code(), 1)).containsExactly(200);
        }
    }

    @Test
    void oneCommuneDownLeavesTheOthersAnswering() throws Exception {
        String revoked = COMMUNES.get(1).code();
        try (PortalSimulator simulator = start(settings -> settings.down(FIRST, 503).down(revoked, 401))) {
            FeedClient client = new FeedClient(simulator);

            assertThat(statuses(client, FIRST, 4)).containsOnly(503);
            assertThat(statuses(client, revoked, 4)).containsOnly(401);
            assertThat(statuses(client, COMMUNES.get(2).code(), 4)).containsOnly(200);
        }
    }

    @Test
    void faultsAreDrawnFromTheSeedInTheirShares() throws Exception {
        UnaryOperator<SimulatorSettings.Builder> faults = settings -> settings.seed(3)
                .tooManyRequests(0.2, 0).unavailableRate(0.2).htmlRate(0.2);
        List<Integer> statuses;
        try (PortalSimulator simulator = start(faults)) {
            statuses = statuses(new FeedClient(simulator), FIRST, 200);
        }
        try (PortalSimulator again = start(faults)) {
            assertThat(statuses(new FeedClient(again), FIRST, 200)).isEqualTo(statuses);
        }
        try (PortalSimulator otherSeed = start(settings -> faults.apply(settings).seed(4))) {
            assertThat(statuses(new FeedClient(otherSeed), FIRST, 200)).isNotEqualTo(statuses);
        }
        assertThat(statuses.stream().filter(status -> status == 429).count()).isBetween(20L, 60L);
        assertThat(statuses.stream().filter(status -> status == 503).count()).isBetween(20L, 60L);
        assertThat(statuses.stream().filter(status -> status == 200).count()).isBetween(90L, 150L);
    }

    private static PortalSimulator start(UnaryOperator<SimulatorSettings.Builder> settings) {
        return PortalSimulator.start(settings.apply(SimulatorSettings.builder().scale(0.05)).build(), COMMUNES);
    }

    private static List<Integer> statuses(FeedClient client, String communeCode, int requests) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(client.get(communeCode, "pageSize=1").statusCode());
        }
        return statuses;
    }
}
