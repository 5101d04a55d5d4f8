package ma.tadafor.dashboard.disclosure;

import static ma.tadafor.data.mart.ParticipationDimension.COMMUNE;
import static ma.tadafor.data.mart.ParticipationDimension.GENDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ma.tadafor.dashboard.analytics.AnalyticsProperties;
import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.data.mart.ExactCount;
import ma.tadafor.data.mart.IndicatorActual;
import ma.tadafor.data.mart.LineageItem;
import ma.tadafor.data.mart.ParticipationFigures;
import ma.tadafor.data.mart.ParticipationQueries;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.mart.ParticipationRate;
import ma.tadafor.data.quality.CommuneQuality;
import ma.tadafor.data.territory.TerritorialScope;

/** The layer's rules on fixed figures: what each audience gets, and what derived figures are made of. */
class DisclosureTest {

    /** A count of 1 is always suppressed: its noise is reflected up to 4 at most. */
    private static final ExactCount SMALL = new ExactCount(1, 17);
    private static final ExactCount LARGE = new ExactCount(1_000, 99);

    /** The mart's answer to every question: a small and a large row, and their total. */
    private final ParticipationQueries mart = new ParticipationQueries(null) {
        @Override
        public ParticipationFigures participation(ParticipationQuery query, TerritorialScope scope) {
            return new ParticipationFigures(List.of(new ParticipationFigures.Row(Map.of(GENDER, "F"), SMALL, 2),
                    new ParticipationFigures.Row(Map.of(GENDER, "M"), LARGE, 40)), new ExactCount(1_003, 116), 41);
        }
    };
    private final Disclosure disclosure = new Disclosure(mart, new AnalyticsProperties("local[1]", "127.0.0.1",
            Path.of("target"), 1, List.of(), Map.of(), new AnalyticsProperties.Status(0.9, 0.6), new AnalyticsProperties.WarmUp(0)));

    @Test
    void theAdministratorGetsExactCountsAndOthersProtectedOnes() {
        assertThat(disclosure.count(SMALL, Audience.EXACT)).isEqualTo(new PublishedCount(1, false));
        PublishedCount small = disclosure.count(SMALL, Audience.PROTECTED);
        assertThat(small.suppressed()).isTrue();
        assertThat(small.value()).isNull();
        assertThat(small.shown()).isEqualTo("< 5");
        assertThat(small.shownOrZero()).isZero();
        PublishedCount large = disclosure.count(LARGE, Audience.PROTECTED);
        assertThat(large.suppressed()).isFalse();
        assertThat(large.value()).isBetween(997L, 1_003L).isEqualTo(PerturbationTable.perturbed(1_000, 99));
        assertThat(large.shown()).isEqualTo(large.perturbed());
        assertThat(disclosure.count(ExactCount.ZERO, Audience.PROTECTED)).isEqualTo(PublishedCount.ZERO);
    }

    @Test
    void aProtectedAnswerHidesSmallRowsAndTheirActivitiesAndProtectsItsTotalOnItsOwn() {
        ParticipationQuery query = new ParticipationQuery(List.of(GENDER), Map.of(), null, null);
        PublishedParticipation answer = disclosure.participation(query, TerritorialScope.NATIONAL, Audience.PROTECTED);

        assertThat(answer.suppressed()).isEqualTo(1);
        assertThat(answer.protectedFigures()).isTrue();
        assertThat(answer.rows().get(0).participants().suppressed()).isTrue();
        assertThat(answer.rows().get(0).activities()).isNull();
        assertThat(answer.rows().get(1).activities()).isEqualTo(40);
        assertThat(answer.rows().get(1).value(GENDER)).isEqualTo("M");
        assertThat(answer.total()).isEqualTo(PerturbationTable.protect(new ExactCount(1_003, 116)));
        assertThat(answer.totalActivities()).isEqualTo(41);

        PublishedParticipation exact = disclosure.participation(query, TerritorialScope.NATIONAL, Audience.EXACT);
        assertThat(exact.suppressed()).isZero();
        assertThat(exact.protectedFigures()).isFalse();
        assertThat(exact.rows().get(0).participants().value()).isEqualTo(1);
        assertThat(exact.rows().get(0).activities()).isEqualTo(2);
    }

