package ma.tadafor.dashboard.disclosure;

import static ma.tadafor.data.mart.ParticipationDimension.AGE_BAND;
import static ma.tadafor.data.mart.ParticipationDimension.COHORT;
import static ma.tadafor.data.mart.ParticipationDimension.COMMUNE;
import static ma.tadafor.data.mart.ParticipationDimension.DISABILITY;
import static ma.tadafor.data.mart.ParticipationDimension.GENDER;
import static ma.tadafor.data.mart.ParticipationDimension.MECHANISM;
import static ma.tadafor.data.mart.ParticipationDimension.PROVINCE;
import static ma.tadafor.data.mart.ParticipationDimension.ROLE;
import static ma.tadafor.data.mart.ParticipationDimension.SEMESTER;
import static ma.tadafor.data.mart.ParticipationDimension.YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.analytics.RefreshMarts;
import ma.tadafor.dashboard.analytics.AnalyticsProperties;
import ma.tadafor.dashboard.analytics.DemoWarehouse;
import ma.tadafor.dashboard.analytics.SparkSessionProvider;
import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.data.activity.AgeBand;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.activity.Role;
import ma.tadafor.data.mart.MartStore;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationQueries;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.mart.WarehouseSnapshot;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;

/**
 * Attacks the disclosure layer over real marts (the demo generator's activities for every programme
 * commune, refreshed by Spark), as a governor, a commune focal point and a national user would:
 * random questions drawn from what they may ask — personal dimensions as filters or groupings, any
 * level of territory, months, semesters, years and periods up to a month's end — and for each, the
 * breakdown by two dimensions with both margins and the total, solved together by interval
 * propagation. It fails when a count from 1 to 4 can be derived that the exact answer confirms.
 */
class DisclosureAttackTest {

    private static final long SEED = 4_242L;
    private static final int QUESTIONS = 300;
    private static final List<ParticipationDimension> GROUPABLE = List.of(PROVINCE, COMMUNE, COHORT, MECHANISM, YEAR,
            SEMESTER, GENDER, AGE_BAND, DISABILITY, ROLE);
    private static final Map<String, TerritorialScope> USERS = Map.of(
            "national", TerritorialScope.NATIONAL,
            "governor", TerritorialScope.of(Set.of(), Set.of("05.091"), Set.of()),
            "focal point", TerritorialScope.of(Set.of(), Set.of(), Set.of("05.091.01.07")));

    @TempDir
    static Path folder;

    static HikariDataSource warehouse;
    static Disclosure disclosure;
    static List<String> communes;

    @BeforeAll
    static void refresh() {
        warehouse = DemoWarehouse.open(folder.resolve("warehouse.duckdb"));
        List<DemoCommune> all = ProgrammeCommunes.all();
        DemoWarehouse.fill(warehouse, new DemoDataGenerator(11, 0.03), all);
        communes = all.stream().map(DemoCommune::code).toList();
        Path snapshot = folder.resolve("snapshot");
        WarehouseSnapshot.Summary exported = new WarehouseSnapshot(warehouse).export(snapshot, true);
        AnalyticsProperties properties = new AnalyticsProperties("local[2]", "127.0.0.1", folder, 2, List.of(), Map.of(),
                new AnalyticsProperties.Status(0.9, 0.6), new AnalyticsProperties.WarmUp(0));
        SparkSession spark = new SparkSessionProvider(properties).session();
        RefreshMarts.run(spark, snapshot.toString(), folder.resolve("marts").toString(), properties.status().thresholds());
        new MartStore(warehouse).load(folder.resolve("marts"), snapshot, exported.scope());
        disclosure = new Disclosure(new ParticipationQueries(warehouse), properties);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void noRandomQuestionWithItsMarginsGivesAnExactSmallCountAway() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> disclosed = new ArrayList<>();
        int smallCounts = 0;
        for (int q = 0; q < QUESTIONS; q++) {
            String user = List.copyOf(USERS.keySet()).get(random.nextInt(USERS.size()));
            Question question = Question.random(random, user);
            Breakdown breakdown = new Breakdown(question, USERS.get(user));
            smallCounts += breakdown.smallCounts();
            disclosed.addAll(breakdown.attack());
        }
        assertThat(smallCounts).as("the questions meet small counts to attack").isGreaterThan(QUESTIONS);
        assertThat(disclosed).isEmpty();
    }

