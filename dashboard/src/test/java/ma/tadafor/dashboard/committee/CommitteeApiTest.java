package ma.tadafor.dashboard.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ma.tadafor.dashboard.DemoApplicationTest;

class CommitteeApiTest extends DemoApplicationTest {

    private static final String BENI_MELLAL = "/api/v1/committees/05.091";
    private static final String AZILAL = "/api/v1/committees/05.081";
    /** No other test touches it: the cycle's "next meeting" is the one this test plans. */
    private static final String FQUIH_BEN_SALAH = "/api/v1/committees/05.255";

    @Test
    void aCommitteeRunsTheCycleAndOpenRecommendationsAreCarriedToTheNextMeeting() throws Exception {
        LocalDate today = Committees.today();
        Map<String, Object> first = object(send("POST", FQUIH_BEN_SALAH + "/meetings", "enabel", """
                {"kind": "ORDINARY", "mode": "IN_PERSON", "plannedOn": "%s", "place": "Siège de la province",
                 "agenda": [{"textFr": "Avancement du projet", "textAr": "تقدم المشروع"}]}""".formatted(today.minusDays(30))));
        Number firstId = (Number) first.get("id");

        HttpResponse<String> held = send("PATCH", FQUIH_BEN_SALAH + "/meetings/" + firstId, "enabel", """
                {"heldOn": "%s", "attendance": [{"institution": "Commune de Kasba Tadla", "women": 2, "men": 1},
                 {"institution": "Enabel", "women": 1, "men": 0}], "minutesAr": "محضر الاجتماع الأول"}"""
                .formatted(today.minusDays(29)));
        assertThat(held.statusCode()).isEqualTo(200);
        assertThat(object(held)).containsEntry("women", 3).containsEntry("men", 1).containsEntry("minutesAr", "محضر الاجتماع الأول");

        HttpResponse<String> created = send("POST", FQUIH_BEN_SALAH + "/recommendations", "enabel", """
                {"meetingId": %s, "textFr": "Activer l'IEECAG à Kasba Tadla", "ownerInstitution": "Commune de Kasba Tadla",
                 "links": [{"kind": "COMMUNE", "ref": "%s"}, {"kind": "INDICATOR", "ref": "R2.6"}]}""".formatted(firstId, communeOf("05.255")));
        assertThat(created.statusCode()).isEqualTo(201);
        Map<String, Object> recommendation = object(created);
        Number recId = (Number) recommendation.get("id");
        assertThat(recommendation).containsEntry("status", "PROPOSED").containsEntry("dueNextMeeting", true)
                .containsEntry("overdue", false);

        Map<String, Object> next = object(send("POST", FQUIH_BEN_SALAH + "/meetings", "enabel", """
                {"kind": "ORDINARY", "mode": "REMOTE", "plannedOn": "%s"}""".formatted(today.plusDays(60))));
        assertThat(ids(next.get("carriedForward"))).contains(recId);

        HttpResponse<String> accepted = send("PATCH", FQUIH_BEN_SALAH + "/recommendations/" + recId, "enabel",
                "{\"status\": \"ACCEPTED\"}");
        assertThat(object(accepted)).containsEntry("status", "ACCEPTED").containsEntry("dueOn", today.plusDays(60).toString());
        HttpResponse<String> withoutEvidence = send("PATCH", FQUIH_BEN_SALAH + "/recommendations/" + recId, "enabel",
                "{\"status\": \"DONE\", \"note\": {\"text\": \"Instance installée\"}}");
        assertThat(withoutEvidence.statusCode()).isEqualTo(400);
        assertThat(withoutEvidence.body()).contains("note.evidence");
        HttpResponse<String> done = send("PATCH", FQUIH_BEN_SALAH + "/recommendations/" + recId, "enabel", """
                {"status": "DONE", "note": {"text": "Instance installée", "evidence": "Arrêté communal n° 12/2024"}}""");
        assertThat(object(done)).containsEntry("status", "DONE").containsEntry("open", false);
        assertThat(object(done).get("notes")).asList().hasSize(2);
        HttpResponse<String> reopened = send("PATCH", FQUIH_BEN_SALAH + "/recommendations/" + recId, "enabel",
                "{\"status\": \"IN_PROGRESS\"}");
        assertThat(reopened.statusCode()).isEqualTo(400);

        Map<String, Object> afterClosing = object(get(FQUIH_BEN_SALAH + "/meetings/" + next.get("id"), "dgct"));
        assertThat(ids(afterClosing.get("carriedForward"))).as("closed before the next meeting").doesNotContain(recId);
        assertThat(get("/api/v1/audit?action=RECOMMENDATION_FOLLOWED_UP", "admin").body()).contains("ACCEPTED -> DONE");
        assertThat(get("/api/v1/audit?action=MEETING_RECORDED", "admin").body()).contains("attendance");
    }

