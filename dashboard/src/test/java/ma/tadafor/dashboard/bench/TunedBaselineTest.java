package ma.tadafor.dashboard.bench;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.analytics.RefreshMarts;
import ma.tadafor.analytics.indicators.StatusThresholds;
import ma.tadafor.dashboard.analytics.AnalyticsProperties;
import ma.tadafor.dashboard.analytics.DemoWarehouse;
import ma.tadafor.dashboard.analytics.MartComparison;
import ma.tadafor.dashboard.analytics.SparkSessionProvider;
import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStatus;
import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.activity.AgeBand;
import ma.tadafor.data.activity.Gender;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.activity.ParticipationCell;
import ma.tadafor.data.activity.Role;
import ma.tadafor.data.activity.Theme;
import ma.tadafor.data.mart.WarehouseSnapshot;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;

/**
 * The tuned DuckDB baseline ({@link TunedBaseline}) computes Spark's figures: on a small demo warehouse, with
 * what every mart has a rule for (an undated activity with unknowns, a commune outside the programme, an item
 * far above its commune's history and one far above its province's, an inferred INDH link, values entered by
 * hand, sources with and without a success), {@code RefreshMarts.run} and {@link TunedBaseline#run} read the
 * same snapshot and every mart the baseline writes holds Spark's rows: counts and amounts exactly, doubles to 9
 * significant digits; Spark's columns it lacks are the cell keys it leaves out, nothing else.
 */
class TunedBaselineTest {

    static final List<String> MARTS = TunedBaseline.MARTS;
    private static final Instant AT = Instant.parse("2024-05-02T10:00:00Z");

    @TempDir
    static Path folder;

    static Connection duckdb;

