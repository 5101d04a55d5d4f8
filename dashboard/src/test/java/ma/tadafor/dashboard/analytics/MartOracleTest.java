package ma.tadafor.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.analytics.RefreshMarts;
import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStatus;
import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.activity.AgeBand;
import ma.tadafor.data.activity.Gender;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.activity.ParticipationCell;
import ma.tadafor.data.activity.Role;
import ma.tadafor.data.activity.Withdrawal;
import ma.tadafor.data.mart.MartStore;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationFigures;
import ma.tadafor.data.mart.ParticipationQueries;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.mart.WarehouseSnapshot;
import ma.tadafor.data.territory.TerritorialScope;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;

/**
 * Every mart Spark computes, as the warehouse serves it once loaded (the participation cube through
 * its view), equals row for row the one DuckDB SQL computes over the same snapshot ({@link MartOracle}), on generated data with unknowns, tombstoned items, an undated
 * activity, a commune outside the programme and programme communes without any data.
 */
class MartOracleTest {

    /**
     * Cell keys of disclosure control: sums of a keyed hash Spark gives each participation cell
     * (ma.tadafor.analytics.disclosure.RecordKeys), which the oracle does not reproduce; how they add
     * up is checked on their own below.
     */
    static final Predicate<String> CELL_KEYS = column -> column.endsWith("_key");

    /** What the warehouse serves: the participation cube through its view, which reads three of the marts. */
    static final List<String> MARTS = List.of("participation", "participation_rate", "indicator", "convergence",
            "convergence_link", "data_quality", "outlier");

    @TempDir
    static Path folder;

    static HikariDataSource warehouse;
    static Connection oracle;

