package ma.tadafor.dashboard.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.data.framework.Projection;

/** Programme managers change the results framework and the membership as data, through the API. */
class FrameworkApiTest extends DemoApplicationTest {

    private static final String NEW_INDICATOR = """
            {"result": "R4", "sortOrder": 9, "labelFr": "Forums régionaux tenus", "labelAr": "المنتديات الجهوية المنعقدة",
             "unit": "count", "computation": "COUNT_ACTIVITIES", "activityFilter": "mechanism=DIALOGUE_SPACE;status=HELD",
             "shareFilter": null, "cumulative": true, "disaggregations": "cohort", "baseline": 0}""";

    @Test
    void everyoneReadsTheDefinitions() throws Exception {
        List<Map<String, Object>> indicators = items(get("/api/v1/framework/indicators", "focal-kasba-tadla"));

        assertThat(indicators).hasSizeGreaterThanOrEqualTo(23).anySatisfy(indicator -> assertThat(indicator)
                .containsEntry("code", "R2.6").containsEntry("computation", "SHARE_OF_PARTICIPANTS")
                .containsEntry("shareFilter", "gender=F"));
    }

    @Test
    void aProgrammeManagerSetsATargetThatTheResultsFrameworkShows() throws Exception {
        // Read first, so that the answer is kept: the change must show at once all the same.
        assertThat(items(get("/api/v1/indicators?semester=2024S1&scope=programme", "dgct")))
                .filteredOn(indicator -> "R2.1".equals(indicator.get("code"))).singleElement()
                .satisfies(indicator -> assertThat(indicator.get("target")).isNotEqualTo(42.0));
        assertThat(send("PUT", "/api/v1/framework/indicators/R2.1/targets/2024S1", "enabel", "{\"target\": 42}")
                .statusCode()).isEqualTo(204);

        List<Map<String, Object>> figures = items(get("/api/v1/indicators?semester=2024S1&scope=programme", "dgct"));
        assertThat(figures).filteredOn(indicator -> "R2.1".equals(indicator.get("code"))).singleElement()
                .satisfies(indicator -> assertThat(((Number) indicator.get("target")).doubleValue()).isEqualTo(42.0));
        assertThat(get("/api/v1/audit?action=TARGET_SET", "admin").body()).contains("programme 2024S1 = 42.0");
    }

