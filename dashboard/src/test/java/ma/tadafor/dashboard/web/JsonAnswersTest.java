package ma.tadafor.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import tools.jackson.databind.json.JsonMapper;

import ma.tadafor.dashboard.warehouse.MartCache;

class JsonAnswersTest {

    record Figures(String scope, List<Integer> participants) {
    }

    final MartCache cache = new MartCache(10);
    final JsonAnswers answers = new JsonAnswers(cache, JsonMapper.builder().build());
    final Figures large = new Figures("programme", IntStream.range(0, 2000).boxed().toList());

    @Test
    void aKeptAnswerIsSerialisedAndGzippedOnceForEveryCallerThatAcceptsGzip() throws IOException {
        Figures kept = cache.get("q", () -> large);

        ResponseEntity<byte[]> first = answers.of(kept, gzipAccepted());
        ResponseEntity<byte[]> second = answers.of(kept, gzipAccepted());

        assertThat(first.getHeaders().getFirst("Content-Encoding")).isEqualTo("gzip");
        assertThat(second.getBody()).as("the same bytes, not serialised again").isSameAs(first.getBody());
        assertThat(gunzip(first.getBody())).startsWith("{\"scope\":\"programme\",\"participants\":[0,1,2,");
        assertThat(first.getHeaders().getVary()).contains("Accept-Encoding");
    }

    @Test
    void aCallerThatDoesNotAcceptGzipGetsThePlainJson() {
        Figures kept = cache.get("q", () -> large);

        ResponseEntity<byte[]> plain = answers.of(kept, new MockHttpServletRequest());

        assertThat(plain.getHeaders().getFirst("Content-Encoding")).isNull();
        assertThat(new String(plain.getBody(), StandardCharsets.UTF_8)).startsWith("{\"scope\":\"programme\"");
    }

    @Test
    void aSmallAnswerIsNotGzipped() {
        ResponseEntity<byte[]> small = answers.of(new Figures("commune:05.091.01.07", List.of(3)), gzipAccepted());

        assertThat(small.getHeaders().getFirst("Content-Encoding")).isNull();
        assertThat(new String(small.getBody(), StandardCharsets.UTF_8))
                .isEqualTo("{\"scope\":\"commune:05.091.01.07\",\"participants\":[3]}");
    }

    @Test
    void anAnswerNoLongerKeptIsSerialisedOnEachCall() {
        Figures kept = cache.get("q", () -> large);
        byte[] whileKept = answers.of(kept, gzipAccepted()).getBody();

        cache.forget();

        byte[] first = answers.of(kept, gzipAccepted()).getBody();
        byte[] second = answers.of(kept, gzipAccepted()).getBody();
        assertThat(first).isNotSameAs(whileKept).isEqualTo(whileKept);
        assertThat(second).as("nothing kept for an answer the cache forgot").isNotSameAs(first);
    }

    private static MockHttpServletRequest gzipAccepted() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Encoding", "gzip, deflate, br");
        return request;
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