    @BeforeAll
    static void bothWays() throws Exception {
        Path snapshot = folder.resolve("snapshot");
        try (HikariDataSource warehouse = DemoWarehouse.open(folder.resolve("warehouse.duckdb"))) {
            List<DemoCommune> communes = ProgrammeCommunes.all().subList(0, 6);
            DemoWarehouse.fill(warehouse, new DemoDataGenerator(11, 0.02), communes);
            addWhatTheDemoLacks(warehouse, communes);
            new WarehouseSnapshot(warehouse).export(snapshot, true);
        }
        SparkSessionProvider spark = new SparkSessionProvider(new AnalyticsProperties("local[2]", "127.0.0.1",
                folder.resolve("exchange"), 2, List.of(), Map.of(), new AnalyticsProperties.Status(0.9, 0.6),
                new AnalyticsProperties.WarmUp(0)));
        long start = System.nanoTime();
        Map<String, Long> sparkMs = RefreshMarts.run(spark.session(), snapshot.toString(), folder.resolve("marts").toString(),
                StatusThresholds.DEFAULT);
        long sparkTotal = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        Map<String, Long> baselineMs = TunedBaseline.run(snapshot, folder.resolve("baseline"));
        long baselineTotal = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[baseline] same snapshot: Spark's RefreshMarts.run %,d ms %s; TunedBaseline.run %,d ms %s%n",
                sparkTotal, sparkMs, baselineTotal, baselineMs);
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement sql = duckdb.createStatement()) {
            sql.execute("ATTACH '" + TunedBaseline.database(folder.resolve("baseline")) + "' AS baseline (READ_ONLY)");
            sql.execute("CREATE VIEW s_activity AS SELECT * FROM read_parquet('" + snapshot.resolve("activity.parquet") + "')");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        duckdb.close();
    }

    /** Two empty tables agree and prove nothing: both sides must hold rows. */
    @ParameterizedTest
    @FieldSource("MARTS")
    void theBaselineComputesSparksFigures(String mart) throws SQLException {
        Map<String, String> baseline = columns("baseline.main." + mart);
        Map<String, String> spark = columns(spark(mart));
        assertThat(count("SELECT count(*) FROM baseline.main." + mart)).as("rows of the baseline's %s", mart).isPositive();
        assertThat(count("SELECT count(*) FROM " + spark(mart))).as("rows of Spark's %s", mart).isPositive();
        assertThat(spark.keySet()).as("the baseline's columns of %s", mart).containsAll(baseline.keySet());
        assertThat(spark.keySet().stream().filter(column -> !baseline.containsKey(column)))
                .as("Spark's columns of %s the baseline leaves out: cell keys only", mart).allMatch(column -> column.endsWith("_key"));
        assertThat(differences("baseline.main." + mart, spark(mart), baseline))
                .as("rows in only the baseline's (first) or only Spark's (second) %s", mart).isEmpty();
    }

    @Test
    void theDataHoldsWhatTheMartsHaveRulesFor() throws SQLException {
        assertThat(count("SELECT count(*) FROM s_activity WHERE start_date IS NULL")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM baseline.data_quality WHERE cohort IS NULL")).as("outside the programme").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM baseline.data_quality WHERE cohort IS NOT NULL AND activities = 0"))
                .as("programme communes without data").isPositive();
        assertThat(count("SELECT count(DISTINCT basis) FROM baseline.outlier")).as("item outliers of both histories, "
                + "commune semesters").isEqualTo(3);
        assertThat(count("SELECT count(DISTINCT inferred) FROM baseline.convergence_link")).as("explicit and inferred links")
                .isEqualTo(2);
        assertThat(count("SELECT count(DISTINCT status) FROM baseline.indicator")).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT count(*) FROM baseline.indicator WHERE indicator_code IN ('R1.1', 'R4.1', 'R4.2') "
                + "AND actual IS NOT NULL")).as("hand-entered actuals").isEqualTo(3);
        assertThat(count("SELECT count(*) FROM baseline.data_quality WHERE hours_since_success IS NOT NULL")).isPositive();
        assertThat(count("SELECT count(*) FROM baseline.participation_cube WHERE activities > 1 AND cell_set = 15"))
                .as("a base's activities counted once per cell").isPositive();
    }

    /**
     * Beside the demo's activities: an undated one with unknowns only, one in a commune outside the programme
     * (of the first commune's province), nine suggestions of the first commune (one of them 40 times the others:
     * judged on its commune's history), one suggestion far above its province's history in another commune of that
     * province, an activity naming no INDH project but matching one of its commune (inferred link), hand-entered
     * values of the three manual indicators, sources with and without a last success.
     */
    private static void addWhatTheDemoLacks(HikariDataSource warehouse, List<DemoCommune> communes) throws SQLException {
        DemoCommune first = communes.get(0);
        DemoCommune neighbour = communes.stream().skip(1).filter(c -> c.provinceCode().equals(first.provinceCode()))
                .findFirst().orElseThrow();
        ActivityStore store = new ActivityStore(warehouse);
        String upload = "upload-" + first.code();
        List<Activity> activities = new ArrayList<>();
        activities.add(activity("undated-1", Mechanism.SUGGESTION, null, null, null,
                new ParticipationCell(Gender.U, AgeBand.UNKNOWN, null, Role.CITIZEN, 3)));
        int[] counts = {10, 12, 11, 14, 10, 13, 12, 11, 440};
        for (int i = 0; i < counts.length; i++) {
            activities.add(activity("suggestion-" + i, Mechanism.SUGGESTION, LocalDate.parse("2024-02-01").plusDays(i), null,
                    null, new ParticipationCell(Gender.F, AgeBand.AGE_25_34, false, Role.CITIZEN, counts[i] / 2),
                    new ParticipationCell(Gender.M, AgeBand.AGE_35_59, i % 2 == 0 ? null : true, Role.CITIZEN,
                            counts[i] - counts[i] / 2)));
        }
        Map<String, Object> project = project(warehouse, first.code());
        LocalDate projectStart = (LocalDate) project.get("start_date");
        activities.add(activity("inferred-1", Mechanism.CITIZEN_MEETING, projectStart != null ? projectStart
                        : LocalDate.parse("2024-03-01"), Theme.valueOf((String) project.get("theme")), null,
                new ParticipationCell(Gender.F, AgeBand.AGE_18_24, true, Role.ASSOCIATION_MEMBER, 6)));
        store.apply(upload, first.code(), activities, List.of());
        store.apply("upload-" + neighbour.code(), neighbour.code(), List.of(activity("suggestion-far", Mechanism.SUGGESTION,
                LocalDate.parse("2024-03-10"), null, null,
                new ParticipationCell(Gender.F, AgeBand.AGE_60_PLUS, false, Role.OTHER, 900))), List.of());
        String outside = outsideTheProgramme(warehouse, first.provinceCode());
        store.apply("portal-" + outside, outside, List.of(activity("meeting-2024-001", Mechanism.CITIZEN_MEETING,
                LocalDate.parse("2024-04-30"), null, null,
                new ParticipationCell(Gender.F, AgeBand.AGE_25_34, false, Role.CITIZEN, 7))), List.of());
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO indicator_value VALUES
                        ('R1.1', 'programme', '2024S1', 12, 'enabel', TIMESTAMPTZ '2024-07-01 00:00:00+00'),
                        ('R4.1', 'commune:%s', '2024S2', 3, 'enabel', TIMESTAMPTZ '2025-01-10 00:00:00+00'),
                        ('R4.2', 'province:%s', '2024S1', 2.5, 'enabel', TIMESTAMPTZ '2024-07-01 00:00:00+00'),
                        ('R4.2', 'programme', '2031S1', 9, 'enabel', TIMESTAMPTZ '2024-07-01 00:00:00+00')"""
                    .formatted(first.code(), first.provinceCode()));
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

    private static Activity activity(String id, Mechanism mechanism, LocalDate start, Theme theme, String indhProjectRef,
            ParticipationCell... cells) {
        return new Activity(id, AT, mechanism, start == null ? ActivityStatus.SUBMITTED : ActivityStatus.HELD, start, null,
                null, theme, null, List.of(cells), null, List.of(), indhProjectRef);
    }

    /** An INDH project of the commune with a theme, which an activity of that theme and period is linked to by inference. */
    private static Map<String, Object> project(HikariDataSource warehouse, String commune) throws SQLException {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT theme, start_date FROM indh_project WHERE commune_code = '"
                     + commune + "' AND theme IS NOT NULL AND (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)"
                     + " ORDER BY ref LIMIT 1")) {
            assertThat(row.next()).as("an INDH project of %s", commune).isTrue();
            Map<String, Object> project = new LinkedHashMap<>();
            project.put("theme", row.getString(1));
            project.put("start_date", row.getObject(2, LocalDate.class));
            return project;
        }
    }

    private static String outsideTheProgramme(HikariDataSource warehouse, String province) throws SQLException {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT code FROM commune WHERE province_code = '" + province
                     + "' AND code NOT IN (SELECT commune_code FROM programme_commune) ORDER BY code LIMIT 1")) {
            assertThat(row.next()).as("a commune of %s outside the programme", province).isTrue();
            return row.getString(1);
        }
    }

    private static String spark(String mart) {
        return MartComparison.parquet(folder.resolve("marts"), mart);
    }

    private static Map<String, String> columns(String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + table)) {
            while (rows.next()) {
                columns.put(rows.getString("column_name"), rows.getString("column_type"));
            }
        }
        return columns;
    }

    /**
     * Rows in only one of the two (at most 20, each prefixed by its side), over {@code columns}: integers as
     * {@code BIGINT}, amounts as exact decimals, doubles rounded to 9 significant digits.
     */
    private static List<String> differences(String table, String other, Map<String, String> columns) throws SQLException {
        List<String> select = new ArrayList<>();
        columns.forEach((name, type) -> {
            String normalised = switch (type) {
                case "DOUBLE", "FLOAT" -> "CASE WHEN %1$s IS NULL OR %1$s = 0 OR isinf(%1$s) THEN %1$s::DOUBLE "
                        + "ELSE round(%1$s::DOUBLE, 8 - floor(log10(abs(%1$s)))::INTEGER) END AS %1$s";
                case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT" -> "CAST(%1$s AS BIGINT) AS %1$s";
                default -> type.startsWith("DECIMAL") ? "CAST(%1$s AS DECIMAL(38, 2)) AS %1$s" : "%1$s";
            };
            select.add(normalised.formatted(name));
        });
        return MartComparison.rowsInOnlyOne(duckdb, select, table, other);
    }

    private static long count(String query) throws SQLException {
        return MartComparison.count(duckdb, query);
    }
}
