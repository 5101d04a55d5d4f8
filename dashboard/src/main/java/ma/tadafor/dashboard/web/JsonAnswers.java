package ma.tadafor.dashboard.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import ma.tadafor.dashboard.warehouse.MartCache;

/**
 * Writes the data behind pages and the API as JSON. An answer the {@link MartCache} keeps is
 * serialised and gzipped once, when first asked for, and its bytes sent as they are until the
 * marts change: on a busy committee morning the same few answers are asked for again and again,
 * and serialising and compressing them was most of what a request cost.
 */
@Component
public class JsonAnswers {

    /** Below this, gzip saves less than it costs (the server's own compression threshold). */
    private static final int GZIP_FROM_BYTES = 2048;

    private final MartCache cache;
    private final JsonMapper json;

    JsonAnswers(MartCache cache, JsonMapper json) {
        this.cache = cache;
        this.json = json;
    }

    private record Forms(byte[] json, byte[] gzip) {
    }

    public ResponseEntity<byte[]> of(Object answer, HttpServletRequest request) {
        Forms forms = cache.derived(answer, this::forms);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (forms.gzip() != null && acceptsGzip(request)) {
            // Already compressed: the server sees the header and leaves the body alone.
            return response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(forms.gzip());
        }
        return response.body(forms.json());
    }

    private Forms forms(Object answer) {
        byte[] bytes = json.writeValueAsBytes(answer);
        return new Forms(bytes, bytes.length < GZIP_FROM_BYTES ? null : gzip(bytes));
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
