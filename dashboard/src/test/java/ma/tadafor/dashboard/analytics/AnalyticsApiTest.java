package ma.tadafor.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStatus;
import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.activity.AgeBand;
import ma.tadafor.data.activity.Gender;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.activity.ParticipationCell;
import ma.tadafor.data.activity.Role;
import ma.tadafor.data.activity.Withdrawal;
import ma.tadafor.data.reference.ReferenceDataLoader;
import ma.tadafor.data.user.UserAccount;
import ma.tadafor.data.user.UserRole;
import ma.tadafor.data.user.UserStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application on a real port: a hand-made dataset whose figures were worked out by hand
 * (see each test), a refresh through {@code POST /api/v1/analytics/runs}, and the participation
 * and indicators endpoints read from the new marts, scoped and with small cells suppressed.
 *
 * <p>The dataset: in Kasba Tadla (05.091.01.07) petition A1 (2024-03-01, admissible: F 18-24 12,
 * M 35-59 with a disability 1, unknown 3), citizen meeting A2 (2024-04-10: F 25-34 20, M 25-34 10,
 * F 60+ with a disability 2), petition A3 (2024-08-15, inadmissible: M 18-24 6), petition A4
 * (100 women) withdrawn by its portal; in Azilal (05.081.01.01) citizen meeting A5 with the same
 * item id as A2 from another portal (2024-02-01: F 35-59 8, M 35-59 elected officials 4).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("analytics-test")
