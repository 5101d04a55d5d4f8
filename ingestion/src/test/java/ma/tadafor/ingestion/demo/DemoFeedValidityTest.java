package ma.tadafor.ingestion.demo;

import static ma.tadafor.data.activity.ActivityStatus.ACCEPTED;
import static ma.tadafor.data.activity.ActivityStatus.ADMISSIBLE;
import static ma.tadafor.data.activity.ActivityStatus.CANCELLED;
import static ma.tadafor.data.activity.ActivityStatus.CLOSED;
import static ma.tadafor.data.activity.ActivityStatus.HELD;
import static ma.tadafor.data.activity.ActivityStatus.IMPLEMENTED;
import static ma.tadafor.data.activity.ActivityStatus.INADMISSIBLE;
import static ma.tadafor.data.activity.ActivityStatus.IN_PROGRESS;
import static ma.tadafor.data.activity.ActivityStatus.ON_AGENDA;
import static ma.tadafor.data.activity.ActivityStatus.PLANNED;
import static ma.tadafor.data.activity.ActivityStatus.REJECTED;
import static ma.tadafor.data.activity.ActivityStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStatus;
import ma.tadafor.data.activity.Funding;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.activity.ParticipationCell;
import ma.tadafor.ingestion.feed.FeedEntry;
import ma.tadafor.ingestion.feed.FeedJson;

