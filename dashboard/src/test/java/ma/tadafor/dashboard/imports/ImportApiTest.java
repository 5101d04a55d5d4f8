package ma.tadafor.dashboard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import ma.tadafor.dashboard.DemoApplicationTest;

/** Uploads over HTTP: the API of API.md and the page, with the demo's users and scopes. */
class ImportApiTest extends DemoApplicationTest {

    private static final String KASBA_TADLA = "05.091.01.07";
    private static final String CSV = """
            id;updatedAt;mechanism;status;startDate;titleFr;gender;ageBand;disability;role;count
            upload-test-1;2024-05-02T10:00:00Z;CITIZEN_MEETING;HELD;2024-05-02;Réunion de quartier;F;25-34;non;CITIZEN;9
            upload-test-1;2024-05-02T10:00:00Z;CITIZEN_MEETING;HELD;2024-05-02;Réunion de quartier;M;60+;;CITIZEN;4
            """;
    private static final String HALF_BAD = CSV + "upload-test-2;2024-05-03;PETITION;SIGNED;;;F;25-34;;CITIZEN;0\n";

    @Autowired
    DataSource warehouse;

    @Test
    void aCommuneFocalPointUploadsForTheirCommuneAndUploadingAgainChangesNothing() throws Exception {
        HttpResponse<String> first = upload("focal-kasba-tadla", "ACTIVITIES", null, "kasba.csv", CSV.getBytes(StandardCharsets.UTF_8), "");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(object(first)).containsEntry("kind", "ACTIVITIES").containsEntry("rows", 2).containsEntry("items", 1);
        HttpResponse<String> again = upload("focal-kasba-tadla", "ACTIVITIES", KASBA_TADLA, "kasba.csv", CSV.getBytes(StandardCharsets.UTF_8), "");
        assertThat(object(again)).containsEntry("inserted", 0).containsEntry("updated", 0).containsEntry("unchanged", 1);
        assertThat(query("SELECT count(*) FROM participation_cell WHERE source_id = 'upload-" + KASBA_TADLA + "' AND item_id = 'upload-test-1'"))
                .isEqualTo("2");
        assertThat(query("SELECT count(*) FROM audit_event WHERE action = 'IMPORT_ACTIVITIES' AND target = 'upload-" + KASBA_TADLA + "'"))
                .isEqualTo("2");
    }

    @Test
    void aCommuneFocalPointIsRefusedForAnotherCommune() throws Exception {
        HttpResponse<String> response = upload("focal-kasba-tadla", "ACTIVITIES", "05.081.01.01", "azilal.csv",
                CSV.getBytes(StandardCharsets.UTF_8), "");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(object(response)).containsEntry("parameter", "communeCode");
        assertThat(query("SELECT count(*) FROM activity WHERE source_id = 'upload-05.081.01.01' AND item_id = 'upload-test-1'")).isEqualTo("0");
    }

    @ParameterizedTest
    @CsvSource({"gov-beni-mellal, ACTIVITIES", "dgct, ACTIVITIES", "focal-kasba-tadla, INDH_PROJECTS", "gov-azilal, INDH_PROJECTS"})
    void rolesThatMayNotUploadAreRefused(String user, String kind) throws Exception {
        assertThat(upload(user, kind, KASBA_TADLA, "file.csv", CSV.getBytes(StandardCharsets.UTF_8), "").statusCode()).isEqualTo(403);
    }

    @Test
    void aHalfBadFileWritesNothingAndEveryErrorComesInTheUsersLanguage() throws Exception {
        HttpResponse<String> french = upload("admin", "ACTIVITIES", KASBA_TADLA, "bad.csv", HALF_BAD.getBytes(StandardCharsets.UTF_8), "");

        assertThat(french.statusCode()).isEqualTo(422);
        assertThat(errors(french)).containsExactly(
                Map.of("row", 4, "column", "statut", "message", "« SIGNED » n'est pas une valeur admise (PLANNED, SUBMITTED, ADMISSIBLE, INADMISSIBLE, ON_AGENDA, ACCEPTED, REJECTED, IN_PROGRESS, HELD, IMPLEMENTED, CLOSED, CANCELLED)."),
                Map.of("row", 4, "column", "effectif", "message", "« 0 » n'est pas un nombre entier de 1 à 1000000."));
        assertThat(query("SELECT count(*) FROM activity WHERE item_id = 'upload-test-2'")).isEqualTo("0");

        HttpResponse<String> arabic = upload("admin", "ACTIVITIES", KASBA_TADLA, "bad.csv", HALF_BAD.getBytes(StandardCharsets.UTF_8), "?lang=ar");
        assertThat(errors(arabic).get(1)).isEqualTo(Map.of("row", 4, "column", "العدد", "message", "«0» ليس عددا صحيحا من 1 إلى 1000000."));
    }