    @Test
    void theSameCellsGiveTheSameFigureWhateverTheQuestionsShape() {
        // A filter and a grouping reach the same records: one value, so no second estimate to average.
        TerritorialScope governor = USERS.get("governor");
        PublishedParticipation byGender = disclosure.participation(new ParticipationQuery(List.of(GENDER),
                Map.of(DISABILITY, List.of("YES")), null, null), governor, Audience.PROTECTED);
        for (PublishedParticipation.Row row : byGender.rows()) {
            PublishedParticipation filtered = disclosure.participation(new ParticipationQuery(List.of(),
                    Map.of(DISABILITY, List.of("YES"), GENDER, List.of(row.value(GENDER))), null, null), governor,
                    Audience.PROTECTED);
            assertThat(filtered.total()).isEqualTo(row.participants());
        }
        PublishedParticipation again = disclosure.participation(new ParticipationQuery(List.of(GENDER),
                Map.of(DISABILITY, List.of("YES")), null, null), governor, Audience.PROTECTED);
        assertThat(again).isEqualTo(byGender);
    }

    @Test
    void dayWindowsAndListsAreRefusedToAProtectedAudienceOnly() {
        ParticipationQuery dayWindow = new ParticipationQuery(List.of(GENDER), Map.of(), LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 3, 14));
        ParticipationQuery twoCommunes = new ParticipationQuery(List.of(), Map.of(COMMUNE,
                List.of(communes.get(0), communes.get(1))), null, null);