/** Every generated item obeys PORTAL_FEED.md and its mechanism's life cycle. */
class DemoFeedValidityTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2025, 6, 30);
    private static final Instant CUTOFF = Instant.parse("2025-07-15T00:00:00Z");
    private static final Set<Mechanism> MEETINGS = EnumSet.of(Mechanism.CITIZEN_MEETING, Mechanism.YOUTH_COUNCIL,
            Mechanism.NEIGHBOURHOOD_COMMITTEE, Mechanism.IEECAG_SESSION, Mechanism.DIALOGUE_SPACE, Mechanism.TRAINING);
    private static final Map<Mechanism, Set<ActivityStatus>> LIFE_CYCLES = Map.of(
            Mechanism.PETITION, EnumSet.of(SUBMITTED, ADMISSIBLE, INADMISSIBLE, ON_AGENDA, ACCEPTED, REJECTED,
                    IMPLEMENTED),
            Mechanism.CONSULTATIVE_OPINION, EnumSet.of(SUBMITTED, ON_AGENDA, ACCEPTED, REJECTED),
            Mechanism.SUGGESTION, EnumSet.of(SUBMITTED, ACCEPTED, REJECTED, CLOSED),
            Mechanism.INFORMATION_REQUEST, EnumSet.of(SUBMITTED, CLOSED, REJECTED),
            Mechanism.DIGITAL_CONSULTATION, EnumSet.of(IN_PROGRESS, CLOSED),
            Mechanism.SATISFACTION_SURVEY, EnumSet.of(IN_PROGRESS, CLOSED),
            Mechanism.PARTICIPATORY_BUDGET, EnumSet.of(IN_PROGRESS, CLOSED, IMPLEMENTED),
            Mechanism.CO_CONSTRUCTION_PROJECT, EnumSet.of(SUBMITTED, ACCEPTED, REJECTED, IN_PROGRESS, IMPLEMENTED));
    private static final Comparator<Activity> FEED_ORDER =
            Comparator.comparing(Activity::updatedAt).thenComparing(Activity::id);

    @Test
    void itemsAreInFeedOrderWithIdsUniquePerCommune() {
        DemoFeed.byCommune().values().forEach(feed -> {
            assertThat(feed).isNotEmpty().isSortedAccordingTo(FEED_ORDER);
            assertThat(feed).extracting(Activity::id).doesNotHaveDuplicates()
                    .allMatch(id -> !id.isEmpty() && id.length() <= 128)
                    .allMatch(id -> id.matches("[a-z-]+-20(22|23|24|25)-\\d{3,}"));
        });
    }

    @Test
    void participationCellsAreValidCounts() {
        activities().forEach(activity -> {
            List<ParticipationCell> cells = activity.participation();
            assertThat(cells).hasSizeLessThanOrEqualTo(10_000)
                    .allMatch(cell -> cell.count() >= 1 && cell.count() <= 1_000_000)
                    .allMatch(cell -> cell.gender() != null && cell.ageBand() != null && cell.role() != null);
            Set<List<Object>> keys = new HashSet<>();
            cells.forEach(cell -> assertThat(keys.add(Arrays.asList(
                    cell.gender(), cell.ageBand(), cell.disability(), cell.role()))).isTrue());
        });
    }

    @Test
    void datesStayWithinTheCommunesProgrammePeriod() {
        DemoFeed.byCommune().forEach((commune, feed) -> feed.forEach(activity -> {
            assertThat(activity.startDate()).isBetween(commune.joined(), LAST_DAY);
            if (activity.endDate() != null) {
                assertThat(activity.endDate()).isAfterOrEqualTo(activity.startDate());
            }
            assertThat(activity.updatedAt()).isBeforeOrEqualTo(CUTOFF);
            Instant startOfDay = activity.startDate().atStartOfDay(ZoneOffset.UTC).toInstant();
            if (activity.status() == PLANNED) {
                // announced ahead, never updated since
                assertThat(activity.updatedAt()).isBetween(startOfDay.minus(Duration.ofDays(14)), startOfDay);
            } else {
                assertThat(activity.updatedAt()).isAfter(startOfDay);
            }
        }));
    }

    @Test
    void statusesFollowTheMechanismsLifeCycle() {
        activities().forEach(activity -> {
            Set<ActivityStatus> allowed = MEETINGS.contains(activity.mechanism())
                    ? EnumSet.of(PLANNED, HELD, CANCELLED) : LIFE_CYCLES.get(activity.mechanism());
            assertThat(allowed).as(activity.id()).contains(activity.status());
            if (activity.status() == CLOSED && activity.endDate() != null) {
                assertThat(activity.updatedAt()).isAfter(activity.endDate().atStartOfDay(ZoneOffset.UTC).toInstant());
            }
        });
        assertThat(activities().map(Activity::status).distinct()).contains(PLANNED, HELD, CANCELLED, SUBMITTED,
                ADMISSIBLE, INADMISSIBLE, ON_AGENDA, ACCEPTED, REJECTED, IN_PROGRESS, CLOSED, IMPLEMENTED);
    }

    @Test
    void meetingsAreReportedHoursToDaysAfterTheyAreHeldAndOnlyHeldOnesHaveParticipants() {
        activities().filter(activity -> MEETINGS.contains(activity.mechanism())).forEach(activity -> {
            assertThat(activity.participation().isEmpty()).as(activity.id()).isEqualTo(activity.status() != HELD);
            if (activity.status() != PLANNED) {
                Instant startOfDay = activity.startDate().atStartOfDay(ZoneOffset.UTC).toInstant();
                assertThat(activity.updatedAt()).isBefore(startOfDay.plus(Duration.ofDays(36)));
            }
        });
    }

    @Test
    void consultationsAndCoConstructionProjectsSpanWeeksToMonths() {
        activities().filter(activity -> activity.mechanism() == Mechanism.DIGITAL_CONSULTATION
                        || activity.mechanism() == Mechanism.CO_CONSTRUCTION_PROJECT)
                .forEach(activity -> assertThat(activity.endDate()).isBetween(
                        activity.startDate().plusWeeks(2), activity.startDate().plusMonths(11)));
    }

    @Test
    void titlesAreInFrenchAndArabic() {
        activities().forEach(activity -> {
            assertThat(activity.title().fr()).isNotBlank().hasSizeLessThanOrEqualTo(500);
            assertThat(activity.title().ar()).isNotBlank().hasSizeLessThanOrEqualTo(500)
                    .matches(".*[\\u0600-\\u06FF].*");
            assertThat(activity.theme()).isNotNull();
        });
        assertThat(activities().map(Activity::title))
                .anyMatch(title -> title.fr().equals("Réunion citoyenne sur l'eau potable")
                        && title.ar().equals("لقاء تواصلي حول الماء الصالح للشرب"));
    }

    @Test
    void coConstructionProjectsAreFundedAndCarriedByAssociations() {
        activities().forEach(activity -> {
            boolean coConstruction = activity.mechanism() == Mechanism.CO_CONSTRUCTION_PROJECT;
            assertThat(activity.funding() != null).as(activity.id()).isEqualTo(coConstruction);
            if (coConstruction) {
                Funding funding = activity.funding();
                assertThat(List.of(funding.tadaforMad(), funding.communeMad(), funding.indhMad(), funding.otherMad()))
                        .allMatch(mad -> mad.signum() >= 0);
                assertThat(funding.indhMad().signum() > 0).isEqualTo(activity.indhProjectRef() != null);
                assertThat(funding.totalMad()).isBetween(BigDecimal.valueOf(50_000), BigDecimal.valueOf(600_000));
                assertThat(activity.associations()).hasSizeBetween(1, 3).doesNotHaveDuplicates();
            }
        });
    }

    @Test
    void associationsComeFromAStablePoolPerCommune() {
        DemoFeed.byCommune().values().forEach(feed -> {
            Map<String, String> namesById = new HashMap<>();
            feed.stream().flatMap(activity -> activity.associations().stream()).forEach(association -> {
                assertThat(association.name()).startsWith("Association ").contains(" pour ");
                assertThat(namesById.putIfAbsent(association.id(), association.name()))
                        .isIn(null, association.name());
            });
            assertThat(new HashSet<>(namesById.values())).hasSameSizeAs(namesById.keySet());
        });
    }

    @Test
    void everyItemPassesTheFeedReadersRulesAndSurvivesTheWireFormatUnchanged() {
        FeedJson json = new FeedJson();
        DemoFeed.byCommune().forEach((commune, feed) -> {
            String body = json.write(json.page(commune.code(), "2025-07-15T00:00:00Z",
                    feed.stream().map(json::item).toList(), null));

            List<FeedEntry> entries = json.readPage(body).entries();

            assertThat(entries).allSatisfy(entry -> assertThat(entry).isInstanceOf(FeedEntry.Valid.class));
            assertThat(entries).extracting(entry -> ((FeedEntry.Valid) entry).activity()).isEqualTo(feed);
        });
    }

    private static Stream<Activity> activities() {
        return DemoFeed.byCommune().values().stream().flatMap(List::stream);
    }
}
