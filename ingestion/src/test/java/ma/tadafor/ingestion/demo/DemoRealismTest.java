package ma.tadafor.ingestion.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.AgeBand;
import ma.tadafor.data.activity.Gender;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.activity.ParticipationCell;
import ma.tadafor.data.activity.Role;

/** The demo data looks like a real programme's: who takes part, how many, when. */
class DemoRealismTest {

    @Test
    void womenShareIsPerCommuneBetweenAFifthAndAHalf() {
        DemoFeed.byCommune().forEach((commune, feed) -> assertThat(share(feed,
                cell -> cell.gender() != Gender.U, cell -> cell.gender() == Gender.F))
                .as(commune.code()).isBetween(0.20, 0.55));
        assertThat(DemoFeed.byCommune().values().stream()
                .mapToDouble(feed -> share(feed, cell -> cell.gender() != Gender.U, cell -> cell.gender() == Gender.F))
                .summaryStatistics())
                .satisfies(shares -> assertThat(shares.getMax() - shares.getMin()).isGreaterThan(0.12));
    }

    @Test
    void personsWithDisabilitiesAreOneToSixPercentPerCommune() {
        DemoFeed.byCommune().forEach((commune, feed) -> assertThat(share(feed,
                cell -> cell.disability() != null, cell -> cell.disability()))
                .as(commune.code()).isBetween(0.01, 0.06));
    }

    @Test
    void someParticipantsAndSomeWholeActivitiesAreReportedAsUnknown() {
        List<Activity> all = activities().toList();
        double unknownGender = share(all, cell -> true, cell -> cell.gender() == Gender.U);
        double unknownDisability = share(all, cell -> true, cell -> cell.disability() == null);

        assertThat(unknownGender).isBetween(0.005, 0.08);
        assertThat(unknownDisability).isBetween(0.01, 0.1);
        assertThat(all).filteredOn(activity -> !activity.participation().isEmpty() && activity.participation().stream()
                        .allMatch(cell -> cell.gender() == Gender.U && cell.ageBand() == AgeBand.UNKNOWN
                                && cell.disability() == null))
                .hasSizeGreaterThan(50);
    }

    @Test
    void sizesFitTheMechanism() {
        assertSizes(Mechanism.CITIZEN_MEETING, 15, 200);
        assertSizes(Mechanism.PETITION, 50, 600);
        assertSizes(Mechanism.TRAINING, 10, 40);
        assertSizes(Mechanism.SUGGESTION, 1, 5);
        assertSizes(Mechanism.INFORMATION_REQUEST, 1, 5);
        assertSizes(Mechanism.SATISFACTION_SURVEY, 30, 400);
        assertSizes(Mechanism.YOUTH_COUNCIL, 10, 45);
    }

    @Test
    void trainingsAreForElectedOfficialsAndStaffAndYouthCouncilsForTheYoung() {
        Set<Role> officials = EnumSet.of(Role.ELECTED_OFFICIAL, Role.COMMUNE_STAFF);
        Set<AgeBand> young = EnumSet.of(AgeBand.UNDER_18, AgeBand.AGE_18_24);

        assertThat(share(of(Mechanism.TRAINING), cell -> true, cell -> officials.contains(cell.role())))
                .isGreaterThan(0.7);
        assertThat(share(of(Mechanism.YOUTH_COUNCIL), cell -> cell.ageBand() != AgeBand.UNKNOWN,
                cell -> young.contains(cell.ageBand()))).isGreaterThan(0.75);
        assertThat(share(of(Mechanism.PETITION), cell -> true, cell -> cell.ageBand() == AgeBand.UNDER_18)).isZero();
    }

    @Test
    void pilotsStartIn2022AndAreBusierThanExtensionCommunesInTheirFirstMonths() {
        DemoFeed.byCommune().forEach((commune, feed) -> {
            LocalDate first = feed.stream().map(Activity::startDate).min(LocalDate::compareTo).orElseThrow();
            assertThat(first).as(commune.code()).isBetween(commune.joined(), commune.joined().plusMonths(3));
            assertThat(first.getYear()).isEqualTo(commune.pilot() ? 2022 : 2023);
        });
        assertThat(firstHalfYearActivitiesPerCommune(true))
                .isGreaterThan(1.3 * firstHalfYearActivitiesPerCommune(false));
    }