    @BeforeAll
    static void refreshBothWays() throws SQLException {
        warehouse = DemoWarehouse.open(folder.resolve("warehouse.duckdb"));
        List<DemoCommune> communes = ProgrammeCommunes.all();
        // Two communes out of three report: the others are programme communes without data.
        List<DemoCommune> reporting = new ArrayList<>();
        for (int i = 0; i < communes.size(); i++) {
            if (i % 3 != 0) {
                reporting.add(communes.get(i));
            }
        }
        DemoWarehouse.fill(warehouse, new DemoDataGenerator(7, 0.06), reporting);
        withdrawSome(reporting.get(0));
        addOddities();
        enterValuesByHand(reporting.get(1));

        Path snapshot = folder.resolve("snapshot");
        WarehouseSnapshot.Summary exported = new WarehouseSnapshot(warehouse).export(snapshot, true);
        SparkSession spark = new SparkSessionProvider(new AnalyticsProperties("local[2]", "127.0.0.1", folder, 2,
                List.of(), Map.of(), new AnalyticsProperties.Status(0.9, 0.6), new AnalyticsProperties.WarmUp(0))).session();
        RefreshMarts.run(spark, snapshot.toString(), folder.resolve("marts").toString(),
                new AnalyticsProperties.Status(0.9, 0.6).thresholds());
        new MartStore(warehouse).load(folder.resolve("marts"), snapshot, exported.scope());
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM mart_participation) TO '" + folder.resolve("participation.parquet")
                    + "' (FORMAT parquet)");
        }
        oracle = DriverManager.getConnection("jdbc:duckdb:");
        MartOracle.compute(oracle, snapshot, 0.9, 0.6);
    }

    @AfterAll
    static void close() throws SQLException {
        oracle.close();
        warehouse.close();
    }

    /** Two empty tables agree and prove nothing: both sides must hold rows. */
    @ParameterizedTest
    @FieldSource("MARTS")
    void sparkAndTheOracleAgreeRowForRow(String mart) throws SQLException {
        assertThat(count("SELECT count(*) FROM " + spark(mart))).as("rows of Spark's %s", mart).isPositive();
        assertThat(count("SELECT count(*) FROM oracle_" + mart)).as("rows of the oracle's %s", mart).isPositive();
        assertThat(MartComparison.differences(oracle, spark(mart), "oracle_" + mart, CELL_KEYS))
                .as("rows in only Spark's (first) or the oracle's (second) %s", mart).isEmpty();
    }

    /**
     * Every count's cell key is the sum of its records' keys modulo 256 (docs/PRIVACY.md): within a base,
     * every grouping set's rows hold the same records, and the programme's rate of a semester holds the
     * cube's records of that semester.
     */
    @Test
    void cellKeysAddUpLikeTheCountsTheyKey() throws SQLException {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(single(statement, "SELECT count(*) FROM mart_participation WHERE participants_key <> 0")).isPositive();
            assertThat(single(statement, """
                    SELECT count(*) FROM (SELECT commune_code, mechanism, month, cell_set, sum(participants_key) % 256 AS k
                                          FROM mart_participation GROUP BY ALL) s
                    JOIN (SELECT commune_code, mechanism, month, participants_key AS k FROM mart_participation WHERE cell_set = 0) t
                      USING (commune_code, mechanism, month)
                    WHERE s.k <> t.k""")).isZero();
            assertThat(single(statement, """
                    SELECT count(*) FROM mart_participation_rate r
                    JOIN (SELECT semester, sum(participants_key) % 256 AS k FROM mart_participation
                          WHERE cell_set = 0 AND semester IS NOT NULL GROUP BY semester) c USING (semester)
                    WHERE r.scope = 'programme' AND r.participants_key <> c.k""")).isZero();
            assertThat(single(statement, "SELECT count(*) FROM mart_indicator WHERE numerator_key IS NOT NULL")).isPositive();
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * The cell keys the oracle leaves out add up as counts do (docs/PRIVACY.md): the programme's key of
     * a count of participants is the sum of its communes' keys, modulo 256; an indicator that counts no
     * person has none.
     */
    @Test
    void cellKeysOfIndicatorsAddUpFromCommunesToTheProgramme() throws SQLException {
        String indicators = spark("indicator");
        String ofPeople = "(SELECT code FROM s_indicator WHERE computation IN ('SUM_PARTICIPANTS', 'SHARE_OF_PARTICIPANTS'))";
        assertThat(count("SELECT count(*) FROM " + indicators + " WHERE indicator_code NOT IN " + ofPeople
                + " AND (numerator_key IS NOT NULL OR denominator_key IS NOT NULL)")).as("keys of counts of no person").isZero();
        assertThat(count("SELECT count(*) FROM " + indicators + " WHERE indicator_code IN " + ofPeople
                + " AND (numerator_key IS NULL OR numerator_key NOT BETWEEN 0 AND 255)")).as("counts of people without a key").isZero();
        assertThat(count("""
                SELECT count(*) FROM %1$s p
                JOIN (SELECT indicator_code, semester, sum(numerator_key) %% 256 AS summed FROM %1$s
                      WHERE scope LIKE 'commune:%%' GROUP BY ALL) c USING (indicator_code, semester)
                WHERE p.scope = 'programme' AND p.indicator_code IN %2$s AND p.numerator_key <> c.summed""".formatted(
                indicators, ofPeople))).as("programme keys that are not their communes' sum").isZero();
        assertThat(count("SELECT count(*) FROM " + indicators + " WHERE scope = 'programme' AND numerator_key > 0"))
                .as("keys checked").isPositive();
    }

    @Test
    void theDataHoldsWhatTheOracleMustCover() throws SQLException {
        assertThat(count("SELECT count(*) FROM s_participation_cell WHERE gender = 'U'")).isPositive();
        assertThat(count("SELECT count(*) FROM s_participation_cell WHERE disability IS NULL")).isPositive();
        assertThat(count("SELECT count(*) FROM s_activity WHERE start_date IS NULL")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM s_activity WHERE commune_code NOT IN (SELECT commune_code FROM s_programme_commune)"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM " + spark("data_quality") + " WHERE cohort IS NOT NULL AND activities = 0"))
                .as("programme communes without data").isPositive();
        assertThat(count("SELECT count(*) FROM " + spark("convergence_link") + " WHERE inferred")).isPositive();
        assertThat(count("SELECT count(*) FROM " + spark("convergence_link") + " WHERE NOT inferred")).isPositive();
        assertThat(count("SELECT count(DISTINCT status) FROM " + spark("indicator"))).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT count(*) FROM " + spark("indicator") + " i JOIN s_indicator d ON d.code = i.indicator_code"
                + " WHERE d.computation = 'MANUAL' AND i.actual IS NOT NULL")).as("hand-entered actuals").isEqualTo(3);
    }

    @Test
    void tombstonedItemsAreGoneFromTheSnapshot() throws SQLException {
        assertThat(count("SELECT count(*) FROM s_activity a JOIN read_parquet('"
                + folder.resolve("withdrawn.parquet") + "') w USING (source_id, item_id)")).isZero();
    }

    @Test
    void theWarehouseLoadedEveryMartSparkWrote() throws SQLException {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement()) {
            for (String mart : MartStore.MARTS) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM mart_" + mart)) {
                    rows.next();
                    assertThat(rows.getLong(1)).as(mart)
                            .isEqualTo(count("SELECT count(*) FROM " + MartComparison.parquet(folder.resolve("marts"), mart)));
                }
            }
        }
    }

    /**
     * A date range that cuts a month is counted from the facts ({@link ParticipationQueries}): a semester's rows
     * from the mart equal, row for row, the sums of its two parts cut mid-month, counted from the facts.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "gender", "commune,ageBand", "province,disability,role", "cohort,mechanism,year,semester"})
    void aRangeCutInsideAMonthIsCountedFromTheFactsAsTheMartCountsIt(String groupBy) {
        ParticipationQueries queries = new ParticipationQueries(warehouse);
        List<ParticipationDimension> dimensions = Arrays.stream(groupBy.split(",")).filter(name -> !name.isEmpty())
                .map(name -> ParticipationDimension.fromApiName(name).orElseThrow()).toList();
        ParticipationFigures semester = queries.participation(new ParticipationQuery(dimensions, Map.of(),
                LocalDate.parse("2024-01-01"), LocalDate.parse("2024-06-30")), TerritorialScope.NATIONAL);
        ParticipationFigures before = queries.participation(new ParticipationQuery(dimensions, Map.of(),
                LocalDate.parse("2024-01-01"), LocalDate.parse("2024-03-14")), TerritorialScope.NATIONAL);
        ParticipationFigures after = queries.participation(new ParticipationQuery(dimensions, Map.of(),
                LocalDate.parse("2024-03-15"), LocalDate.parse("2024-06-30")), TerritorialScope.NATIONAL);

        assertThat(before.totalParticipants().value()).isPositive();
        assertThat(after.totalParticipants().value()).isPositive();
        assertThat(before.totalParticipants().value() + after.totalParticipants().value())
                .isEqualTo(semester.totalParticipants().value());
        assertThat(before.totalActivities() + after.totalActivities()).isEqualTo(semester.totalActivities());
        Map<Map<ParticipationDimension, Object>, List<Long>> summed = new HashMap<>();
        for (ParticipationFigures part : List.of(before, after)) {
            for (ParticipationFigures.Row row : part.rows()) {
                summed.merge(row.dimensions(), List.of(row.participants().value(), row.activities()),
                        (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
            }
        }
        Map<Map<ParticipationDimension, Object>, List<Long>> fromMart = new HashMap<>();
        semester.rows().forEach(row -> fromMart.put(row.dimensions(), List.of(row.participants().value(), row.activities())));
        assertThat(summed).isEqualTo(fromMart);
    }

    /** Withdraws every tenth item of a commune, remembering which for the test above. */
    private static void withdrawSome(DemoCommune commune) throws SQLException {
        List<Withdrawal> withdrawals = new ArrayList<>();
        List<Activity> all = new DemoDataGenerator(7, 0.06).activities(commune).toList();
        for (int i = 0; i < all.size(); i += 10) {
            withdrawals.add(new Withdrawal(all.get(i).id(), DemoDataGenerator.CUTOFF.plusSeconds(86_400)));
        }
        new ActivityStore(warehouse).apply(DemoWarehouse.source(commune), commune.code(), List.of(), withdrawals);
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT source_id, item_id FROM activity_withdrawal) TO '"
                    + folder.resolve("withdrawn.parquet") + "' (FORMAT parquet)");
        }
        assertThat(withdrawals).isNotEmpty();
    }

    /** An undated activity with unknowns only, one in a commune outside the programme, and sources. */
    private static void addOddities() throws SQLException {
        ActivityStore store = new ActivityStore(warehouse);
        Instant at = Instant.parse("2024-05-02T10:00:00Z");
        store.apply("upload-05.091.01.07", "05.091.01.07", List.of(new Activity("undated-1", at, Mechanism.SUGGESTION,
                ActivityStatus.SUBMITTED, null, null, null, null, null,
                List.of(new ParticipationCell(Gender.U, AgeBand.UNKNOWN, null, Role.CITIZEN, 3)), null, List.of(), null)),
                List.of());
        store.apply("portal-01.051.01.01", "01.051.01.01", List.of(new Activity("meeting-2024-001", at,
                Mechanism.CITIZEN_MEETING, ActivityStatus.HELD, LocalDate.parse("2024-04-30"), null, null, null, null,
                List.of(new ParticipationCell(Gender.F, AgeBand.AGE_25_34, false, Role.CITIZEN, 7)), null, List.of(), null)),
                List.of());
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO source SELECT 'portal-' || commune_code, 'PORTAL_FEED', commune_code, 'https://example.org',
                        NULL, '0 0 * * * *', true, TIMESTAMPTZ '2024-01-01 00:00:00+00'
                    FROM programme_commune ORDER BY commune_code LIMIT 5""");
            statement.execute("""
                    INSERT INTO watermark SELECT id, TIMESTAMPTZ '2025-07-14 00:00:00+00',
                        TIMESTAMPTZ '2025-07-14 06:30:00+00' - INTERVAL (row_number() OVER (ORDER BY id)) DAY
                    FROM source ORDER BY id LIMIT 4""");
        }
    }

    /**
     * Values entered by hand for the three manual indicators, at three levels of scope, and one for
     * a semester nobody reports on, which no mart shows.
     */
    private static void enterValuesByHand(DemoCommune commune) throws SQLException {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO indicator_value VALUES
                        ('R1.1', 'programme', '2024S1', 12, 'enabel', TIMESTAMPTZ '2024-07-01 00:00:00+00'),
                        ('R4.1', 'commune:%s', '2024S2', 3, 'enabel', TIMESTAMPTZ '2025-01-10 00:00:00+00'),
                        ('R4.2', 'province:%s', '2024S1', 2.5, 'enabel', TIMESTAMPTZ '2024-07-01 00:00:00+00'),
                        ('R4.2', 'programme', '2031S1', 9, 'enabel', TIMESTAMPTZ '2024-07-01 00:00:00+00')""".formatted(
                    commune.code(), commune.code().substring(0, 6)));
        }
    }

    /** A mart Spark computed, as the warehouse serves it. */
    private static String spark(String mart) {
        return mart.equals("participation") ? "read_parquet('" + folder.resolve("participation.parquet") + "')"
                : MartComparison.parquet(folder.resolve("marts"), mart);
    }

    private static long count(String sql) throws SQLException {
        return MartComparison.count(oracle, sql);
    }
}
