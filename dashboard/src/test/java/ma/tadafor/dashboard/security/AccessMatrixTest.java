package ma.tadafor.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ma.tadafor.dashboard.DemoApplicationTest;

/**
 * Every public endpoint × every demo role: allowed, forbidden, or scoped, including requests that
 * tamper with parameters to reach another province. Columns: admin, enabel (PROGRAMME),
 * dgct (NATIONAL), gov-beni-mellal (GOVERNOR 05.091), gov-azilal (GOVERNOR 05.081),
 * focal-kasba-tadla (COMMUNE 05.091.01.07).
 */
class AccessMatrixTest extends DemoApplicationTest {

    private static final List<String> USERS = List.of("admin", "enabel", "dgct", "gov-beni-mellal", "gov-azilal",
            "focal-kasba-tadla");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiterString = "|", textBlock = """
            GET    | /api/v1/territories/communes                               |                          | 200 200 200 200 200 200
            GET    | /api/v1/territories/communes?format=csv                    |                          | 200 200 200 200 200 200
            GET    | /api/v1/participation?groupBy=province                     |                          | 200 200 200 200 200 200
            GET    | /api/v1/participation?province=05.081                      |                          | 200 200 200 403 200 403
            GET    | /api/v1/participation?commune=05.081.01.01&groupBy=gender  |                          | 200 200 200 403 200 403
            GET    | /api/v1/participation?region=02                            |                          | 200 200 200 403 403 403
            GET    | /api/v1/participation?province=99.999                      |                          | 400 400 400 400 400 400
            GET    | /api/v1/indicators?semester=2024S1&scope=province:05.081   |                          | 200 200 200 403 200 403
            GET    | /api/v1/indicators?semester=2024S1&scope=commune:05.091.01.07 |                       | 200 200 200 200 403 200
            POST   | /api/v1/analytics/runs                                     |                          | 202 403 403 403 403 403
            GET    | /api/v1/sources                                            |                          | 200 403 403 403 403 403
            POST   | /api/v1/sources                                            | {}                       | 400 403 403 403 403 403
            DELETE | /api/v1/sources/portal-05.091.01.07-nope                   |                          | 404 403 403 403 403 403
            POST   | /api/v1/ingestion/runs                                     | {"sources": ["nowhere"]} | 400 403 403 403 403 403
            GET    | /api/v1/ingestion/runs                                     |                          | 200 200 403 403 403 403
            GET    | /api/v1/ingestion/quarantine                               |                          | 200 200 403 403 403 403
            GET    | /api/v1/audit                                              |                          | 200 403 403 403 403 403
            GET    | /api/v1/me/tokens                                          |                          | 200 200 200 200 200 200
            GET    | /api/v1/me/subscriptions                                   |                          | 200 200 200 200 200 200
            GET    | /api/v1/admin/outbox                                       |                          | 200 403 403 403 403 403
            POST   | /api/v1/committees/05.081/meetings/999999999/brief-mail    |                          | 404 404 403 403 404 403
            GET    | /api/v1/exports/iati                                       |                          | 200 200 200 403 403 403
            GET    | /api/v1/exports/consultation-pack                          |                          | 200 200 200 403 403 403
            """)
    void eachRoleGetsWhatItMay(String method, String path, String body, String expected) throws Exception {
        List<String> statuses = List.of(expected.split(" "));
        for (int i = 0; i < USERS.size(); i++) {
            HttpResponse<String> response = send(method, path, USERS.get(i), body);
            assertThat(response.statusCode()).as("%s %s as %s: %s", method, path, USERS.get(i), response.body())
                    .isEqualTo(Integer.parseInt(statuses.get(i)));
        }
    }

    @Test
    void aGovernorAskingForEveryProvinceGetsOnlyHis() throws Exception {
        awaitMarts();
        List<Map<String, Object>> rows = rows(get("/api/v1/participation?groupBy=province", "gov-beni-mellal"));

        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("province", "05.091"));
    }

    @Test
    void aFocalPointAskingForEveryCommuneGetsOnlyHers() throws Exception {
        awaitMarts();
        List<Map<String, Object>> rows = rows(get("/api/v1/participation?groupBy=commune", "focal-kasba-tadla"));

        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("commune", "05.091.01.07"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return (List<Map<String, Object>>) object(response).get("rows");
    }
}