        assertThatThrownBy(() -> disclosure.participation(dayWindow, TerritorialScope.NATIONAL, Audience.PROTECTED))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> disclosure.participation(twoCommunes, TerritorialScope.NATIONAL, Audience.PROTECTED))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(disclosure.participation(dayWindow, TerritorialScope.NATIONAL, Audience.EXACT).total().value()).isPositive();
    }

    @Test
    void theAdministratorSeesExactCountsSmallOnesIncluded() {
        PublishedParticipation exact = disclosure.participation(new ParticipationQuery(List.of(COMMUNE, AGE_BAND),
                Map.of(DISABILITY, List.of("YES")), null, null), TerritorialScope.NATIONAL, Audience.EXACT);

        assertThat(exact.suppressed()).isZero();
        assertThat(exact.rows()).anyMatch(row -> row.participants().perturbed() >= 1 && row.participants().perturbed() <= 4);
    }

    @Test
    void protectionMovesNoPublishedCountByMoreThanThreeNorALargeTotalByHalfAPercent() throws Exception {
        List<UtilityTable.Line> lines = UtilityTable.measure(disclosure);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "disclosure-utility.md"), UtilityTable.markdown(lines));

        assertThat(lines).allSatisfy(line -> assertThat(line.maxDeviation()).as(line.toString()).isLessThanOrEqualTo(3));
        assertThat(lines).allSatisfy(line -> assertThat(line.totals().maxLargeDeviationPercent()).isLessThanOrEqualTo(0.5));
        assertThat(lines).filteredOn(line -> line.level().equals("programme")).first()
                .satisfies(line -> assertThat(line.totals().large()).as("the programme's totals are large").isPositive());
        assertThat(lines).filteredOn(line -> line.breakdown().equals("disability × gender × age band")
                && line.level().equals("commune")).singleElement()
                .satisfies(line -> assertThat(line.suppressed()).as("the finest cells of a commune meet suppression").isPositive());
    }

    /** A question a non-administrator may ask: single-valued filters, an allowed period, two dimensions to cross. */
    private record Question(ParticipationDimension first, ParticipationDimension second,
                            Map<ParticipationDimension, List<Object>> filters, LocalDate from, LocalDate to) {

        static Question random(SplittableRandom random, String user) {
            List<ParticipationDimension> dimensions = new ArrayList<>(GROUPABLE);
            if (!user.equals("national")) {
                dimensions.remove(PROVINCE);
            }
            ParticipationDimension first = dimensions.remove(random.nextInt(dimensions.size()));
            ParticipationDimension second = dimensions.remove(random.nextInt(dimensions.size()));
            Map<ParticipationDimension, List<Object>> filters = new LinkedHashMap<>();
            int count = random.nextInt(3);
            for (int i = 0; i < count; i++) {
                ParticipationDimension dimension = dimensions.remove(random.nextInt(dimensions.size()));
                Object value = value(random, dimension, user);
                if (value != null) {
                    filters.put(dimension, List.of(value));
                }
            }
            LocalDate from = null;
            LocalDate to = null;
            if (!filters.containsKey(YEAR) && !filters.containsKey(SEMESTER)) {
                int year = 2023 + random.nextInt(3);
                int month = 1 + random.nextInt(12);
                switch (random.nextInt(4)) {
                    case 0 -> to = LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
                    case 1 -> {
                        from = LocalDate.of(year, month, 1);
                        to = from.plusMonths(1).minusDays(1);
                    }
                    default -> { }
                }
            }
            return new Question(first, second, filters, from, to);
        }

        private static Object value(SplittableRandom random, ParticipationDimension dimension, String user) {
            return switch (dimension) {
                case COMMUNE -> user.equals("focal point") ? "05.091.01.07"
                        : user.equals("governor") ? pick(random, communes.stream().filter(c -> c.startsWith("05.091.")).toList())
                        : pick(random, communes);
                case PROVINCE -> "05.091";
                case COHORT -> pick(random, List.of("pilot", "extension"));
                case MECHANISM -> pick(random, Arrays.stream(Mechanism.values()).map(Enum::name).toList());
                case YEAR -> 2023 + random.nextInt(3);
                case SEMESTER -> (2023 + random.nextInt(3)) + (random.nextBoolean() ? "S1" : "S2");
                case GENDER -> pick(random, List.of("F", "M", "U"));
                case AGE_BAND -> pick(random, Arrays.stream(AgeBand.values()).map(AgeBand::code).toList());
                case DISABILITY -> pick(random, List.of("YES", "NO", "UNKNOWN"));
                case ROLE -> pick(random, Arrays.stream(Role.values()).map(Enum::name).toList());
                case REGION -> null;
            };
        }

        private static Object pick(SplittableRandom random, List<?> values) {
            return values.get(random.nextInt(values.size()));
        }

        ParticipationQuery grouped(List<ParticipationDimension> groupBy) {
            return new ParticipationQuery(groupBy, filters, from, to);
        }
    }

    /** The crossing of a question's two dimensions, its two margins and its total, as published and as exact. */
    private record Breakdown(Question question, TerritorialScope scope) {

        int smallCounts() {
            return (int) exact(List.of(question.first(), question.second())).rows().stream()
                    .filter(row -> row.participants().perturbed() >= 1 && row.participants().perturbed() <= 4).count();
        }

        List<String> attack() {
            List<ParticipationDimension> both = List.of(question.first(), question.second());
            List<PublishedParticipation.Row> exactCells = exact(both).rows();
            Map<List<Object>, Integer> index = new HashMap<>();
            for (PublishedParticipation.Row row : exactCells) {
                index.put(List.of(String.valueOf(row.value(question.first())), String.valueOf(row.value(question.second()))),
                        index.size());
            }
            IntervalAttack attack = new IntervalAttack(index.size());
            for (PublishedParticipation.Row row : published(both).rows()) {
                attack.read(new int[] {index.get(List.of(String.valueOf(row.value(question.first())),
                        String.valueOf(row.value(question.second()))))}, IntervalAttack.range(row.participants()));
            }
            margin(attack, index, question.first(), 0);
            margin(attack, index, question.second(), 1);
            attack.read(index.values().stream().mapToInt(Integer::intValue).toArray(),
                    IntervalAttack.range(published(List.of()).total()));
            long[][] solved = attack.solve();
            List<String> disclosed = new ArrayList<>();
            for (PublishedParticipation.Row row : exactCells) {
                long exact = row.participants().perturbed();
                int cell = index.get(List.of(String.valueOf(row.value(question.first())),
                        String.valueOf(row.value(question.second()))));
                if (exact >= 1 && exact <= 4 && solved[cell][0] == exact && solved[cell][1] == exact) {
                    disclosed.add(question + " " + row.dimensions() + " = " + exact);
                }
            }
            return disclosed;
        }

        private void margin(IntervalAttack attack, Map<List<Object>, Integer> index, ParticipationDimension dimension,
                int position) {
            for (PublishedParticipation.Row row : published(List.of(dimension)).rows()) {
                String value = String.valueOf(row.value(dimension));
                int[] members = index.entrySet().stream().filter(e -> e.getKey().get(position).equals(value))
                        .mapToInt(Map.Entry::getValue).toArray();
                attack.read(members, IntervalAttack.range(row.participants()));
            }
        }

        private PublishedParticipation published(List<ParticipationDimension> groupBy) {
            return disclosure.participation(question.grouped(groupBy), scope, Audience.PROTECTED);
        }

        private PublishedParticipation exact(List<ParticipationDimension> groupBy) {
            return disclosure.participation(question.grouped(groupBy), scope, Audience.EXACT);
        }
    }
}