// Closed after the class, which deletes its warehouse: no other test shares this context.
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsApiTest {

    private static final String PASSWORD = "analytics-test";

    // Not @TempDir: with one test instance per class, the context starts before JUnit would inject it.
    static final Path folder = temporaryFolder();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tadafor.warehouse.path", () -> folder.resolve("warehouse.duckdb").toString());
        registry.add("tadafor.analytics.master", () -> "local[2]");
        registry.add("tadafor.analytics.shuffle-partitions", () -> "2");
        registry.add("tadafor.analytics.exchange", () -> folder.resolve("exchange").toString());
        // Configurable thresholds: 1 petition against a target of 35 is at risk from 2 % on.
        registry.add("tadafor.analytics.status.at-risk", () -> "0.02");
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    HikariDataSource warehouse;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void handMadeDataAndARefresh(@Autowired ActivityStore activities, @Autowired UserStore users,
            @Autowired PasswordEncoder passwords) throws Exception {
        // The targets this test measures against are the demo's illustrative ones.
        new ReferenceDataLoader(warehouse).loadIllustrative();
        user(users, passwords, "admin", UserRole.ADMIN, Set.of(), Set.of());
        user(users, passwords, "dgct", UserRole.NATIONAL, Set.of(), Set.of());
        user(users, passwords, "gov-azilal", UserRole.GOVERNOR, Set.of("05.081"), Set.of());
        user(users, passwords, "focal-kasba-tadla", UserRole.COMMUNE, Set.of(), Set.of("05.091.01.07"));

        Instant at = Instant.parse("2024-09-01T10:00:00Z");
        activities.apply("portal-kasba-tadla", "05.091.01.07", List.of(
                activity("petition-2024-001", Mechanism.PETITION, ActivityStatus.ADMISSIBLE, "2024-03-01", at,
                        cell(Gender.F, AgeBand.AGE_18_24, false, Role.CITIZEN, 12),
                        cell(Gender.M, AgeBand.AGE_35_59, true, Role.CITIZEN, 1),
                        cell(Gender.U, AgeBand.UNKNOWN, null, Role.CITIZEN, 3)),
                activity("meeting-2024-001", Mechanism.CITIZEN_MEETING, ActivityStatus.HELD, "2024-04-10", at,
                        cell(Gender.F, AgeBand.AGE_25_34, false, Role.CITIZEN, 20),
                        cell(Gender.M, AgeBand.AGE_25_34, false, Role.CITIZEN, 10),
                        cell(Gender.F, AgeBand.AGE_60_PLUS, true, Role.CITIZEN, 2)),
                activity("petition-2024-002", Mechanism.PETITION, ActivityStatus.INADMISSIBLE, "2024-08-15", at,
                        cell(Gender.M, AgeBand.AGE_18_24, false, Role.CITIZEN, 6)),
                activity("petition-2024-003", Mechanism.PETITION, ActivityStatus.SUBMITTED, "2024-05-20", at,
                        cell(Gender.F, AgeBand.AGE_18_24, false, Role.CITIZEN, 100))), List.of());
        activities.apply("portal-kasba-tadla", "05.091.01.07", List.of(),
                List.of(new Withdrawal("petition-2024-003", at.plusSeconds(60))));
        activities.apply("portal-azilal", "05.081.01.01", List.of(
                activity("meeting-2024-001", Mechanism.CITIZEN_MEETING, ActivityStatus.HELD, "2024-02-01", at,
                        cell(Gender.F, AgeBand.AGE_35_59, false, Role.CITIZEN, 8),
                        cell(Gender.M, AgeBand.AGE_35_59, false, Role.ELECTED_OFFICIAL, 4))), List.of());

        assertThat(refresh()).containsEntry("status", "COMPLETED").containsEntry("cells", 9); // 3 + 3 + 1 + 2: A4 withdrawn
    }

    /** Starts a refresh through the API and returns the run once it ended. */
    private Map<String, Object> refresh() throws Exception {
        return refresh(HttpRequest.newBuilder(uri("/api/v1/analytics/runs")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private Map<String, Object> refresh(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> started = send(request, "admin");
        assertThat(started.statusCode()).isEqualTo(202);
        String runId = (String) map(started).get("runId");
        Map<String, Object> run = map(get("/api/v1/analytics/runs/" + runId, "admin"));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        while (!Set.of("COMPLETED", "FAILED").contains(run.get("status")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            run = map(get("/api/v1/analytics/runs/" + runId, "admin"));
        }
        return run;
    }

    /** An MD5 of each mart's rows, in order. */
    private Map<String, String> martFingerprints() throws SQLException {
        Map<String, String> fingerprints = new java.util.LinkedHashMap<>();
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement()) {
            for (String mart : ma.tadafor.data.mart.MartStore.MARTS) {
                try (ResultSet row = statement.executeQuery("SELECT count(*) || ' ' || coalesce(md5(string_agg(CAST(m AS VARCHAR), "
                        + "chr(10) ORDER BY CAST(m AS VARCHAR))), '') FROM mart_" + mart + " m")) {
                    row.next();
                    fingerprints.put(mart, row.getString(1));
                }
            }
        }
        return fingerprints;
    }

    @Test
    void theGrandTotalCountsEachActivityOnceAndNothingWithdrawn() throws Exception {
        // 16 + 32 + 6 + 12 participants in A1, A2, A3, A5; A4 was withdrawn. Exact: the administrator's.
        Map<String, Object> answer = map(get("/api/v1/participation?groupBy=", "admin"));

        assertThat(answer.get("rows")).isEqualTo(List.of());
        assertThat(answer.get("total")).isEqualTo(Map.of("participants", 66, "activities", 4));
        assertThat(answer).containsEntry("suppressed", 0);
    }

    @Test
    void activitiesAreDistinctWithinEachRowButNotAcrossThem() throws Exception {
        // F: 12 + 20 + 2 + 8 in A1, A2, A5; M: 1 + 10 + 6 + 4 in A1, A2, A3, A5; U: 3 in A1.
        Map<String, Object> answer = map(get("/api/v1/participation?groupBy=gender", "admin"));

        assertThat(answer.get("rows")).isEqualTo(List.of(
                Map.of("gender", "F", "participants", 42, "activities", 3),
                Map.of("gender", "M", "participants", 21, "activities", 4),
                Map.of("gender", "U", "participants", 3, "activities", 1)));
        assertThat(answer.get("total")).isEqualTo(Map.of("participants", 66, "activities", 4));
    }

    @Test
    void filtersAndDatesNarrowTheRows() throws Exception {
        Map<String, Object> petitions = map(get("/api/v1/participation?groupBy=semester,disability&mechanism=PETITION", "admin"));
        assertThat(petitions.get("rows")).asList().containsExactly(
                row("semester", "2024S1", "disability", false, 12, 1),
                row("semester", "2024S1", "disability", true, 1, 1),
                row("semester", "2024S1", "disability", null, 3, 1),
                row("semester", "2024S2", "disability", false, 6, 1));

        Map<String, Object> spring = map(get("/api/v1/participation?groupBy=mechanism&from=2024-03-01&to=2024-04-30", "admin"));
        assertThat(spring.get("total")).isEqualTo(Map.of("participants", 48, "activities", 2));
    }

    @Test
    void datesNeedNotFallOnMonthBoundaries() throws Exception {
        // From 2 March to 15 August: A2 (10 April) and A3 (15 August, the last day included), not A1 (1 March)
        // nor the withdrawn A4 (20 May).
        Map<String, Object> cut = map(get("/api/v1/participation?groupBy=mechanism&from=2024-03-02&to=2024-08-15", "admin"));
        assertThat(cut.get("rows")).isEqualTo(List.of(
                Map.of("mechanism", "CITIZEN_MEETING", "participants", 32, "activities", 1),
                Map.of("mechanism", "PETITION", "participants", 6, "activities", 1)));
        assertThat(cut.get("total")).isEqualTo(Map.of("participants", 38, "activities", 2));

        // Azilal from 15 January: A5 only (1 February), whatever Kasba Tadla holds.
        assertThat(map(get("/api/v1/participation?groupBy=commune&province=05.081&from=2024-01-15", "admin")).get("rows"))
                .isEqualTo(List.of(Map.of("commune", "05.081.01.01", "participants", 12, "activities", 1)));
        // Day windows are the administrator's: one day apart, two answers would differ by the day's exact count.
        HttpResponse<String> refused = get("/api/v1/participation?groupBy=commune&from=2024-01-15", "gov-azilal");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("from").contains("one calendar month");
    }

    @Test
    void longAnswersPageWithPageAndSize() throws Exception {
        Map<String, Object> whole = map(get("/api/v1/participation?groupBy=gender", "dgct"));
        Map<String, Object> first = map(get("/api/v1/participation?groupBy=gender&page=0&size=2", "dgct"));
        Map<String, Object> second = map(get("/api/v1/participation?groupBy=gender&page=1&size=2", "dgct"));

        assertThat(first.get("rows")).isEqualTo(((List<?>) whole.get("rows")).subList(0, 2));
        assertThat(second.get("rows")).isEqualTo(((List<?>) whole.get("rows")).subList(2, 3));
        assertThat(first).containsEntry("rowCount", 3).containsEntry("page", 0).containsEntry("size", 2)
                .containsEntry("total", whole.get("total"));
        assertThat(map(get("/api/v1/participation?groupBy=gender&page=5&size=2", "dgct")).get("rows")).isEqualTo(List.of());
        for (String query : List.of("page=-1", "size=0", "size=10001", "page=two")) {
            HttpResponse<String> response = get("/api/v1/participation?groupBy=gender&" + query, "dgct");
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).as(query).contains(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void aGovernorSeesHisProvinceOnlyAndIsRefusedAnother() throws Exception {
        Map<String, Object> azilal = map(get("/api/v1/participation?groupBy=commune", "gov-azilal"));
        assertThat(azilal.get("rows")).asList().singleElement().satisfies(row -> {
            assertThat(((Map<?, ?>) row).get("commune")).isEqualTo("05.081.01.01");
            assertThat(((Number) ((Map<?, ?>) row).get("participants")).intValue()).isBetween(9, 15);
        });
        assertThat(azilal.get("disclosure")).isEqualTo(Map.of("protected", true, "method", "cell-key-perturbation"));

        HttpResponse<String> refused = get("/api/v1/participation?province=05.091", "gov-azilal");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("province");
    }

    @Test
    void smallCountsAreProtectedWhateverTheQuestionButNotFromTheAdministrator() throws Exception {
        // Kasba Tadla by gender × age: 1 to 4 in (F, 60+) 2, (M, 35-59) 1, (U, UNKNOWN) 3.
        Map<String, Object> focal = map(get("/api/v1/participation?groupBy=gender,ageBand", "focal-kasba-tadla"));
        List<?> rows = (List<?>) focal.get("rows");
        assertThat(rows).hasSize(7).allSatisfy(r -> {
            Object participants = ((Map<?, ?>) r).get("participants");
            assertThat(participants == null ? ((Map<?, ?>) r).get("suppressed").equals(true)
                    : ((Number) participants).intValue() >= 5).as(r.toString()).isTrue();
        });
        assertThat(focal.get("suppressed")).isEqualTo((int) rows.stream().filter(r -> ((Map<?, ?>) r).get("participants") == null)
                .count());
        assertThat(rows).filteredOn(r -> ((Map<?, ?>) r).get("participants") == null)
                .allSatisfy(r -> assertThat(((Map<?, ?>) r).get("activities")).isNull());
        assertThat(((Number) ((Map<?, ?>) focal.get("total")).get("participants")).intValue()).isBetween(51, 57);
        // The same people given as a filter rather than a grouping (the route the old rule missed): protected too.
        Map<String, Object> filtered = map(get("/api/v1/participation?groupBy=mechanism&disability=true", "dgct"));
        assertThat(filtered.get("rows")).asList().allSatisfy(r -> {
            Object participants = ((Map<?, ?>) r).get("participants");
            assertThat(participants == null || ((Number) participants).intValue() >= 5).as(r.toString()).isTrue();
        });
        assertThat((List<?>) filtered.get("rows")).hasSize(2);
        // Nor can a list of communes or a day window be asked.
        assertThat(get("/api/v1/participation?commune=05.091.01.07,05.081.01.01", "dgct").statusCode()).isEqualTo(400);

        Map<String, Object> admin = map(get("/api/v1/participation?groupBy=gender,ageBand&commune=05.091.01.07", "admin"));
        assertThat(admin).containsEntry("suppressed", 0);
        assertThat(admin.get("disclosure")).isEqualTo(Map.of("protected", false, "method", "exact"));
        assertThat(admin.get("rows")).asList().contains(row("gender", "F", "ageBand", "60+", 2, 1));
    }

    @Test
    void badParametersAre400sThatNameThem() throws Exception {
        for (String query : List.of("groupBy=colour", "gender=X", "commune=99.999.99.99", "from=2024-3-2",
                "to=2024-02-30", "year=twenty", "disability=maybe")) {
            HttpResponse<String> response = get("/api/v1/participation?" + query, "dgct");
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(query).contains(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void indicatorsAreComputedFromTheirDefinitionsWithStatusAgainstTarget() throws Exception {
        Map<String, Map<String, Object>> s1 = indicators("/api/v1/indicators?semester=2024S1&scope=programme", "admin");
        // R2.1 petitions filed: A1 (A4 withdrawn); target 35, and 1/35 ≥ the configured 2 %: at risk.
        assertThat(s1.get("R2.1")).containsEntry("actual", 1.0).containsEntry("target", 35.0)
                .containsEntry("status", "AT_RISK").containsEntry("result", "R2").containsEntry("unit", "count");
        // R2.6 women among participants of known gender: (12 + 20 + 2 + 8) / (42 + 1 + 10 + 4) = 73.68 %; target 40.
        assertThat((Double) s1.get("R2.6").get("actual")).isCloseTo(4200.0 / 57, offset(1e-9));
        assertThat(s1.get("R2.6")).containsEntry("status", "ON_TRACK");
        // R2.5 citizens: every citizen cell of 2024S1, not A5's 4 elected officials: 16 + 32 + 8.
        assertThat(s1.get("R2.5")).containsEntry("actual", 56.0);
        // R2.2 admissible among decided petitions: A1 of A1 = 100 %; in 2024S2, A3 inadmissible: 0 %, off track.
        assertThat(s1.get("R2.2")).containsEntry("actual", 100.0).containsEntry("status", "ON_TRACK");
        Map<String, Map<String, Object>> s2 = indicators("/api/v1/indicators?semester=2024S2&scope=programme", "admin");
        assertThat(s2.get("R2.2")).containsEntry("actual", 0.0).containsEntry("status", "OFF_TRACK");
        // R1.1 is entered by hand and nobody did: no data.
        assertThat(s1.get("R1.1")).containsEntry("status", "NO_DATA").containsEntry("actual", null);
        assertThat(s1).hasSize(23);
    }

    @Test
    void indicatorsDefaultToTheCallersOwnScopeAndRefuseOthers() throws Exception {
        // Azilal's own: A5 only, 8 women of 12 people of known gender; for the governor, a share of protected counts.
        Map<String, Map<String, Object>> azilal = indicators("/api/v1/indicators?semester=2024S1", "gov-azilal");
        assertThat(azilal.get("R2.6").get("actual")).isInstanceOfSatisfying(Double.class,
                share -> assertThat(share).isBetween(5.0 * 100 / 15, 11.0 * 100 / 9));
        assertThat(azilal.get("R2.6")).containsEntry("status", "NO_DATA"); // no target at province level
        assertThat((Double) indicators("/api/v1/indicators?semester=2024S1&scope=province:05.081", "admin").get("R2.6")
                .get("actual")).isCloseTo(800.0 / 12, offset(1e-9));

        assertThat(get("/api/v1/indicators?semester=2024S1&scope=province:05.091", "gov-azilal").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/indicators?semester=2024S1&scope=programme", "gov-azilal").statusCode()).isEqualTo(403);
        for (String bad : List.of("semester=2024S3", "semester=2024S1&scope=province:99.999", "semester=2024S1&scope=planet:1")) {
            HttpResponse<String> response = get("/api/v1/indicators?" + bad, "dgct");
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).contains(bad.contains("scope") ? "scope" : "semester");
        }
    }

    @Test
    void ratesAgainstTheCensusAreInTheMart() throws SQLException {
        // Kasba Tadla, 2024S1: 48 participants for 47,399 inhabitants; women 34 of 45 of known gender
        // (75.56 %) against 24,995 of 47,399 in the census (52.73 %).
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT participants, participants_per_1000, women_share, women_population_share, women_index
                     FROM mart_participation_rate WHERE scope = 'commune:05.091.01.07' AND semester = '2024S1'""")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getLong(1)).isEqualTo(48);
            assertThat(row.getDouble(2)).isCloseTo(48_000.0 / 47_399, offset(1e-9));
            assertThat(row.getDouble(3)).isCloseTo(3400.0 / 45, offset(1e-9));
            assertThat(row.getDouble(4)).isCloseTo(2_499_500.0 / 47_399, offset(1e-9));
            assertThat(row.getDouble(5)).isCloseTo((3400.0 / 45) / (2_499_500.0 / 47_399), offset(1e-9));
        }
    }

    /**
     * Spark fails mid-job: once the first mart is written, the snapshot the later jobs read is deleted
     * under them. The run ends FAILED with Spark's reason, the marts are the previous ones to the byte,
     * and the next refresh succeeds.
     */
    @Test
    void sparkFailingMidJobLeavesThePreviousMartsAndAFailedRunWithItsReason() throws Exception {
        Map<String, String> before = martFingerprints();
        Path exchange = folder.resolve("exchange");
        Thread saboteur = new Thread(() -> {
            try {
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (System.nanoTime() < deadline) {
                    try (var runs = Files.list(exchange)) {
                        for (Path run : runs.toList()) {
                            if (Files.exists(run.resolve("marts/participation_cube/_SUCCESS"))) {
                                FileSystemUtils.deleteRecursively(run.resolve("snapshot"));
                                return;
                            }
                        }
                    }
                    Thread.sleep(5);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "snapshot-saboteur");
        saboteur.start();

        Map<String, Object> failed = refresh();
        saboteur.join();

        assertThat(failed).containsEntry("status", "FAILED");
        assertThat((String) failed.get("error")).as("Spark's reason").isNotBlank().containsIgnoringCase("snapshot");
        assertThat(martFingerprints()).isEqualTo(before);
        assertThat(refresh()).containsEntry("status", "COMPLETED");
    }

    /** Nothing changed: the refresh recomputes no commune; {@code {"full": true}} recomputes them all. */
    @Test
    @SuppressWarnings("unchecked")
    void aRefreshRecomputesTheCommunesThatChangedAndEveryCommuneWhenAskedTo() throws Exception {
        Map<String, String> before = martFingerprints();
        Map<String, Object> quick = refresh();
        assertThat(quick).containsEntry("status", "COMPLETED").containsEntry("full", false)
                .containsEntry("refresh", Map.of("kind", "INCREMENTAL", "communes", 0));
        assertThat(martFingerprints()).isEqualTo(before);

        Map<String, Object> full = refresh(HttpRequest.newBuilder(uri("/api/v1/analytics/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"full\": true}")));
        assertThat(full).containsEntry("status", "COMPLETED").containsEntry("full", true);
        assertThat((Map<String, Object>) full.get("refresh")).containsEntry("kind", "FULL").containsEntry("communes", null);
        assertThat(martFingerprints()).isEqualTo(before);

        HttpResponse<String> bad = send(HttpRequest.newBuilder(uri("/api/v1/analytics/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"full\": \"always\"}")),
                "admin");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    }

    @Test
    void onlyAdministratorsStartRunsAndUnknownRunsAre404() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/analytics/runs")).POST(HttpRequest.BodyPublishers.noBody()),
                "dgct").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/analytics/runs/no-such-run", "admin").statusCode()).isEqualTo(404);
    }

    @AfterAll
    void removeTheWarehouse() throws IOException {
        FileSystemUtils.deleteRecursively(folder);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("analytics-api-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> row(String d1, Object v1, String d2, Object v2, int participants, int activities) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put(d1, v1);
        row.put(d2, v2);
        row.put("participants", participants);
        row.put("activities", activities);
        return row;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> indicators(String path, String user) throws Exception {
        HttpResponse<String> response = get(path, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Map<String, Object>> byCode = new java.util.LinkedHashMap<>();
        for (Object item : (List<Object>) map(response).get("items")) {
            Map<String, Object> indicator = (Map<String, Object>) item;
            byCode.put((String) indicator.get("code"), indicator);
        }
        return byCode;
    }

    private static Activity activity(String id, Mechanism mechanism, ActivityStatus status, String start, Instant updatedAt,
            ParticipationCell... cells) {
        return new Activity(id, updatedAt, mechanism, status, LocalDate.parse(start), null, null, null, null,
                List.of(cells), null, List.of(), null);
    }

    private static ParticipationCell cell(Gender gender, AgeBand age, Boolean disability, Role role, int count) {
        return new ParticipationCell(gender, age, disability, role, count);
    }

    private static void user(UserStore users, PasswordEncoder passwords, String name, UserRole role, Set<String> provinces,
            Set<String> communes) {
        users.save(new UserAccount(name, name, role, passwords.encode(PASSWORD), true, Set.of(), provinces, communes));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return json.readValue(response.body(), Map.class);
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)), user);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(request.header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
