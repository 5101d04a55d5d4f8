package ma.tadafor.ingestion.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStatus;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;
import ma.tadafor.ingestion.feed.FeedEntry;
import ma.tadafor.ingestion.feed.FeedPage;

/** The feed changes while clients read it: items edited mid-paging, withdrawn, touched, all on the simulator's clock. */
class SimulatorChangesTest {

    private static final long SEED = 5;
    private static final double SCALE = 0.3;
    private static final List<DemoCommune> COMMUNES = ProgrammeCommunes.all().subList(6, 8);
    private static final DemoCommune COMMUNE = COMMUNES.get(0);
    private static final Instant CUTOFF = DemoDataGenerator.CUTOFF;

    private final Map<String, Activity> generated = new DemoDataGenerator(SEED, SCALE).activities(COMMUNE)
            .collect(Collectors.toMap(Activity::id, Function.identity()));

    @Test
    void anItemChangedWhilePagingComesAgainOnALaterPageWithItsNewVersion() throws Exception {
        try (PortalSimulator simulator = start(SimulatorSettings.builder().changeWhilePagingRate(1))) {
            List<FeedPage> pages = new FeedClient(simulator).pages(COMMUNE.code(), null, 10);

            Map<String, Integer> firstPage = new HashMap<>();
            Set<String> changed = new HashSet<>();
            for (int page = 0; page < pages.size(); page++) {
                for (FeedEntry entry : pages.get(page).entries()) {
                    Activity activity = ((FeedEntry.Valid) entry).activity();
                    Integer earlier = firstPage.putIfAbsent(activity.id(), page);
                    if (earlier == null) {
                        assertThat(activity).isEqualTo(generated.get(activity.id()));
                    } else {
                        assertThat(earlier).isLessThan(page);
                        assertThat(changed.add(activity.id())).as("changed once").isTrue();
                        assertNewVersion(activity, generated.get(activity.id()), CUTOFF);
                    }
                }
            }
            assertThat(firstPage.keySet()).isEqualTo(generated.keySet());
            assertThat(new FeedClient(simulator).pull(COMMUNE.code(), CUTOFF.plusSeconds(1), 1000))
                    .extracting(FeedEntry::itemId).containsExactlyInAnyOrderElementsOf(changed);
            // every page of first versions changed one to three of its items
            int pagesOfFirstVersions = (generated.size() + 9) / 10;
            assertThat(changed.size()).isBetween(pagesOfFirstVersions, 3 * pagesOfFirstVersions);
            assertThat(pages.stream().flatMap(page -> page.entries().stream()).map(FeedClient::updatedAt))
                    .isSortedAccordingTo(Comparator.naturalOrder());
            assertThat(simulator.counts(COMMUNE.code()).items()).isEqualTo(generated.size());
        }
    }

    @Test
    void aShareOfTheItemsIsWithdrawnAfterTheCutoffAndServedAsTombstones() throws Exception {
        try (PortalSimulator simulator = start(SimulatorSettings.builder().tombstoneRate(0.2))) {
            List<FeedEntry> entries = new FeedClient(simulator).pull(COMMUNE.code(), null, 100);

            List<FeedEntry.Withdrawn> tombstones = entries.stream()
                    .filter(FeedEntry.Withdrawn.class::isInstance).map(FeedEntry.Withdrawn.class::cast).toList();
            assertThat(entries).extracting(FeedEntry::itemId).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(generated.keySet());
            assertThat(entries).filteredOn(FeedEntry.Valid.class::isInstance)
                    .allSatisfy(entry -> assertThat(((FeedEntry.Valid) entry).activity())
                            .isEqualTo(generated.get(entry.itemId())));
            assertThat(tombstones).allSatisfy(tombstone -> assertThat(tombstone.withdrawal().updatedAt()).isAfter(CUTOFF));
            assertThat((double) tombstones.size() / entries.size()).isBetween(0.1, 0.3);
            assertThat(simulator.counts(COMMUNE.code()).withdrawn()).isEqualTo(tombstones.size());
            assertThat(simulator.counts(COMMUNE.code()).items()).isEqualTo(entries.size() - tombstones.size());
        }
    }

    @Test
    void touchedItemsComeBackSinceTheOldWatermarkWithANewVersion() throws Exception {
        try (PortalSimulator simulator = start(SimulatorSettings.builder())) {
            FeedClient client = new FeedClient(simulator);
            List<FeedEntry> all = client.pull(COMMUNE.code(), null, 1000);
            Instant watermark = FeedClient.updatedAt(all.get(all.size() - 1));
            Instant before = simulator.now(COMMUNE.code());

            List<String> touched = simulator.touch(COMMUNE.code(), 0.1);
            List<FeedEntry> since = client.pull(COMMUNE.code(), watermark, 1000);

            assertThat((double) touched.size() / all.size()).isBetween(0.05, 0.15);
            List<FeedEntry> newVersions = since.stream()
                    .filter(entry -> FeedClient.updatedAt(entry).isAfter(watermark)).toList();
            assertThat(newVersions).extracting(FeedEntry::itemId).containsExactlyElementsOf(touched);
            newVersions.forEach(entry -> assertNewVersion(((FeedEntry.Valid) entry).activity(),
                    generated.get(entry.itemId()), before));
            assertThat(simulator.now(COMMUNE.code())).isEqualTo(before.plusSeconds(touched.size()));
            assertThat(simulator.touch(COMMUNE.code(), 0.1)).isNotEqualTo(touched);
        }
    }

