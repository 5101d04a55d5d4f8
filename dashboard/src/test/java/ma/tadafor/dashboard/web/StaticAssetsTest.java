package ma.tadafor.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ma.tadafor.dashboard.DemoApplicationTest;

/** A returning user's browser fetches no script or style again: long-lived caching, content-hashed URLs, gzip. */
class StaticAssetsTest extends DemoApplicationTest {

    @Test
    void stylesAreLinkedByContentHashAndCachedForAYear() throws Exception {
        Matcher style = Pattern.compile("href=\"(/css/app-[0-9a-f]{32}\\.css)\"").matcher(anonymous("/login").body());
        assertThat(style.find()).as("the login page links its style by content hash").isTrue();

        HttpResponse<byte[]> answer = gzipped(style.group(1));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public");
        assertThat(answer.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    @Test
    void theChartLibraryIsCachedForAYearAndSentCompressed() throws Exception {
        HttpResponse<byte[]> answer = gzipped("/webjars/echarts/5.5.0/echarts.min.js");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public");
        assertThat(answer.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(answer.body().length).as("ECharts gzipped").isLessThan(500_000);
    }

    @Test
    void pagesThemselvesAreNotCached() throws Exception {
        assertThat(anonymous("/login").headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
    }

    private HttpResponse<byte[]> gzipped(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
