package ma.tadafor.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import ma.tadafor.dashboard.DemoApplicationTest;

/** Answers gzipped once by the application reach the client compressed once, and read back intact. */
class CompressedAnswersTest extends DemoApplicationTest {

    static final String CALL = "/api/v1/participation?groupBy=commune,semester";

    @Test
    void anApiAnswerIsTheSameJsonGzippedOrNot() throws Exception {
        awaitMarts();
        HttpResponse<byte[]> first = gzipped(CALL);
        HttpResponse<byte[]> second = gzipped(CALL);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().allValues("Content-Encoding")).containsExactly("gzip");
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(json.readTree(gunzip(first.body()))).as("not compressed twice")
                .isEqualTo(json.readTree(get(CALL, "dgct").body()));
        assertThat(second.body()).isEqualTo(first.body());
    }

    private HttpResponse<byte[]> gzipped(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic("dgct", PASSWORD))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
