package ma.tadafor.ingestion.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;
import ma.tadafor.ingestion.feed.FeedEntry;
import ma.tadafor.ingestion.feed.FeedPage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A well-behaved portal: every item once, in feed order, pages of the size asked. */
class SimulatorPagingTest {

    private static final long SEED = 7;
    private static final double SCALE = 0.2;
    private static final List<DemoCommune> COMMUNES = ProgrammeCommunes.all().subList(0, 3);

    private static PortalSimulator simulator;
    private static FeedClient client;

    @BeforeAll
    static void start() {
        simulator = PortalSimulator.start(SimulatorSettings.builder().seed(SEED).scale(SCALE).build(), COMMUNES);
        client = new FeedClient(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void pagingServesTheGeneratorsItemsEachOnceInFeedOrder() throws Exception {
        for (DemoCommune commune : COMMUNES) {
            List<Activity> expected = new DemoDataGenerator(SEED, SCALE).activities(commune).toList();

            List<FeedPage> pages = client.pages(commune.code(), null, 7);

            assertThat(expected).hasSizeGreaterThan(20);
            assertThat(pages).hasSize((expected.size() + 6) / 7);
            assertThat(pages).allSatisfy(page -> assertThat(page.communeCode()).isEqualTo(commune.code()));
            assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(page -> {
                assertThat(page.entries()).hasSize(7);
                assertThat(page.nextPageToken()).isNotNull();
            });
            assertThat(pages.get(pages.size() - 1).nextPageToken()).isNull();
            assertThat(pages.stream().flatMap(page -> page.entries().stream()))
                    .map(entry -> ((FeedEntry.Valid) entry).activity())
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theDefaultPageHoldsFiveHundredItemsAndOneThousandIsTheLargest() throws Exception {
        String code = COMMUNES.get(0).code();
        int items = simulator.counts(code).items();

        assertThat(client.page(code, "").entries()).hasSize(Math.min(500, items));
        assertThat(client.page(code, "pageSize=1000").entries()).hasSize(Math.min(1000, items));
        assertThat(client.page(code, "pageSize=1").entries()).hasSize(1);
    }

    @Test
    void updatedSinceKeepsTheItemsUpdatedAtOrAfterIt() throws Exception {
        String code = COMMUNES.get(1).code();
        List<FeedEntry> all = client.pull(code, null, 1000);
        Instant middle = FeedClient.updatedAt(all.get(all.size() / 2));
        List<FeedEntry> expected = all.stream().filter(entry -> !FeedClient.updatedAt(entry).isBefore(middle)).toList();

        List<FeedEntry> since = client.pull(code, middle, 5);

        assertThat(since).first().extracting(FeedClient::updatedAt).isEqualTo(middle);
        assertThat(since).containsExactlyElementsOf(expected);
        assertThat(client.pull(code, DemoDataGenerator.CUTOFF.plusSeconds(1), 5)).isEmpty();
    }

    @Test
    void aPageIsJsonWithItsCommuneAndTheSimulatorsClockAsGeneratedAt() throws Exception {
        String code = COMMUNES.get(2).code();

        HttpResponse<String> response = client.get(code, "pageSize=2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode page = JsonMapper.builder().build().readTree(response.body());
        assertThat(page.propertyNames()).containsExactly("communeCode", "generatedAt", "items", "nextPageToken");
        assertThat(page.path("communeCode").asString()).isEqualTo(code);
        assertThat(Instant.parse(page.path("generatedAt").asString())).isEqualTo(simulator.now(code))
                .isEqualTo(DemoDataGenerator.CUTOFF);
        assertThat(page.path("items")).hasSize(2);
    }

    @Test
    void eachCommuneHasItsOwnBaseUrlAndToken() {
        assertThat(COMMUNES).extracting(commune -> simulator.baseUrl(commune.code()))
                .containsExactlyElementsOf(COMMUNES.stream()
                        .map(commune -> "http://127.0.0.1:" + simulator.port() + "/communes/" + commune.code()).toList());
        assertThat(COMMUNES).extracting(commune -> simulator.token(commune.code())).doesNotHaveDuplicates();
        try (PortalSimulator again = PortalSimulator.start(simulator.settings(), COMMUNES)) {
            assertThat(again.token(COMMUNES.get(0).code())).isEqualTo(simulator.token(COMMUNES.get(0).code()));
        }
    }
}
