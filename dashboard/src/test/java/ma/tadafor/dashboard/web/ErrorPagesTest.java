package ma.tadafor.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ma.tadafor.dashboard.DemoApplicationTest;

/**
 * What a browser gets when a page refuses: the error page in the reader's language, never JSON
 * or Spring's whitelabel page, for each refusal a page can meet (400, 403, 404, 405), and for a
 * failure (500: the error page as Spring Boot's error controller renders it for one), and an
 * upload past the multipart limit (413).
 */
class ErrorPagesTest extends DemoApplicationTest {

    /** The status, then the page's heading in French and in Arabic. */
    private static final Map<Integer, List<String>> HEADINGS = Map.of(
            400, List.of("Demande incorrecte", "طلب غير صحيح"),
            403, List.of("Accès refusé", "الولوج مرفوض"),
            404, List.of("Page introuvable", "الصفحة غير موجودة"),
            405, List.of("Action non permise", "إجراء غير مسموح به"),
            413, List.of("Fichier trop volumineux", "الملف كبير جدا"),
            500, List.of("Une erreur est survenue", "وقع خطأ"));

    @Test
    void eachRefusalOfAPageIsTheErrorPageInTheReadersLanguage() throws Exception {
        HttpClient governor = signedIn("gov-beni-mellal");
        HttpClient focal = signedIn("focal-kasba-tadla");
        for (String language : List.of("fr", "ar")) {
            int index = language.equals("fr") ? 0 : 1;
            String lang = "lang=" + language;
            expectErrorPage(governor.send(page("/admin/users?" + lang).build(), HttpResponse.BodyHandlers.ofString()), 403, index);
            expectErrorPage(governor.send(page("/no-such-page?" + lang).build(), HttpResponse.BodyHandlers.ofString()), 404, index);
            expectErrorPage(focal.send(page("/imports/templates/PHOTOS?" + lang).build(), HttpResponse.BodyHandlers.ofString()), 400, index);
            String token = csrf(focal.send(page("/imports?" + lang).build(), HttpResponse.BodyHandlers.ofString()).body());
            expectErrorPage(focal.send(page("/imports/templates/ACTIVITIES?" + lang).header("X-CSRF-TOKEN", token)
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString()), 405, index);
            expectErrorPage(focal.send(page("/error?" + lang).build(), HttpResponse.BodyHandlers.ofString()), 500, index);
        }
    }

    @Test
    void anUploadPastTheMultipartLimitIsTheErrorPage413() throws Exception {
        HttpClient focal = signedIn("focal-kasba-tadla");
        for (String language : List.of("fr", "ar")) {
            String token = csrf(focal.send(page("/imports?lang=" + language).build(), HttpResponse.BodyHandlers.ofString()).body());
            String boundary = "bound-" + System.nanoTime();
            // A file one byte past spring.servlet.multipart.max-file-size, as a client that skips the page's own check sends it.
            HttpResponse<String> refused = focal.send(page("/imports?lang=" + language)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(upload(boundary, token, 20 * 1024 * 1024 + 1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            expectErrorPage(refused, 413, language.equals("fr") ? 0 : 1);
        }
    }

    /** A page's upload form as a browser sends it, with a file of {@code size} bytes. */
    private static byte[] upload(String boundary, String token, int size) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nACTIVITIES\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + size + end.length];
        System.arraycopy(head, 0, body, 0, head.length);
        Arrays.fill(body, head.length, head.length + size, (byte) 'a');
        System.arraycopy(end, 0, body, head.length + size, end.length);
        return body;
    }

    private static void expectErrorPage(HttpResponse<String> response, int status, int language) {
        String view = status + " in " + (language == 0 ? "French" : "Arabic") + ": " + response.uri() + " answered "
                + response.statusCode() + " " + response.headers().map() + " " + response.body().length() + " characters";
        assertThat(response.statusCode()).as(view).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(view).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).as(view).contains("<h1>" + HEADINGS.get(status).get(language) + "</h1>")
                .doesNotContain("Whitelabel").doesNotContain("\"status\"");
        assertThat(response.body()).as(view).contains(language == 0 ? "lang=\"fr\"" : "dir=\"rtl\"");
    }

    private HttpRequest.Builder page(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml");
    }

    private HttpClient signedIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = csrf(browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body());
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        return browser;
    }

    private static String csrf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        return token.group(1);
    }
}
