package ma.tadafor.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ma.tadafor.dashboard.DemoApplicationTest;

/** Pages say words, not codes, in both languages: who is signed in and the semesters. */
class WordsNotCodesTest extends DemoApplicationTest {

    private static final Pattern SEMESTER_OPTION = Pattern.compile("<option[^>]*value=\"\\d{4}S[12]\"[^>]*>([^<]*)</option>");

    @Test
    void theSignedInUserIsNamedByRoleAndPlaceInArabicNeverByCodeOrFrenchText() throws Exception {
        HttpClient governor = signedIn("gov-beni-mellal");

        String arabic = page(governor, "/?lang=ar");
        assertThat(arabic).contains("متصل بصفتك العامل — بني ملال.").doesNotContain("GOVERNOR").doesNotContain("Gouverneur de la province");
        String french = page(governor, "/?lang=fr");
        assertThat(french).contains("Connecté en tant que Gouverneur de la province de Béni Mellal (").doesNotContain("(GOVERNOR)");
        assertThat(page(signedIn("enabel"), "/?lang=ar")).contains("متصل بصفتك فريق البرنامج.");
    }

    @Test
    void theSemesterPickerWritesSemestersInWords() throws Exception {
        HttpClient manager = signedIn("enabel");
        for (String language : new String[] {"fr", "ar"}) {
            Matcher options = SEMESTER_OPTION.matcher(page(manager, "/results?lang=" + language));
            int seen = 0;
            while (options.find()) {
                seen++;
                assertThat(options.group(1)).as(language).doesNotContainPattern("\\d{4}S[12]")
                        .matches(language.equals("fr") ? "(1er|2e) semestre \\d{4}" : "الأسدس (الأول|الثاني) \u2068\\d{4}\u2069");
            }
            assertThat(seen).as("semesters offered in " + language).isPositive();
        }
    }

    private String page(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpClient signedIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(token.find()).isTrue();
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        return browser;
    }
}
