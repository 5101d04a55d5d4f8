package ma.tadafor.dashboard.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ma.tadafor.dashboard.DemoApplicationTest;

/** The territories API for each demo user's scope. */
class CommunesApiTest extends DemoApplicationTest {

    @Test
    void anAnalystSeesTheSixtyProgrammeCommunesWithArabicNames() throws Exception {
        HttpResponse<String> response = get("/api/v1/territories/communes?programme=true", "dgct");

        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, Object>> items = items(response);
        assertThat(items).hasSize(60);
        assertThat(items).anySatisfy(commune -> {
            assertThat(commune).containsEntry("code", "05.091.01.07").containsEntry("nameFr", "Kasba Tadla")
                    .containsEntry("nameAr", "قصبة تادلة").containsEntry("provinceCode", "05.091")
                    .containsEntry("regionCode", "05").containsEntry("type", "urban");
            assertThat(commune.get("cohort")).isIn("pilot", "extension");
            assertThat(commune.get("population")).isEqualTo(Map.of("total", 47399, "female", 24995, "male", 22404));
        });
    }

    @Test
    void aGovernorSeesOnlyTheCommunesOfHisProvince() throws Exception {
        List<Map<String, Object>> programme = items(get("/api/v1/territories/communes?programme=true", "gov-beni-mellal"));
        List<Map<String, Object>> all = items(get("/api/v1/territories/communes", "gov-beni-mellal"));

        assertThat(programme).isNotEmpty().allSatisfy(commune -> assertThat(commune).containsEntry("provinceCode", "05.091"));
        assertThat(programme).extracting(commune -> commune.get("code")).contains("05.091.01.07");
        assertThat(all).hasSizeGreaterThan(programme.size())
                .allSatisfy(commune -> assertThat(commune).containsEntry("provinceCode", "05.091"));
    }

    @Test
    void aFocalPointSeesOnlyHerCommune() throws Exception {
        assertThat(items(get("/api/v1/territories/communes", "focal-kasba-tadla")))
                .extracting(commune -> commune.get("code")).containsExactly("05.091.01.07");
    }

    @Test
    void withoutCredentialsTheApiAnswers401() throws Exception {
        assertThat(anonymous("/api/v1/territories/communes").statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIs401() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/territories/communes"))
                .header("Authorization", basic("dgct", "wrong")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aMalformedParameterIsA400ThatNamesIt() throws Exception {
        HttpResponse<String> response = get("/api/v1/territories/communes?programme=maybe", "dgct");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(object(response)).containsEntry("parameter", "programme");
    }

    @Test
    void theSameRowsDownloadAsCsvAndXlsxWithinTheScope() throws Exception {
        HttpResponse<String> csv = get("/api/v1/territories/communes?programme=true&format=csv", "gov-beni-mellal");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains("communes.csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).endsWith("code,nameFr,nameAr,provinceCode,regionCode,type,cohort,populationTotal,populationFemale,populationMale");
        assertThat(lines).hasSize(9).contains("05.091.01.07,Kasba Tadla,قصبة تادلة,05.091,05,urban,extension,47399,24995,22404");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).contains(",05.091,"));

        HttpResponse<String> xlsx = get("/api/v1/territories/communes?format=xlsx", "focal-kasba-tadla");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith("PK");
        assertThat(get("/api/v1/audit?action=EXPORT&user=gov-beni-mellal", "admin").body()).contains("csv, 8 rows");
    }

    @Test
    void anUnknownFormatIsA400() throws Exception {
        assertThat(object(get("/api/v1/territories/communes?format=pdf", "dgct"))).containsEntry("parameter", "format");
    }

    @Test
    void healthIsOpen() throws Exception {
        HttpResponse<String> response = anonymous("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }
}