    @Test
    void anOverdueRecommendationIsFlagged() throws Exception {
        Number meeting = (Number) object(send("POST", AZILAL + "/meetings", "gov-azilal", """
                {"kind": "EXTRAORDINARY", "mode": "REMOTE", "plannedOn": "2024-02-13"}""")).get("id");
        Map<String, Object> late = object(send("POST", AZILAL + "/recommendations", "enabel", """
                {"meetingId": %s, "textAr": "تفعيل فضاءات الحوار", "ownerInstitution": "DAS", "dueOn": "2024-06-30"}"""
                .formatted(meeting)));
        assertThat(late).containsEntry("overdue", true).containsEntry("dueNextMeeting", false);
        assertThat(items(get(AZILAL + "/recommendations", "gov-azilal"))).anySatisfy(r ->
                assertThat(r).containsEntry("id", late.get("id")).containsEntry("overdue", true));
    }

    @Test
    void contactsAreForTheCommitteesOwnUsers() throws Exception {
        assertThat(send("POST", BENI_MELLAL + "/members", "gov-beni-mellal", """
                {"institution": "Division de l'action sociale", "role": "PROVINCIAL_DIVISION", "personName": "Mme Alaoui",
                 "contact": "das@example.ma"}""").statusCode()).isEqualTo(201);

        assertThat(items(get(BENI_MELLAL + "/members", "gov-beni-mellal")))
                .anySatisfy(member -> assertThat(member).containsEntry("contact", "das@example.ma"));
        assertThat(items(get(BENI_MELLAL + "/members", "enabel")))
                .anySatisfy(member -> assertThat(member).containsEntry("personName", "Mme Alaoui"));
        assertThat(items(get(BENI_MELLAL + "/members", "dgct"))).isNotEmpty()
                .allSatisfy(member -> assertThat(member.get("contact")).isNull())
                .allSatisfy(member -> assertThat(member.get("personName")).isNull());
    }

    @Test
    void onlyTheProvincesUsersReadAndOnlyItsManagersChange() throws Exception {
        for (String user : List.of("admin", "enabel", "dgct", "gov-beni-mellal")) {
            assertThat(get(BENI_MELLAL + "/recommendations", user).statusCode()).as(user).isEqualTo(200);
        }
        assertThat(get(AZILAL + "/meetings", "gov-beni-mellal").statusCode()).isEqualTo(403);
        assertThat(get(AZILAL + "/members", "gov-beni-mellal").statusCode()).isEqualTo(403);
        assertThat(get(BENI_MELLAL + "/meetings", "focal-kasba-tadla").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/committees/99.999/meetings", "gov-beni-mellal").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/committees/99.999/meetings", "dgct").body()).contains("provinceCode");

        String plan = "{\"kind\": \"ORDINARY\", \"mode\": \"IN_PERSON\", \"plannedOn\": \"2025-01-15\"}";
        assertThat(send("POST", AZILAL + "/meetings", "gov-beni-mellal", plan).statusCode()).isEqualTo(403);
        assertThat(send("POST", BENI_MELLAL + "/meetings", "dgct", plan).statusCode()).isEqualTo(403);
        assertThat(send("POST", BENI_MELLAL + "/meetings", "focal-kasba-tadla", plan).statusCode()).isEqualTo(403);

