package ma.tadafor.ingestion.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;
import ma.tadafor.ingestion.feed.FeedEntry;

/** Malformed items: the connector's reader sets each aside with its reason, and the rest of the page stands. */
class SimulatorMalformedItemsTest {

    private static final long SEED = 11;
    private static final double SCALE = 0.3;
    private static final double RATE = 0.3;
    private static final DemoCommune COMMUNE = ProgrammeCommunes.all().get(4);
    /** The start of the reason FeedJson gives for each way of breaking an item. */
    private static final Map<Malformation, String> REASONS = new EnumMap<>(Map.of(
            Malformation.MISSING_ID, "id: must be a string",
            Malformation.UNKNOWN_MECHANISM, "mechanism: \"TOWN_HALL_FESTIVAL\" is not a known Mechanism",
            Malformation.NEGATIVE_COUNT, "participation[0].count: -",
            Malformation.NON_INTEGER_COUNT, "participation[0].count: 2.5 is not an integer",
            Malformation.END_BEFORE_START, "endDate: 2024-05-03 is before startDate 2024-05-10"));

    private PortalSimulator simulator;
    private FeedClient client;

    @BeforeEach
    void start() {
        simulator = PortalSimulator.start(SimulatorSettings.builder().seed(SEED).scale(SCALE).malformedItemRate(RATE)
                .build(), List.of(COMMUNE));
        client = new FeedClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aShareOfTheItemsIsSetAsideWithTheReasonOfHowItIsBroken() throws Exception {
        List<Activity> generated = new DemoDataGenerator(SEED, SCALE).activities(COMMUNE).toList();

        List<FeedEntry> entries = client.pull(COMMUNE.code(), null, 50);

        assertThat(entries).hasSameSizeAs(generated);
        for (int i = 0; i < entries.size(); i++) {
            Activity activity = generated.get(i);
            Optional<Malformation> malformation = simulator.malformation(COMMUNE.code(), activity.id());
            if (malformation.isEmpty()) {
                assertThat(entries.get(i)).isEqualTo(new FeedEntry.Valid(activity));
            } else {
                FeedEntry.Invalid invalid = (FeedEntry.Invalid) entries.get(i);
                assertThat(invalid.reason()).startsWith(REASONS.get(malformation.get()));
                assertThat(invalid.itemId()).isEqualTo(malformation.get() == Malformation.MISSING_ID ? null : activity.id());
            }
        }
        List<Malformation> malformations = generated.stream()
                .flatMap(activity -> simulator.malformation(COMMUNE.code(), activity.id()).stream()).toList();
        assertThat(malformations).containsAll(REASONS.keySet());
        assertThat((double) malformations.size() / generated.size()).isBetween(RATE - 0.1, RATE + 0.1);
        assertThat(simulator.counts(COMMUNE.code()).malformed()).isEqualTo(malformations.size());
    }

    @Test
    void anItemIsBrokenTheSameWayAtEveryRequestAndInEveryVersion() throws Exception {
        String first = client.get(COMMUNE.code(), "pageSize=1000").body();
        String again = client.get(COMMUNE.code(), "pageSize=1000").body();
        assertThat(again).isEqualTo(first);

        List<String> touched = simulator.touch(COMMUNE.code(), 0.5);
        List<FeedEntry> changed = client.pull(COMMUNE.code(), DemoDataGenerator.CUTOFF.plusSeconds(1), 1000);

        assertThat(changed).hasSameSizeAs(touched);
        for (int i = 0; i < touched.size(); i++) {
            boolean broken = simulator.malformation(COMMUNE.code(), touched.get(i)).isPresent();
            assertThat(changed.get(i)).isInstanceOf(broken ? FeedEntry.Invalid.class : FeedEntry.Valid.class);
        }
    }
}