    @Test
    void theIndicatorsAreProtectedForAllButTheAdministratorAndSaySo() throws Exception {
        Map<String, Object> exact = object(get("/api/v1/indicators?semester=2024S1&scope=programme", "admin"));
        assertThat(exact.get("disclosure")).isEqualTo(Map.of("protected", false, "method", "exact"));
        Map<String, Object> protectedAnswer = object(get("/api/v1/indicators?semester=2024S1&scope=commune:05.091.01.07",
                "focal-kasba-tadla"));
        assertThat(protectedAnswer.get("disclosure")).isEqualTo(Map.of("protected", true, "method", "cell-key-perturbation"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) protectedAnswer.get("items");
        assertThat(items).isNotEmpty().allSatisfy(indicator -> {
            assertThat(indicator).containsKeys("actual", "suppressed", "status").doesNotContainKeys("numeratorKey");
            if (Boolean.TRUE.equals(indicator.get("suppressed"))) {
                assertThat(indicator.get("actual")).isNull();
            }
        });
    }

    /**
     * The projection is the one {@link Projection} draws through the actuals (up to the semester
     * asked) and targets the caller reads from the same API, semester by semester: for a protected
     * reader, the published ones.
     */
    @Test
    void eachIndicatorCarriesItsProjectionFromTheActualsItsReaderSees() throws Exception {
        for (String user : List.of("dgct", "admin")) {
            Map<String, SortedMap<String, Double>> actuals = new TreeMap<>();
            Map<String, SortedMap<String, Double>> targets = new TreeMap<>();
            Map<String, String> units = new TreeMap<>();
            for (int year = 2022; year <= 2026; year++) {
                for (int half = 1; half <= 2; half++) {
                    String semester = year + "S" + half;
                    for (Map<String, Object> indicator : items(get("/api/v1/indicators?semester=" + semester, user))) {
                        String code = (String) indicator.get("code");
                        actuals.computeIfAbsent(code, c -> new TreeMap<>()).put(semester, number(indicator.get("actual")));
                        targets.computeIfAbsent(code, c -> new TreeMap<>()).put(semester, number(indicator.get("target")));
                        units.put(code, (String) indicator.get("unit"));
                    }
                }
            }
            // as it stood in 2024S1: the actuals up to that semester
            List<Map<String, Object>> then = items(get("/api/v1/indicators?semester=2024S1", user));
            assertThat(then).as(user).anySatisfy(indicator -> assertThat(indicator.get("projectedStatus")).isEqualTo("WILL_MEET"))
                    .anySatisfy(indicator -> assertThat(indicator.get("projectedStatus")).isEqualTo("WILL_MISS"));
            for (Map<String, Object> indicator : then) {
                String code = (String) indicator.get("code");
                SortedMap<String, Double> known = new TreeMap<>(actuals.get(code).headMap("2024S2"));
                Projection expected = Projection.of(known, targets.get(code), "percent".equals(units.get(code)));
                assertThat(new Projection(number(indicator.get("projected")), (String) indicator.get("projectedStatus")))
                        .as(user + " " + code).isEqualTo(expected);
            }
        }
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", textBlock = """
            semester      | /api/v1/framework/indicators/R2.1/targets/2024S3                 | {"target": 1}
            scope         | /api/v1/framework/indicators/R2.1/targets/2024S1?scope=province:99.9 | {"target": 1}
            target        | /api/v1/framework/indicators/R2.1/targets/2024S1                 | {"target": -5}
            code          | /api/v1/framework/indicators/R9.9/targets/2024S1                 | {"target": 1}
            code          | /api/v1/framework/indicators/R2.1/values/2024S1                  | {"value": 3}
            activityFilter | /api/v1/framework/indicators/R4.9                               | {"result": "R4", "labelFr": "x", "labelAr": "س", "unit": "count", "computation": "COUNT_ACTIVITIES", "activityFilter": "colour=red"}
            computation   | /api/v1/framework/indicators/R4.9                                | {"result": "R4", "labelFr": "x", "labelAr": "س", "unit": "count", "computation": "GUESS"}
            result        | /api/v1/framework/indicators/R4.9                                | {"result": "R2", "labelFr": "x", "labelAr": "س", "unit": "count", "computation": "MANUAL"}
            """)
    void aWrongValueIsA400ThatNamesIt(String parameter, String path, String body) throws Exception {
        assertThat(object(send("PUT", path, "enabel", body))).containsEntry("parameter", parameter);
    }

    @Test
    void aManualIndicatorTakesHandEnteredValuesAndNarratives() throws Exception {
        assertThat(send("PUT", "/api/v1/framework/indicators/R4.1/values/2024S1", "enabel", "{\"value\": 3}").statusCode())
                .isEqualTo(204);
        assertThat(send("PUT", "/api/v1/framework/indicators/R4.1/narratives/2024S1", "enabel",
                "{\"fr\": \"Trois rencontres entre pairs à Béni Mellal\", \"ar\": \"ثلاثة لقاءات\"}").statusCode()).isEqualTo(204);
    }

    @Test
    void aHandEnteredValueBecomesTheActualOfItsScopeAndSemesterAfterARefresh() throws Exception {
        String kasbaTadla = "commune:05.091.01.07";
        // A scope and semester no other test enters a value for.
        assertThat(indicator("R4.2", "2024S2", kasbaTadla, "admin")).containsEntry("actual", null);

        assertThat(send("PUT", "/api/v1/framework/indicators/R4.2/values/2024S2?scope=" + kasbaTadla, "enabel",
                "{\"value\": 7}").statusCode()).isEqualTo(204);
        assertThat(refreshTheMarts()).isEqualTo("COMPLETED");

        // A manual indicator counts no person: its value is exact for every role, protected or not.
        for (String user : List.of("admin", "dgct", "gov-beni-mellal", "focal-kasba-tadla")) {
            assertThat(indicator("R4.2", "2024S2", kasbaTadla, user)).as(user)
                    .containsEntry("actual", 7.0).containsEntry("suppressed", false).containsKey("status");
        }
        assertThat(indicator("R4.2", "2024S1", kasbaTadla, "admin")).as("another semester").containsEntry("actual", null);
    }

    /** Starts a marts refresh as the administrator and returns how it ended. */
    private String refreshTheMarts() throws Exception {
        HttpResponse<String> started = send("POST", "/api/v1/analytics/runs", "admin", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String run = "/api/v1/analytics/runs/" + object(started).get("runId");
        return await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1))
                .until(() -> (String) object(get(run, "admin")).get("status"), status -> Set.of("COMPLETED", "FAILED").contains(status));
    }

    private Map<String, Object> indicator(String code, String semester, String scope, String user) throws Exception {
        HttpResponse<String> answer = get("/api/v1/indicators?semester=" + semester + "&scope=" + scope, user);
        assertThat(answer.statusCode()).as(user + ": " + answer.body()).isEqualTo(200);
        return items(answer).stream().filter(indicator -> code.equals(indicator.get("code"))).findFirst().orElseThrow();
    }

    @Test
    void aProgrammeManagerDefinesANewIndicator() throws Exception {
        assertThat(send("PUT", "/api/v1/framework/indicators/R4.4", "enabel", NEW_INDICATOR).statusCode()).isEqualTo(200);

        assertThat(items(get("/api/v1/framework/indicators", "dgct"))).anySatisfy(indicator ->
                assertThat(indicator).containsEntry("code", "R4.4").containsEntry("labelAr", "المنتديات الجهوية المنعقدة"));
    }

    @Test
    void aProgrammeManagerChangesTheMembership() throws Exception {
        int before = items(get("/api/v1/territories/communes?programme=true", "gov-beni-mellal")).size();

        assertThat(send("PUT", "/api/v1/programme/communes/05.091.01.13", "enabel",
                "{\"cohort\": \"extension\", \"joined\": \"2024-09\"}").statusCode()).isEqualTo(204);
        assertThat(items(get("/api/v1/territories/communes?programme=true", "gov-beni-mellal"))).hasSize(before + 1)
                .anySatisfy(commune -> assertThat(commune).containsEntry("code", "05.091.01.13").containsEntry("cohort", "extension"));

        assertThat(send("DELETE", "/api/v1/programme/communes/05.091.01.13", "enabel", null).statusCode()).isEqualTo(204);
        assertThat(items(get("/api/v1/territories/communes?programme=true", "gov-beni-mellal"))).hasSize(before);
        assertThat(object(send("PUT", "/api/v1/programme/communes/05.091.01.13", "enabel", "{\"cohort\": \"vip\", \"joined\": \"2024-09\"}")))
                .containsEntry("parameter", "cohort");
    }

    @ParameterizedTest
    @CsvSource({"admin", "dgct", "gov-beni-mellal", "focal-kasba-tadla"})
    void onlyProgrammeManagersChangeTheFramework(String user) throws Exception {
        assertThat(send("PUT", "/api/v1/framework/indicators/R2.1/targets/2024S1", user, "{\"target\": 1}").statusCode())
                .isEqualTo(403);
        assertThat(send("PUT", "/api/v1/framework/indicators/R4.4", user, NEW_INDICATOR).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/programme/communes/05.091.01.07", user, null).statusCode()).isEqualTo(403);
    }
}
