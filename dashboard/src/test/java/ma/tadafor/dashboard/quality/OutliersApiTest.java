package ma.tadafor.dashboard.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.dashboard.wording.Numbers;

/**
 * Outliers end to end: the demo's planted outliers come through the portal simulator and the real
 * pull, a real Spark refresh flags them, a programme manager excludes one (it leaves the marts at
 * the next refresh: the administrator's exact participation drops by its participants) and then
 * confirms it (it comes back, and stays confirmed across refreshes); both decisions are audited.
 */
class OutliersApiTest extends DemoApplicationTest {

    @Autowired
    private HikariDataSource warehouse;

    @Test
    void aPlantedOutlierIsFlaggedExcludedFromTheMartsThenConfirmed() throws Exception {
        awaitMarts();
        Map<String, Object> outlier = plantedFlaggedItem();
        long id = ((Number) outlier.get("id")).longValue();
        String subject = outlier.get("sourceId") + "/" + outlier.get("itemId");
        long participants = participantsOf((String) outlier.get("sourceId"), (String) outlier.get("itemId"));
        assertThat(((Number) outlier.get("value")).longValue()).as("the item's total, exact for ADMIN").isEqualTo(participants);
        assertThat((String) outlier.get("reason")).contains(Numbers.count(participants) + " participants", "médiane");
        assertThat(outlier.get("score")).as("ADMIN sees the score").isNotNull();
        String filter = "commune=" + outlier.get("communeCode") + "&semester=" + outlier.get("semester");
        long before = participation(filter);

        // Refusals: a reason is required, the decision named, and only programme managers and administrators decide.
        HttpResponse<String> noReason = send("POST", "/api/v1/quality/outliers/" + id, "enabel", "{\"decision\": \"EXCLUDE\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(object(noReason)).containsEntry("parameter", "reason");
        assertThat(object(send("POST", "/api/v1/quality/outliers/" + id, "enabel", "{\"decision\": \"DROP\", \"reason\": \"x\"}")))
                .containsEntry("parameter", "decision");
        for (String user : List.of("dgct", "gov-beni-mellal", "focal-kasba-tadla")) {
            assertThat(send("POST", "/api/v1/quality/outliers/" + id, user, "{\"decision\": \"EXCLUDE\", \"reason\": \"x\"}")
                    .statusCode()).as(user).isEqualTo(403);
        }
        assertThat(send("POST", "/api/v1/quality/outliers/999999", "enabel", "{\"decision\": \"CONFIRM\", \"reason\": \"x\"}")
                .statusCode()).isEqualTo(404);

        HttpResponse<String> excluded = send("POST", "/api/v1/quality/outliers/" + id, "enabel",
                "{\"decision\": \"EXCLUDE\", \"reason\": \"Saisie erronée : 40 fois trop de participants\"}");
        assertThat(excluded.statusCode()).as(excluded.body()).isEqualTo(200);
        assertThat(object(excluded)).containsEntry("status", "EXCLUDED").containsEntry("decidedBy", "enabel");
        assertThat(participation(filter)).as("until the next refresh, the marts are unchanged").isEqualTo(before);

        refresh();
        assertThat(participation(filter)).as("the item left the marts").isEqualTo(before - participants);
        assertThat(ids("status=EXCLUDED")).as("still listed, as excluded").contains(id);
        assertThat(ids("status=FLAGGED")).doesNotContain(id);

        HttpResponse<String> confirmed = send("POST", "/api/v1/quality/outliers/" + id, "enabel",
                "{\"decision\": \"CONFIRM\", \"reason\": \"Vérifié auprès de la commune : chiffre exact\"}");
        assertThat(object(confirmed)).containsEntry("status", "CONFIRMED");
        refresh();
        assertThat(participation(filter)).as("confirmed, it counts again").isEqualTo(before);
        assertThat(ids("status=CONFIRMED")).as("the confirmation holds across refreshes").contains(id);
        assertThat(ids("status=FLAGGED")).doesNotContain(id);

        String audit = get("/api/v1/audit?q=" + URLEncoder.encode(subject, StandardCharsets.UTF_8), "admin").body();
        assertThat(audit).contains("OUTLIER_EXCLUDED", "OUTLIER_CONFIRMED", "Saisie erronée", "enabel");
    }

    @Test
    void othersSeeProtectedFiguresAndNoScoreWithinTheirScope() throws Exception {
        awaitMarts();
        Map<String, Object> exact = plantedFlaggedItem();
        Map<String, Object> shown = items(get("/api/v1/quality/outliers", "enabel")).stream()
                .filter(o -> o.get("id").equals(exact.get("id"))).findFirst().orElseThrow();

        assertThat(shown.get("score")).isNull();
        assertThat(((Number) shown.get("value")).longValue())
                .isBetween(((Number) exact.get("value")).longValue() - 3, ((Number) exact.get("value")).longValue() + 3);
        assertThat(object(get("/api/v1/quality/outliers", "enabel"))).containsEntry("disclosure",
                Map.of("protected", true, "method", "cell-key-perturbation"));

        String commune = (String) exact.get("communeCode");
        assertThat(items(get("/api/v1/quality/outliers?scope=province:05.091", "gov-beni-mellal")))
                .allSatisfy(o -> assertThat((String) o.get("communeCode")).startsWith("05.091."));
        assertThat(items(get("/api/v1/quality/outliers", "focal-kasba-tadla")))
                .allSatisfy(o -> assertThat(o.get("communeCode")).isEqualTo("05.091.01.07"));
        assertThat(get("/api/v1/quality/outliers?scope=programme", "gov-beni-mellal").statusCode()).isEqualTo(403);
        assertThat(object(get("/api/v1/quality/outliers?semester=2024-1", "admin"))).containsEntry("parameter", "semester");
        assertThat(object(get("/api/v1/quality/outliers?status=OPEN", "admin"))).containsEntry("parameter", "status");
        assertThat(items(get("/api/v1/quality/outliers?scope=commune:" + commune + "&semester=" + exact.get("semester"), "admin")))
                .extracting(o -> o.get("id")).contains(exact.get("id"));
    }

    /** A flagged item whose title says it was planted by the demo's generator. */
    private Map<String, Object> plantedFlaggedItem() throws Exception {
        Set<String> planted = planted();
        assertThat(planted).as("the demo plants outliers").isNotEmpty();
        List<Map<String, Object>> flagged = items(get("/api/v1/quality/outliers", "admin")).stream()
                .filter(o -> "item".equals(o.get("kind")) && planted.contains(o.get("sourceId") + "/" + o.get("itemId")))
                .toList();
        assertThat(flagged).as("planted outliers flagged by the refresh").isNotEmpty();
        return flagged.get(0);
    }

    private Set<String> planted() throws SQLException {
        Set<String> planted = new HashSet<>();
        try (Connection connection = warehouse.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT source_id, item_id FROM activity WHERE title_fr LIKE '%valeur atypique plantée%'");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                planted.add(rows.getString(1) + "/" + rows.getString(2));
            }
        }
        return planted;
    }

    private long participantsOf(String sourceId, String itemId) throws SQLException {
        try (Connection connection = warehouse.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT sum(participants) FROM participation_cell WHERE source_id = ? AND item_id = ?")) {
            query.setString(1, sourceId);
            query.setString(2, itemId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private long participation(String filter) throws Exception {
        Map<String, Object> answer = object(get("/api/v1/participation?groupBy=&" + filter, "admin"));
        return ((Number) ((Map<String, Object>) answer.get("total")).get("participants")).longValue();
    }

    private List<Long> ids(String query) throws Exception {
        return items(get("/api/v1/quality/outliers?" + query, "admin")).stream().map(o -> ((Number) o.get("id")).longValue())
                .toList();
    }

    private void refresh() throws Exception {
        HttpResponse<String> started = send("POST", "/api/v1/analytics/runs", "admin", null);
        assertThat(started.statusCode()).isEqualTo(202);
        String runId = (String) object(started).get("runId");
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Set.of("COMPLETED", "FAILED").contains(object(get("/api/v1/analytics/runs/" + runId, "admin")).get("status")));
        assertThat(object(get("/api/v1/analytics/runs/" + runId, "admin"))).containsEntry("status", "COMPLETED");
    }
}