    @Test
    void badRequestsNameTheParameter() throws Exception {
        assertThat(object(upload("admin", "ACTIVITIES", null, "a.csv", CSV.getBytes(StandardCharsets.UTF_8), "")))
                .containsEntry("parameter", "communeCode");
        assertThat(object(upload("admin", "ACTIVITIES", "99.999.99.99", "a.csv", CSV.getBytes(StandardCharsets.UTF_8), "")))
                .containsEntry("parameter", "communeCode");
        assertThat(object(upload("admin", "PHOTOS", KASBA_TADLA, "a.csv", CSV.getBytes(StandardCharsets.UTF_8), "")))
                .containsEntry("parameter", "kind");
        assertThat(object(upload("admin", "ACTIVITIES", KASBA_TADLA, "a.csv", new byte[0], ""))).containsEntry("parameter", "file");
    }

    @Test
    void theCommuneIsNamedByItsCodeOrItsNameInEitherLanguageAndAnAmbiguousNameIsRefused() throws Exception {
        String csv = CSV.replace("upload-test-1", "upload-test-named");
        assertThat(upload("enabel", "ACTIVITIES", "kasba tadla", "nom.csv", csv.getBytes(StandardCharsets.UTF_8), "").statusCode())
                .isEqualTo(200);
        assertThat(upload("enabel", "ACTIVITIES", "قصبة تادلة", "اسم.csv", csv.getBytes(StandardCharsets.UTF_8), "").statusCode())
                .isEqualTo(200);
        assertThat(query("SELECT count(DISTINCT item_id) FROM activity WHERE source_id = 'upload-" + KASBA_TADLA + "' AND item_id = 'upload-test-named'"))
                .isEqualTo("1");

        HttpResponse<String> ambiguous = upload("admin", "ACTIVITIES", "Ajdir", "a.csv", csv.getBytes(StandardCharsets.UTF_8), "");
        assertThat(ambiguous.statusCode()).isEqualTo(400);
        assertThat(object(ambiguous)).containsEntry("parameter", "communeCode");
        assertThat((String) object(ambiguous).get("detail")).contains("01.051.01.09").contains("03.561.03.01");
        assertThat(upload("focal-kasba-tadla", "ACTIVITIES", "Azilal", "a.csv", csv.getBytes(StandardCharsets.UTF_8), "").statusCode())
                .as("a name outside the scope names nothing").isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHistoryShowsEachUploadToThoseWhoseScopeHoldsIt() throws Exception {
        upload("focal-kasba-tadla", "ACTIVITIES", null, "historique-bon.csv", CSV.getBytes(StandardCharsets.UTF_8), "");
        upload("focal-kasba-tadla", "ACTIVITIES", null, "historique-refuse.csv", HALF_BAD.getBytes(StandardCharsets.UTF_8), "");
        upload("admin", "ACTIVITIES", "05.081.01.01", "historique-azilal.csv",
                CSV.replace("upload-test-1", "upload-test-history").getBytes(StandardCharsets.UTF_8), "");

        List<Map<String, Object>> focal = (List<Map<String, Object>>) object(http.send(HttpRequest.newBuilder(uri("/api/v1/imports"))
                .header("Authorization", basic("focal-kasba-tadla", PASSWORD)).build(), HttpResponse.BodyHandlers.ofString())).get("items");
        assertThat(focal).anySatisfy(upload -> assertThat(upload).containsEntry("fileName", "historique-refuse.csv")
                .containsEntry("username", "focal-kasba-tadla").containsEntry("communeCode", KASBA_TADLA)
                .containsEntry("accepted", 0).containsEntry("setAside", 1).containsEntry("errors", 2).containsEntry("status", "REFUSED"));
        assertThat(focal).anySatisfy(upload -> assertThat(upload).containsEntry("fileName", "historique-bon.csv")
                .containsEntry("accepted", 2).containsEntry("setAside", 0).containsEntry("status", "IMPORTED"));
        assertThat(focal).noneSatisfy(upload -> assertThat(upload.get("fileName")).isEqualTo("historique-azilal.csv"));
        assertThat(focal).allSatisfy(upload -> assertThat(upload.get("kind")).isEqualTo("ACTIVITIES"));

        List<Map<String, Object>> admin = (List<Map<String, Object>>) object(http.send(HttpRequest.newBuilder(uri("/api/v1/imports"))
                .header("Authorization", basic("admin", PASSWORD)).build(), HttpResponse.BodyHandlers.ofString())).get("items");
        assertThat(admin).anySatisfy(upload -> assertThat(upload.get("fileName")).isEqualTo("historique-azilal.csv"));
        assertThat(http.send(HttpRequest.newBuilder(uri("/api/v1/imports")).header("Authorization", basic("gov-azilal", PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void programmeManagersUploadIndhProjectLists() throws Exception {
        String list = "ref,provinceCode,communeCode,programmeNo,titleFr,titleAr,totalCostMad,indhContributionMad\n"
                + "INDH-API-1,05.091,05.091.01.07,3,Maison des jeunes,دار الشباب,500000,300000\n";

        HttpResponse<String> response = upload("enabel", "INDH_PROJECTS", null, "indh.csv", list.getBytes(StandardCharsets.UTF_8), "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(query("SELECT title_ar, origin FROM indh_project WHERE ref = 'INDH-API-1'")).isEqualTo("دار الشباب|upload:enabel");
    }

    @Test
    void theTemplatesComeInFrenchAndArabic() throws Exception {
        HttpResponse<byte[]> arabic = http.send(HttpRequest.newBuilder(uri("/api/v1/imports/templates/ACTIVITIES?lang=ar"))
                .header("Authorization", basic("focal-kasba-tadla", PASSWORD)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(arabic.statusCode()).isEqualTo(200);
        assertThat(arabic.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains("activites-modele-ar.xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(arabic.body()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("المعرف");
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("تعليمات");
        }
    }

    @Test
    void theDemoCommunesWithoutAPortalAndTheIndhListsArrivedAsUploads() throws Exception {
        assertThat(query("SELECT count(DISTINCT commune_code) FROM activity WHERE source_id LIKE 'upload-%' AND item_id NOT LIKE 'upload-test-%'"))
                .isEqualTo("35");
        assertThat(query("SELECT count(*) > 0 FROM indh_project WHERE origin = 'demo'")).isEqualTo("true");
    }

    @Test
    void theUploadPageImportsAFileForTheSignedInCommune() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String loginToken = csrf(browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body());
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=focal-kasba-tadla&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf=" + loginToken)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/imports")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).as("the commune by its name").contains("value=\"Kasba Tadla\"").doesNotContain("INDH_PROJECTS\"");

        String boundary = UUID.randomUUID().toString();
        byte[] body = multipart(boundary, Map.of("kind", "ACTIVITIES", "communeCode", KASBA_TADLA, "_csrf", csrf(page.body())),
                "page.csv", HALF_BAD.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> rejected = browser.send(HttpRequest.newBuilder(uri("/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(rejected.body()).contains("Fichier refusé").contains("« SIGNED »");
        assertThat(rejected.body()).as("the history, the refused file in it").contains("id=\"upload-history\"").contains("page.csv")
                .contains("Refusé");

        String arabicPage = browser.send(HttpRequest.newBuilder(uri("/imports?lang=ar")).build(), HttpResponse.BodyHandlers.ofString()).body();
        byte[] unknownCommune = multipart(boundary, Map.of("kind", "ACTIVITIES", "communeCode", "Atlantide", "_csrf", csrf(arabicPage)),
                "page.csv", CSV.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(uri("/imports?lang=ar"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(unknownCommune)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.body()).as("refused in Arabic, what was typed kept")
                .contains("«Atlantide» ليس اسم ولا رمز جماعة ضمن نطاقك.").contains("value=\"Atlantide\"");
    }

    private HttpResponse<String> upload(String user, String kind, String communeCode, String filename, byte[] content, String query)
            throws IOException, InterruptedException {
        String boundary = UUID.randomUUID().toString();
        Map<String, String> fields = communeCode == null ? Map.of("kind", kind) : Map.of("kind", kind, "communeCode", communeCode);
        return http.send(HttpRequest.newBuilder(uri("/api/v1/imports" + query))
                .header("Authorization", basic(user, PASSWORD))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, filename, content))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] multipart(String boundary, Map<String, String> fields, String filename, byte[] content) {
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(filename).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + content.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(content, 0, body, start.length, content.length);
        System.arraycopy(end, 0, body, start.length + content.length, end.length);
        return body;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> errors(HttpResponse<String> response) {
        return (List<Map<String, Object>>) object(response).get("errors");
    }

    private static String csrf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        return token.group(1);
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getMetaData().getColumnCount() == 1 ? rows.getString(1) : rows.getString(1) + "|" + rows.getString(2);
        }
    }
}