    @Test
    void touchingEveryCommuneChangesTheSameShareOfEach() {
        try (PortalSimulator simulator = start(SimulatorSettings.builder())) {
            int items = COMMUNES.stream().mapToInt(commune -> simulator.counts(commune.code()).items()).sum();

            long touched = simulator.touchAll(0.2);

            assertThat((double) touched / items).isBetween(0.15, 0.25);
            assertThat(COMMUNES).allSatisfy(commune -> assertThat(simulator.now(commune.code())).isAfter(CUTOFF));
        }
    }

    @Test
    void aWithdrawnItemIsServedAsATombstoneStampedByTheSimulatorsClock() throws Exception {
        try (PortalSimulator simulator = start(SimulatorSettings.builder())) {
            String id = generated.keySet().iterator().next();
            Instant before = simulator.now(COMMUNE.code());

            simulator.withdraw(COMMUNE.code(), id);
            List<FeedEntry> since = new FeedClient(simulator).pull(COMMUNE.code(), before, 10);

            assertThat(since).singleElement().isInstanceOfSatisfying(FeedEntry.Withdrawn.class, tombstone -> {
                assertThat(tombstone.itemId()).isEqualTo(id);
                assertThat(tombstone.withdrawal().updatedAt()).isEqualTo(simulator.now(COMMUNE.code()))
                        .isEqualTo(before.plusSeconds(1));
            });
            assertThatThrownBy(() -> simulator.withdraw(COMMUNE.code(), id)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> simulator.withdraw(COMMUNE.code(), "no-such-item"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void asDaysPassPetitionsMoveAlongTheirLifeCycleInVersionsDatedWhenTheyMove() throws Exception {
        Set<ActivityStatus> open = Set.of(ActivityStatus.SUBMITTED, ActivityStatus.ADMISSIBLE, ActivityStatus.ON_AGENDA,
                ActivityStatus.ACCEPTED);
        Map<ActivityStatus, Set<ActivityStatus>> next = Map.of(
                ActivityStatus.SUBMITTED, Set.of(ActivityStatus.ADMISSIBLE, ActivityStatus.INADMISSIBLE),
                ActivityStatus.ADMISSIBLE, Set.of(ActivityStatus.ON_AGENDA),
                ActivityStatus.ON_AGENDA, Set.of(ActivityStatus.ACCEPTED, ActivityStatus.REJECTED),
                ActivityStatus.ACCEPTED, Set.of(ActivityStatus.IMPLEMENTED));
        try (PortalSimulator simulator = start(SimulatorSettings.builder())) {
            Map<String, ActivityStatus> status = new HashMap<>();
            generated.values().forEach(activity -> status.put(activity.id(), activity.status()));
            Instant since = simulator.now(COMMUNE.code());
            int moves = 0;
            for (int pull = 0; pull < 3; pull++) {
                simulator.passDays(60);
                Instant until = simulator.now(COMMUNE.code());
                assertThat(until).isEqualTo(since.plus(Duration.ofDays(60)));
                List<FeedEntry> changes = new FeedClient(simulator).pull(COMMUNE.code(), since.plusNanos(1), 100);
                for (FeedEntry entry : changes) {
                    Activity activity = ((FeedEntry.Valid) entry).activity();
                    Activity original = generated.get(activity.id());
                    assertThat(original.mechanism()).isEqualTo(Mechanism.PETITION);
                    assertThat(activity.updatedAt()).isAfter(since).isBeforeOrEqualTo(until);
                    assertThat(open).contains(status.get(activity.id()));
                    assertThat(later(next, status.get(activity.id()))).as(activity.id()).contains(activity.status());
                    assertThat(activity.participation()).isEqualTo(original.participation());
                    status.put(activity.id(), activity.status());
                    moves++;
                }
                since = until;
            }
            assertThat(moves).as("petitions open at the cutoff moved on").isPositive();
            assertThat(status.values()).contains(ActivityStatus.IMPLEMENTED);
        }
    }

    /** The statuses a petition can reach from {@code status} in one step or more (a pull may see several at once). */
    private static Set<ActivityStatus> later(Map<ActivityStatus, Set<ActivityStatus>> next, ActivityStatus status) {
        Set<ActivityStatus> reached = new HashSet<>();
        for (ActivityStatus step : next.getOrDefault(status, Set.of())) {
            reached.add(step);
            reached.addAll(later(next, step));
        }
        return reached;
    }

    private static PortalSimulator start(SimulatorSettings.Builder settings) {
        return PortalSimulator.start(settings.seed(SEED).scale(SCALE).build(), COMMUNES);
    }

    /** A new version: later, and one more person in one cell when it has any; the rest unchanged. */
    private static void assertNewVersion(Activity version, Activity original, Instant after) {
        assertThat(version.updatedAt()).isAfter(after);
        assertThat(version.participants())
                .isEqualTo(original.participants() + (original.participation().isEmpty() ? 0 : 1));
        assertThat(version.participation()).hasSameSizeAs(original.participation());
        assertThat(new Activity(original.id(), version.updatedAt(), original.mechanism(), original.status(),
                original.startDate(), original.endDate(), original.title(), original.theme(), original.initiator(),
                version.participation(), original.funding(), original.associations(), original.indhProjectRef()))
                .isEqualTo(version);
    }
}
