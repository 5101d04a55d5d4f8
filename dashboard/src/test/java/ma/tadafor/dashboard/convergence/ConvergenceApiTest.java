package ma.tadafor.dashboard.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ma.tadafor.dashboard.DemoApplicationTest;

/** {@code GET /api/v1/convergence} as API.md says: per INDH programme, for a scope within the caller's. */
class ConvergenceApiTest extends DemoApplicationTest {

    @Test
    void aScopeGetsOneItemPerIndhProgrammeFromTheMarts() throws Exception {
        awaitMarts();

        Map<String, Object> programme = object(get("/api/v1/convergence?scope=programme", "dgct"));
        Map<String, Object> province = object(get("/api/v1/convergence", "gov-beni-mellal"));

        assertThat(programme).containsEntry("scope", "programme");
        List<Map<String, Object>> items = items(get("/api/v1/convergence?scope=programme", "dgct"));
        assertThat(items).isNotEmpty().allSatisfy(item -> assertThat(item).containsKeys("programme", "programmeNameFr",
                "linkedActivities", "explicitActivities", "inferredActivities", "indhCoFinancingMad", "tadaforMad",
                "programmeCommunes", "communesWithActiveIndh", "activeIndhShare"));
        assertThat(items).anySatisfy(item -> assertThat(((Number) item.get("linkedActivities")).longValue()).isPositive());
        assertThat(province).as("a governor's own scope").containsEntry("scope", "province:05.091");
    }

    @Test
    void aScopeOutsideTheCallersIs403AndAMalformedOne400() throws Exception {
        HttpResponse<String> otherProvince = get("/api/v1/convergence?scope=province:05.081", "gov-beni-mellal");
        HttpResponse<String> programme = get("/api/v1/convergence?scope=programme", "focal-kasba-tadla");
        HttpResponse<String> malformed = get("/api/v1/convergence?scope=Province:05.091", "dgct");

        assertThat(otherProvince.statusCode()).isEqualTo(403);
        assertThat(programme.statusCode()).isEqualTo(403);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(object(malformed)).containsEntry("parameter", "scope");
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