    @Test
    void onlyAProtectedAudienceIsHeldToTheQuerySpace() {
        ParticipationQuery twoCommunes = new ParticipationQuery(List.of(), Map.of(COMMUNE, List.of("a", "b")),
                LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 9));

        assertThatThrownBy(() -> disclosure.participation(twoCommunes, TerritorialScope.NATIONAL, Audience.PROTECTED))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(disclosure.participation(twoCommunes, TerritorialScope.NATIONAL, Audience.EXACT).rows()).hasSize(2);
    }

    @Test
    void ratesAreMadeOfProtectedCountsAndNoShareOfASuppressedOne() {
        ParticipationRate rate = new ParticipationRate("2024S1", 50_000L, 50.0, 30.0, 5.0, LARGE,
                new ExactCount(900, 3), new ExactCount(450, 5), new ExactCount(800, 7), new ExactCount(200, 11),
                new ExactCount(600, 13), SMALL);

        PublishedRate exact = disclosure.rate(rate, Audience.EXACT);
        assertThat(exact.participantsPer1000()).isEqualTo(20.0);
        assertThat(exact.womenShare()).isEqualTo(50.0);
        assertThat(exact.womenIndex()).isEqualTo(1.0);
        assertThat(exact.youthShare()).isEqualTo(25.0);
        assertThat(exact.youthIndex()).isCloseTo(25.0 / 30.0, within(1e-9));
        assertThat(exact.disabilityShare()).isCloseTo(100.0 / 600, within(1e-9));
        assertThat(exact.disabilityIndex()).isCloseTo(100.0 / 600 / 5, within(1e-9));

        PublishedRate shown = disclosure.rate(rate, Audience.PROTECTED);
        long women = PerturbationTable.perturbed(450, 5);
        long known = PerturbationTable.perturbed(900, 3);
        assertThat(shown.womenShare()).isEqualTo(women * 100.0 / known);
        assertThat(shown.participantsPer1000()).isEqualTo(PerturbationTable.perturbed(1_000, 99) * 1000.0 / 50_000);
        assertThat(shown.disabilityShare()).isNull();
        assertThat(shown.disabilityIndex()).isNull();
        assertThat(shown.population()).isEqualTo(50_000L);
        assertThat(shown.semester()).isEqualTo("2024S1");
    }

    @Test
    void aRateWithoutPopulationOrWithSuppressedParticipantsHasNoRatePerThousand() {
        ParticipationRate noPopulation = new ParticipationRate("2024S1", null, null, null, null, LARGE, LARGE, LARGE,
                LARGE, LARGE, LARGE, LARGE);
        ParticipationRate few = new ParticipationRate("2024S1", 50_000L, 50.0, 0.0, null, SMALL, LARGE, LARGE, LARGE,
                LARGE, LARGE, LARGE);

        assertThat(disclosure.rate(noPopulation, Audience.PROTECTED).participantsPer1000()).isNull();
        assertThat(disclosure.rate(noPopulation, Audience.PROTECTED).womenIndex()).isNull();
        assertThat(disclosure.rate(few, Audience.PROTECTED).participantsPer1000()).isNull();
        assertThat(disclosure.rate(few, Audience.PROTECTED).youthIndex()).isNull();
        assertThat(disclosure.rate(few, Audience.PROTECTED).disabilityIndex()).isNull();
    }

    @Test
    void anIndicatorOfParticipantsIsProtectedLikeAnyCountAndItsStatusFollowsThePublishedFigure() {
        IndicatorActual narrow = new IndicatorActual(1.0, null, null, 17, null);
        PublishedActual hidden = disclosure.actual(narrow, 4.0, Audience.PROTECTED);
        assertThat(hidden.value()).isNull();
        assertThat(hidden.suppressed()).isTrue();
        long perturbed = PerturbationTable.perturbed(1, 17);
        assertThat(hidden.status()).isEqualTo(perturbed / 4.0 >= 0.9 ? "ON_TRACK" : perturbed / 4.0 >= 0.6 ? "AT_RISK" : "OFF_TRACK");

        PublishedActual exact = disclosure.actual(narrow, 4.0, Audience.EXACT);
        assertThat(exact.value()).isEqualTo(1.0);
        assertThat(exact.suppressed()).isFalse();
        assertThat(exact.status()).isEqualTo("OFF_TRACK");
        assertThat(disclosure.actual(new IndicatorActual(3.0, null, null, 17, null), 4.0, Audience.EXACT).status())
                .isEqualTo("AT_RISK");

        IndicatorActual count = new IndicatorActual(1_000.0, null, null, 99, null);
        assertThat(disclosure.actual(count, 1_000.0, Audience.PROTECTED).value())
                .isEqualTo((double) PerturbationTable.perturbed(1_000, 99));
    }

    @Test
    void aShareIndicatorIsMadeOfItsProtectedTermsAndSuppressedWithThem() {
        IndicatorActual share = new IndicatorActual(25.0, 250.0, 1_000.0, 5, 99);
        assertThat(disclosure.actual(share, 50.0, Audience.PROTECTED).value())
                .isEqualTo(PerturbationTable.perturbed(250, 5) * 100.0 / PerturbationTable.perturbed(1_000, 99));
        assertThat(disclosure.actual(share, 50.0, Audience.PROTECTED).status()).isEqualTo("OFF_TRACK");
        assertThat(disclosure.actual(share, 50.0, Audience.PROTECTED).numerator())
                .isEqualTo(PerturbationTable.protect(new ExactCount(250, 5)));
        assertThat(disclosure.actual(share, 50.0, Audience.EXACT).denominator()).isEqualTo(new PublishedCount(1_000, false));

        PublishedActual small = disclosure.actual(new IndicatorActual(10.0, 1.0, 10.0, 17, 4), 10.0, Audience.PROTECTED);
        assertThat(small.value()).isNull();
        assertThat(small.suppressed()).isTrue();
        assertThat(small.status()).isEqualTo("NO_DATA");
    }

    @Test
    void indicatorsThatCountNoPersonAreExactForEveryone() {
        IndicatorActual activities = new IndicatorActual(3.0, null, null, null, null);
        assertThat(disclosure.actual(activities, 3.0, Audience.PROTECTED))
                .isEqualTo(new PublishedActual(3.0, false, "ON_TRACK", null, null));
        PublishedActual shareOfActivities = disclosure.actual(new IndicatorActual(25.0, 1.0, 4.0, null, null), 50.0,
                Audience.PROTECTED);
        assertThat(shareOfActivities.value()).isEqualTo(25.0);
        assertThat(shareOfActivities.numerator()).isEqualTo(new PublishedCount(1, false));
        assertThat(disclosure.actual(IndicatorActual.NONE, 3.0, Audience.PROTECTED).status()).isEqualTo("NO_DATA");
        assertThat(disclosure.actual(activities, null, Audience.PROTECTED).status()).isEqualTo("NO_DATA");
        assertThat(disclosure.actual(activities, 0.0, Audience.PROTECTED).status()).isEqualTo("ON_TRACK");
    }

    @Test
    void aCommunesCompletenessIsMadeOfProtectedCounts() {
        CommuneQuality commune = new CommuneQuality("05.091.01.07", "Kasba Tadla", null, "05.091", "pilot", 40, 0, LARGE,
                SMALL, new ExactCount(100, 7), ExactCount.ZERO, null, null, null, 1, null, null);

        PublishedCompleteness shown = disclosure.completeness(commune, Audience.PROTECTED);
        assertThat(shown.unknownGenderShare()).isNull();
        assertThat(shown.unknownAgeShare()).isEqualTo(PerturbationTable.perturbed(100, 7) * 100.0
                / PerturbationTable.perturbed(1_000, 99));
        assertThat(shown.unknownDisabilityShare()).isZero();
        assertThat(shown.worstShare()).isEqualTo(shown.unknownAgeShare());
        assertThat(disclosure.completeness(commune, Audience.EXACT).unknownGenderShare()).isEqualTo(0.1);
    }

    @Test
    void everyAnswerSaysWhetherItsFiguresAreProtected() {
        assertThat(Disclosure.describe(Audience.PROTECTED)).containsEntry("protected", true)
                .containsEntry("method", "cell-key-perturbation");
        assertThat(Disclosure.describe(Audience.EXACT)).containsEntry("protected", false).containsEntry("method", "exact");
    }

    @Test
    void aSuppressedFigureListsItsItemsToTheAdministratorOnly() {
        List<String> items = List.of("portal / item-1", "portal / item-2");
        assertThat(Disclosure.itemsBeside(items, true, Audience.PROTECTED)).as("four items under a < 5 give it back").isEmpty();
        assertThat(Disclosure.itemsBeside(items, true, Audience.EXACT)).isEqualTo(items);
        assertThat(Disclosure.itemsBeside(items, false, Audience.PROTECTED)).isEqualTo(items);

        PublishedActual shown = new PublishedActual(40.0, false, "ON_TRACK", PublishedCount.ZERO, PublishedCount.ZERO);
        PublishedActual hidden = new PublishedActual(null, true, "NO_DATA", PublishedCount.ZERO, PublishedCount.ZERO);
        assertThat(new PublishedRevision(shown, shown).suppressed()).isFalse();
        assertThat(new PublishedRevision(hidden, shown).suppressed()).isTrue();
        assertThat(new PublishedRevision(shown, hidden).suppressed()).isTrue();
    }

    @Test
    void aLineageItemGivesOthersItsProtectedTotalOnlyAndTheAdministratorItsPartAndCells() {
        List<LineageItem.Cell> cells = List.of(new LineageItem.Cell("F", "UNDER_18", "YES", "CITIZEN", 1));
        LineageItem item = new LineageItem("portal", "item-1", Instant.parse("2024-03-01T00:00:00Z"), "run", null,
                LocalDate.of(2024, 3, 1), "05.091.01.07", "PETITION", SMALL, 1.0, null, cells);

        Map<String, Object> published = disclosure.lineageItem(item, Audience.PROTECTED);
        assertThat(published).containsEntry("participants", null).containsEntry("suppressed", true)
                .doesNotContainKeys("contribution", "contributionDenominator", "cells");
        assertThat(disclosure.lineageItem(new LineageItem("portal", "item-2", item.version(), "run", null, item.startDate(),
                item.communeCode(), item.mechanism(), LARGE, 1_000.0, 2_000.0, cells), Audience.PROTECTED))
                .containsEntry("participants", PerturbationTable.perturbed(1_000, 99)).doesNotContainKeys("suppressed", "cells");

        Map<String, Object> exact = disclosure.lineageItem(item, Audience.EXACT);
        assertThat(exact).containsEntry("participants", 1L).containsEntry("contribution", 1.0).containsEntry("cells", cells)
                .doesNotContainKeys("suppressed", "contributionDenominator");
        assertThat(disclosure.lineageItem(new LineageItem("portal", "item-2", item.version(), "run", null, item.startDate(),
                item.communeCode(), item.mechanism(), LARGE, 1_000.0, 2_000.0, cells), Audience.EXACT))
                .containsEntry("contributionDenominator", 2_000.0);
    }
}
