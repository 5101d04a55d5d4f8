package ma.tadafor.dashboard.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import ma.tadafor.dashboard.DemoApplicationTest;

/**
 * A programme manager sets the programme up through its page, as a browser would (session cookie,
 * CSRF tokens): targets, baselines and member communes one at a time, or from the workbook.
 */
class ProgrammeSetupPagesTest extends DemoApplicationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    private DataSource warehouse;

    @Test
    void theFormsChangeATargetABaselineAndTheMembershipAndEachChangeIsAudited() throws Exception {
        Browser manager = new Browser("enabel");
        assertThat(manager.get("/").body()).contains("href=\"/programme\"");
        assertThat(manager.get("/programme").body()).contains("Mise en place du programme", "Communes du programme")
                .as("the members' provinces by name").contains("<td>Béni Mellal</td>").doesNotContain("<td>05.091</td>");

        HttpResponse<String> target = manager.post("/programme/targets", Map.of("indicator", "R2.1",
                "scope", "province:05.091", "semester", "2030S1", "target", "17,5"));
        assertThat(target.statusCode()).isEqualTo(302);
        assertThat(query("SELECT target || '|' || is_demo FROM indicator_target WHERE indicator_code = 'R2.1' "
                + "AND scope = 'province:05.091' AND semester = '2030S1'")).isEqualTo("17.5|false");
        assertThat(manager.get("/programme?scope=province:05.091").body()).contains("2030S1", "17.5");

        String baseline = query("SELECT baseline FROM indicator WHERE code = 'R1.1'");
        manager.post("/programme/baselines", Map.of("indicator", "R1.1", "baseline", "3,25"));
        assertThat(query("SELECT baseline || '|' || is_demo FROM indicator WHERE code = 'R1.1'")).isEqualTo("3.25|false");
        manager.post("/programme/baselines", Map.of("indicator", "R1.1", "baseline", baseline));

        List<String> outsider = communeOutsideTheProgramme(0);
        manager.post("/programme/communes", Map.of("commune", outsider.get(1), "cohort", "extension", "joined", "15/09/2024"));
        assertThat(query("SELECT cohort || '|' || joined_on FROM programme_commune WHERE commune_code = '" + outsider.get(0) + "'"))
                .isEqualTo("extension|2024-09-15");
        assertThat(manager.get("/programme").body()).contains(outsider.get(0));
        manager.post("/programme/communes/" + outsider.get(0) + "/remove", Map.of());
        assertThat(query("SELECT count(*) FROM programme_commune WHERE commune_code = '" + outsider.get(0) + "'")).isEqualTo("0");

        assertThat(query("SELECT count(*) FROM audit_event WHERE username = 'enabel' AND action = 'TARGET_SET' "
                + "AND target = 'R2.1' AND detail = 'province:05.091 2030S1 = 17.5'")).isEqualTo("1");
        assertThat(query("SELECT count(*) FROM audit_event WHERE username = 'enabel' AND action = 'BASELINE_SET' "
                + "AND target = 'R1.1' AND detail = '3.25'")).isEqualTo("1");
        assertThat(query("SELECT string_agg(action, ',' ORDER BY id) FROM audit_event WHERE username = 'enabel' "
                + "AND target = '" + outsider.get(0) + "'")).isEqualTo("MEMBERSHIP_SET,MEMBERSHIP_REMOVED");
    }

    @Test
    void aWrongFieldComesBackNextToItInTheUsersLanguageAndNothingIsWritten() throws Exception {
        Browser manager = new Browser("enabel");
        HttpResponse<String> french = manager.post("/programme/targets", Map.of("indicator", "R2.1", "scope", "programme",
                "semester", "2025S3", "target", "4"));
        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(fieldError(french.body(), "semester")).isEqualTo("« 2025S3 » n&#39;est pas un semestre tel que 2024S1.");
        assertThat(query("SELECT count(*) FROM indicator_target WHERE semester = '2025S3'")).isEqualTo("0");

        HttpResponse<String> impossibleDate = manager.post("/programme/communes", Map.of("commune",
                communeOutsideTheProgramme(1).get(0), "cohort", "pilot", "joined", "31/02/2025"));
        assertThat(fieldError(impossibleDate.body(), "joined")).startsWith("« 31/02/2025 » n&#39;est pas une date qui existe");
        assertThat(query("SELECT count(*) FROM programme_commune WHERE joined_on = DATE '2025-02-28'")).isEqualTo("0");

        manager.get("/programme?lang=ar");
        HttpResponse<String> arabic = manager.post("/programme/targets", Map.of("indicator", "R2.1", "scope", "programme",
                "semester", "2025S1", "target", "-2"));
        assertThat(arabic.body()).contains("dir=\"rtl\"");
        assertThat(fieldError(arabic.body(), "target")).isEqualTo("«-2» ليس عددا موجبا أو صفرا.");
        assertThat(fieldError(manager.post("/programme/baselines", Map.of("indicator", "R2.1", "baseline", "")).body(),
                "baseline")).isEqualTo("قيمة إلزامية.");
    }

    @ParameterizedTest
    @CsvSource({"dgct", "gov-beni-mellal", "focal-kasba-tadla"})
    void otherRolesAreRefused(String user) throws Exception {
        Browser other = new Browser(user);
        assertThat(other.get("/").body()).doesNotContain("href=\"/programme\"");
        assertThat(other.get("/programme").statusCode()).isEqualTo(403);
        assertThat(other.get("/programme/template").statusCode()).isEqualTo(403);
        String token = other.csrf("/account");
        assertThat(other.post("/programme/targets", Map.of("indicator", "R2.1", "scope", "programme", "semester", "2031S1",
                "target", "1", "_csrf", token), null).statusCode()).isEqualTo(403);
        assertThat(other.upload("/programme/import", "cadre.xlsx", new byte[] {1}, token).statusCode()).isEqualTo(403);
        assertThat(query("SELECT count(*) FROM indicator_target WHERE semester = '2031S1'")).isEqualTo("0");
    }

    @Test
    void anAdministratorSetsUpTheProgrammeToo() throws Exception {
        Browser admin = new Browser("admin");
        assertThat(admin.get("/programme").statusCode()).isEqualTo(200);
        assertThat(admin.post("/programme/targets", Map.of("indicator", "R2.1", "scope", "province:05.091",
                "semester", "2032S1", "target", "8")).statusCode()).isEqualTo(302);
        assertThat(query("SELECT count(*) FROM audit_event WHERE username = 'admin' AND action = 'TARGET_SET' "
                + "AND detail = 'province:05.091 2032S1 = 8.0'")).isEqualTo("1");
    }

    @Test
    void theTemplateFilledInAsAClerkWouldIsImportedAndAudited() throws Exception {
        Browser manager = new Browser("enabel");
        HttpResponse<byte[]> template = manager.bytes("/programme/template");
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Disposition").orElseThrow()).contains("programme-modele-fr.xlsx");
        List<String> commune = communeOutsideTheProgramme(2);
        String baseline = query("SELECT baseline FROM indicator WHERE code = 'R2.2'");

        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            assertThat(workbook.getSheet("Cibles").getRow(0).getCell(2).getStringCellValue()).isEqualTo("Semestre");
            assertThat(workbook.getSheet("Instructions")).isNotNull();
            Sheet targets = workbook.getSheet("Cibles");
            fill(targets.createRow(1), "r2.2", "Province 05.091", "2033s1", "12,5");
            fill(targets.createRow(2), "R2.2", "الإقليم 05.091", "2033S2");
            targets.getRow(2).createCell(3).setCellValue(40);
            fill(workbook.getSheet("Valeurs de référence").createRow(1), "R2.2", "4");
            Row member = workbook.getSheet("Communes").createRow(1);
            fill(member, commune.get(2), "Pilote");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            member.createCell(2).setCellValue(LocalDate.of(2024, 3, 1));
            member.getCell(2).setCellStyle(date);
            workbook.write(bytes);
            filled = bytes.toByteArray();
        }

        HttpResponse<String> imported = manager.upload("/programme/import", "cadre 2033.xlsx", filled, manager.csrf("/programme"));
        assertThat(imported.statusCode()).isEqualTo(302);
        assertThat(manager.get("/programme").body()).contains("Classeur importé : 2 cible(s), 1 valeur(s) de référence, 1 commune(s).");
        assertThat(query("SELECT string_agg(scope || ' ' || semester || ' ' || target || ' ' || is_demo, ',' ORDER BY semester) "
                + "FROM indicator_target WHERE indicator_code = 'R2.2' AND semester LIKE '2033%'"))
                .isEqualTo("province:05.091 2033S1 12.5 false,province:05.091 2033S2 40.0 false");
        assertThat(query("SELECT baseline FROM indicator WHERE code = 'R2.2'")).isEqualTo("4.0");
        assertThat(query("SELECT cohort || '|' || joined_on FROM programme_commune WHERE commune_code = '" + commune.get(0) + "'"))
                .isEqualTo("pilot|2024-03-01");
        assertThat(query("SELECT username || '|' || detail FROM audit_event WHERE action = 'FRAMEWORK_IMPORTED' "
                + "AND detail LIKE 'cadre 2033.xlsx%'")).isEqualTo("enabel|cadre 2033.xlsx: 2 targets, 1 baselines, 1 communes");
        // as the other tests of the demo found them
        manager.post("/programme/communes/" + commune.get(0) + "/remove", Map.of());
        manager.post("/programme/baselines", Map.of("indicator", "R2.2", "baseline", baseline));
    }

    @Test
    void aWorkbookWithErrorsWritesNothingAndNamesEveryWrongCell() throws Exception {
        Browser manager = new Browser("enabel");
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet targets = workbook.createSheet("Cibles");
            fill(targets.createRow(0), "Indicateur", "Périmètre", "Semestre", "Cible");
            fill(targets.createRow(1), "R2.3", "programme", "2034S1", "5");
            fill(targets.createRow(2), "R2.3", "programme", "2025S3", "7");
            fill(targets.createRow(3), "R9.9", "province:99.999", "2034S1", "-1");
            fill(targets.createRow(4), "R2.3", "programme", "2034S1", "6");
            Sheet baselines = workbook.createSheet("Valeurs de référence");
            fill(baselines.createRow(0), "Indicateur", "Valeur de référence");
            fill(baselines.createRow(1), "R2.3", "beaucoup");
            Sheet communes = workbook.createSheet("Communes");
            fill(communes.createRow(0), "Commune", "Cohorte", "Date d'adhésion");
            fill(communes.createRow(1), "Nulle-Part-Sur-Mer", "vip", "31/02/2025");
            fill(communes.createRow(2), communeOutsideTheProgramme(3).get(0), "extension", "");
            workbook.createSheet("Notes");
            workbook.write(bytes);
            file = bytes.toByteArray();
        }

        HttpResponse<String> refused = manager.upload("/programme/import", "erreurs.xlsx", file, manager.csrf("/programme"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(problems(refused.body())).containsExactly(
                "Notes|Feuille inconnue « Notes » : Cibles, Valeurs de référence ou Communes.",
                "Cibles!C3|« 2025S3 » n&#39;est pas un semestre tel que 2024S1.",
                "Cibles!A4|« R9.9 » n&#39;est pas le code d&#39;un indicateur du cadre de résultats.",
                "Cibles!B4|« province:99.999 » n&#39;est pas un périmètre : programme, région 05 ou province 05.091.",
                "Cibles!D4|« -1 » n&#39;est pas un nombre positif ou nul.",
                "Cibles!C5|Déjà donné à la ligne 2.",
                "&#39;Valeurs de référence&#39;!B2|« beaucoup » n&#39;est pas un nombre.",
                "Communes!A2|« Nulle-Part-Sur-Mer » n&#39;est ni un code ni un nom de commune.",
                "Communes!B2|« vip » n&#39;est pas une cohorte : pilote ou extension.",
                "Communes!C2|« 31/02/2025 » n&#39;est pas une date qui existe (JJ/MM/AAAA, AAAA-MM-JJ ou AAAA-MM).",
                "Communes!C3|Valeur obligatoire.");
        assertThat(query("SELECT count(*) FROM indicator_target WHERE semester = '2034S1'")).as("the valid row neither").isEqualTo("0");
        assertThat(query("SELECT count(*) FROM audit_event WHERE action = 'FRAMEWORK_IMPORT_REJECTED' "
                + "AND detail = 'erreurs.xlsx: 11 error(s)'")).isEqualTo("1");
    }

    private static void fill(Row row, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            row.createCell(i).setCellValue(texts[i]);
        }
    }

    /** The text shown next to a form field (the first such field on the page). */
    private static String fieldError(String page, String field) {
        Matcher error = Pattern.compile("name=\"" + field + "\"[^>]*>\\s*(?:</?[a-z]+[^>]*>\\s*)*?<span class=\"alert\">([^<]*)</span>")
                .matcher(page);
        assertThat(error.find()).as("an error next to " + field).isTrue();
        return error.group(1);
    }

    /** The refused workbook's table: "cell|message" per row. */
    private static List<String> problems(String page) {
        Matcher row = Pattern.compile("<td dir=\"ltr\">([^<]*)</td>\\s*<td>[^<]*</td>\\s*<td>([^<]*)</td>").matcher(page);
        return row.results().map(match -> match.group(1) + "|" + match.group(2)).toList();
    }

    /** A commune outside the programme whose names no other commune shares: code, French name, Arabic name. */
    private List<String> communeOutsideTheProgramme(int which) throws SQLException {
        String row = query("""
                SELECT code || '|' || name_fr || '|' || name_ar FROM commune c
                WHERE code NOT IN (SELECT commune_code FROM programme_commune)
                  AND (SELECT count(*) FROM commune d WHERE lower(strip_accents(d.name_fr)) = lower(strip_accents(c.name_fr))) = 1
                  AND (SELECT count(*) FROM commune d WHERE d.name_ar = c.name_ar) = 1
                  AND code NOT LIKE '05.091.01.13'
                ORDER BY code LIMIT 1 OFFSET %d""".formatted(which * 7));
        return List.of(row.split("\\|"));
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** A browser as far as the server can tell: a cookie session, the login form, CSRF tokens read from pages. */
    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Browser(String username) throws IOException, InterruptedException {
            post("/login", Map.of("username", username, "password", PASSWORD), "/login");
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        String csrf(String page) throws IOException, InterruptedException {
            Matcher token = CSRF.matcher(get(page).body());
            assertThat(token.find()).as(page + " has a CSRF token").isTrue();
            return token.group(1);
        }

        /** Posts a form with the set-up page's CSRF token. */
        HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            return post(path, fields, "/programme");
        }

        HttpResponse<String> post(String path, Map<String, String> fields, String csrfFrom) throws IOException, InterruptedException {
            String body = fields.entrySet().stream().map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                    .collect(Collectors.joining("&"));
            if (csrfFrom != null) {
                body += "&_csrf=" + encode(csrf(csrfFrom));
            }
            return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> upload(String path, String filename, byte[] content, String csrf) throws IOException, InterruptedException {
            String boundary = UUID.randomUUID().toString();
            byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(start);
            body.writeBytes(content);
            body.writeBytes(end);
            return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