    @Test
    void volumeGrowsOverTime() {
        assertThat(startedBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)))
                .isGreaterThan(startedBetween(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31)));
        assertThat(DemoFeed.byCommune().entrySet().stream().filter(entry -> entry.getKey().pilot())
                .flatMap(entry -> entry.getValue().stream())
                .filter(activity -> activity.startDate().getYear() == 2024).count())
                .isGreaterThan(DemoFeed.byCommune().entrySet().stream().filter(entry -> entry.getKey().pilot())
                        .flatMap(entry -> entry.getValue().stream())
                        .filter(activity -> activity.startDate().getYear() == 2023).count());
    }

    @Test
    void aboutFortyPercentOfCoConstructionProjectsConvergeWithIndh() {
        List<Activity> projects = of(Mechanism.CO_CONSTRUCTION_PROJECT);

        assertThat(projects).hasSizeGreaterThan(100);
        assertThat((double) projects.stream().filter(activity -> activity.indhProjectRef() != null).count()
                / projects.size()).isBetween(0.3, 0.5);
        assertThat(activities().filter(activity -> activity.mechanism() != Mechanism.CO_CONSTRUCTION_PROJECT)
                .filter(activity -> activity.indhProjectRef() != null)).isNotEmpty();
        assertThat(activities().filter(activity -> activity.mechanism() == Mechanism.CO_CONSTRUCTION_PROJECT)
                .map(Activity::startDate)).allMatch(start -> start.getYear() >= 2024);
    }

    /** The planted outliers (docs/TRUST.md): a few communes' first suggestion, at 40 times its size, and titled so. */
    @Test
    void aFewSuggestionsArePlantedOutliersAndSaySo() {
        List<Activity> planted = activities().filter(DemoRealismTest::planted).toList();

        assertThat(planted).hasSizeBetween(5, 30).allSatisfy(activity -> {
            assertThat(activity.mechanism()).isEqualTo(Mechanism.SUGGESTION);
            assertThat(activity.participants()).as("40 times 1 to 5").isBetween(40L, 200L);
            assertThat(activity.title().ar()).contains("مزروعة");
        });
    }

    private static boolean planted(Activity activity) {
        return activity.title().fr().endsWith("(valeur atypique plantée, démo)");
    }

    private static void assertSizes(Mechanism mechanism, long min, long max) {
        List<Activity> held = of(mechanism).stream().filter(activity -> !activity.participation().isEmpty())
                .filter(activity -> !planted(activity)).toList();
        assertThat(held).as(mechanism.name()).hasSizeGreaterThan(100)
                .allMatch(activity -> activity.participants() >= min && activity.participants() <= max);
    }

    private static double firstHalfYearActivitiesPerCommune(boolean pilot) {
        return DemoFeed.byCommune().entrySet().stream().filter(entry -> entry.getKey().pilot() == pilot)
                .mapToLong(entry -> entry.getValue().stream().filter(activity ->
                        activity.startDate().isBefore(entry.getKey().joined().plusMonths(6))).count())
                .average().orElseThrow();
    }

    private static long startedBetween(LocalDate from, LocalDate to) {
        return activities().map(Activity::startDate)
                .filter(start -> !start.isBefore(from) && !start.isAfter(to)).count();
    }

    /** People matching {@code counted} among people matching {@code among}. */
    private static double share(List<Activity> activities, Predicate<ParticipationCell> among,
            Predicate<ParticipationCell> counted) {
        ToLongFunction<Predicate<ParticipationCell>> people = filter -> activities.stream()
                .flatMap(activity -> activity.participation().stream()).filter(filter)
                .mapToLong(ParticipationCell::count).sum();
        return (double) people.applyAsLong(among.and(counted)) / people.applyAsLong(among);
    }

    private static List<Activity> of(Mechanism mechanism) {
        return activities().filter(activity -> activity.mechanism() == mechanism).toList();
    }

    private static Stream<Activity> activities() {
        return DemoFeed.byCommune().values().stream().flatMap(List::stream);
    }
}