        Number azilalMeeting = (Number) object(send("POST", AZILAL + "/meetings", "gov-azilal", plan)).get("id");
        assertThat(get(BENI_MELLAL + "/meetings/" + azilalMeeting, "gov-beni-mellal").statusCode())
                .as("another province's meeting through one's own province").isEqualTo(404);
        assertThat(send("PATCH", BENI_MELLAL + "/meetings/" + azilalMeeting, "gov-beni-mellal", "{\"place\": \"x\"}")
                .statusCode()).isEqualTo(404);
        assertThat(send("POST", BENI_MELLAL + "/recommendations", "gov-beni-mellal", """
                {"meetingId": %s, "textFr": "x", "ownerInstitution": "y"}""".formatted(azilalMeeting)).body())
                .contains("meetingId");
    }

    @Test
    void eachBadFieldIsA400NamingIt() throws Exception {
        assertThat(send("POST", BENI_MELLAL + "/meetings", "gov-beni-mellal",
                "{\"kind\": \"WEEKLY\", \"mode\": \"IN_PERSON\", \"plannedOn\": \"2025-01-15\"}").body()).contains("kind");
        assertThat(send("POST", BENI_MELLAL + "/meetings", "gov-beni-mellal",
                "{\"kind\": \"ORDINARY\", \"mode\": \"IN_PERSON\"}").body()).contains("plannedOn");
        Number meeting = (Number) object(send("POST", BENI_MELLAL + "/meetings", "gov-beni-mellal",
                "{\"kind\": \"ORDINARY\", \"mode\": \"IN_PERSON\", \"plannedOn\": \"2024-01-15\"}")).get("id");
        Map<String, String> bad = Map.of(
                "{\"heldOn\": \"2999-01-01\"}", "heldOn",
                "{\"attendance\": [{\"institution\": \"A\", \"women\": -1, \"men\": 0}]}", "attendance",
                "{\"attendance\": [{\"institution\": \"A\", \"women\": 1, \"men\": 1}, {\"institution\": \"a\", \"women\": 0, \"men\": 2}]}", "attendance.institution",
                "{\"documents\": [{\"title\": \"t\", \"url\": \"javascript:alert(1)\"}]}", "documents.url");
        for (Map.Entry<String, String> body : bad.entrySet()) {
            HttpResponse<String> answer = send("PATCH", BENI_MELLAL + "/meetings/" + meeting, "gov-beni-mellal", body.getKey());
            assertThat(answer.statusCode()).as(body.getKey()).isEqualTo(400);
            assertThat(answer.body()).as(body.getKey()).contains("\"parameter\":\"" + body.getValue() + "\"");
        }
        assertThat(send("POST", BENI_MELLAL + "/recommendations", "gov-beni-mellal", """
                {"meetingId": %s, "textFr": "x", "ownerInstitution": "y", "links": [{"kind": "COMMUNE", "ref": "05.081.01.01"}]}"""
                .formatted(meeting)).body()).contains("links.ref");
        assertThat(send("POST", BENI_MELLAL + "/recommendations", "gov-beni-mellal", """
                {"meetingId": %s, "ownerInstitution": "y"}""".formatted(meeting)).body()).contains("\"parameter\":\"text\"");
    }

    private String communeOf(String province) throws Exception {
        return items(get("/api/v1/territories/communes", "enabel")).stream()
                .filter(commune -> province.equals(commune.get("provinceCode"))).map(commune -> (String) commune.get("code"))
                .findFirst().orElseThrow();
    }

    private static List<Number> ids(Object recommendations) {
        return ((List<?>) recommendations).stream().map(r -> (Number) ((Map<?, ?>) r).get("id")).toList();
    }
}
