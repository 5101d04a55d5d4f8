package ma.tadafor.ingestion.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import ma.tadafor.data.ingestion.Source;
import ma.tadafor.ingestion.feed.FeedJson;
import ma.tadafor.ingestion.feed.FeedPage;
import ma.tadafor.ingestion.feed.MalformedPageException;

/**
 * Pulls pages of a commune portal's activity feed (PORTAL_FEED.md). Transient failures
 * (timeouts, resets, 5xx, a 200 whose body is not a page) are retried with exponential backoff;
 * 429 waits for {@code Retry-After}; 401, 403 and 404 stop the source at once.
 */
public final class PortalFeedClient {

    static final String FEED_PATH = "/api/participation/v1/activities";

    private static final int HEAD_BYTES = 1024;

    private static final Logger log = LoggerFactory.getLogger(PortalFeedClient.class);

    private final RestClient http;
    private final FeedJson feedJson;
    private final PortalClientSettings settings;
    private final Pause pause;

    public PortalFeedClient(FeedJson feedJson, PortalClientSettings settings, Pause pause) {
        // Portals speak HTTP/1.1; asking every request for an h2c upgrade only costs bytes and time.
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(client);
        requestFactory.setReadTimeout(settings.readTimeout());
        this.http = RestClient.builder().requestFactory(requestFactory).build();
        this.feedJson = feedJson;
        this.settings = settings;
        this.pause = pause;
    }

    /** The page after {@code pageToken} (or the first page when null) of items updated since {@code updatedSince}. */
    public FeedPage fetch(Source source, Instant updatedSince, String pageToken) {
        URI uri = pageUri(source, updatedSince, pageToken);
        int transientFailures = 0;
        int throttled = 0;
        Duration backoff = settings.initialBackoff();
        while (true) {
            Answer answer = get(source, uri);
            switch (answer.kind()) {
                case PAGE -> {
                    return answer.page();
                }
                case REJECTED -> throw new SourceRejectedException(answer.problem());
                case THROTTLED -> {
                    if (++throttled > settings.maxThrottledRetries()) {
                        throw new SourceUnavailableException(source.id() + ": still throttled (429) after "
                                + settings.maxThrottledRetries() + " waits", null);
                    }
                    log.info("{}: throttled, waiting {} as asked", source.id(), answer.retryAfter());
                    sleep(answer.retryAfter());
                }
                case TRANSIENT -> {
                    if (++transientFailures >= settings.maxAttempts()) {
                        throw new SourceUnavailableException(source.id() + ": " + answer.problem() + " (gave up after "
                                + transientFailures + " attempts)", answer.cause());
                    }
                    log.info("{}: {}; retrying in {}", source.id(), answer.problem(), backoff);
                    sleep(backoff);
                    backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
                }
            }
        }
    }

    private Answer get(Source source, URI uri) {
        long start = System.nanoTime();
        try {
            return http.get().uri(uri)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + source.token())
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 200) {
                            try {
                                return Answer.page(feedJson.readPage(readBody(response.getBody())));
                            } catch (MalformedPageException e) {
                                return Answer.transientFailure("the answer is not a feed page: " + e.getMessage(), e);
                            }
                        }
                        if (status == 401 || status == 403) {
                            return Answer.rejected("the portal refused the token (" + status + "): check or renew it");
                        }
                        if (status == 404) {
                            return Answer.rejected("the portal has no feed at " + uri.getScheme() + "://" + uri.getAuthority()
                                    + uri.getPath() + " (404): check the base URL");
                        }
                        if (status == 429) {
                            return Answer.throttled(retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
                        }
                        if (status >= 500) {
                            return Answer.transientFailure("the portal answered " + status, null);
                        }
                        return Answer.rejected("the portal answered " + status + " to a feed request");
                    }, false);
        } catch (ResourceAccessException | UncheckedIOException e) {
            // A read timeout surfaces as a cancelled request: say what it was.
            boolean timedOut = System.nanoTime() - start >= settings.readTimeout().toNanos();
            return Answer.transientFailure(timedOut ? "no answer within the read timeout (" + settings.readTimeout().toMillis()
                    + " ms)" : "no answer: " + e.getMessage(), e);
        }
    }

    /**
     * A page is a JSON object: an answer that does not open like one is refused after its first
     * kilobyte, so a portal sending megabytes of garbage costs neither the memory nor the time to
     * read them all; any other answer is read up to the size limit.
     */
    private String readBody(InputStream body) throws IOException {
        long limit = Math.min(Integer.MAX_VALUE - 8, settings.maxPageBytes() + 1);
        byte[] head = body.readNBytes((int) Math.min(HEAD_BYTES, limit));
        String opening = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (!opening.isEmpty() && opening.charAt(0) != '{') {
            String start = opening.substring(0, Math.min(60, opening.length())).replaceAll("\\s+", " ");
            boolean binary = start.chars().anyMatch(c -> c == '\uFFFD' || Character.isISOControl(c));
            throw new MalformedPageException("the answer is not a JSON object; it starts with "
                    + (binary ? "binary data" : "\"" + start + "\""));
        }
        byte[] rest = body.readNBytes((int) (limit - head.length));
        if (head.length + rest.length > settings.maxPageBytes()) {
            throw new MalformedPageException("the answer is larger than " + settings.maxPageBytes() + " bytes");
        }
        byte[] bytes = new byte[head.length + rest.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(rest, 0, bytes, head.length, rest.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Query values are form-encoded in full: an opaque page token may hold '+', which a server reads as a space. */
    private URI pageUri(Source source, Instant updatedSince, String pageToken) {
        StringBuilder uri = new StringBuilder(stripTrailingSlash(source.baseUrl())).append(FEED_PATH)
                .append("?pageSize=").append(settings.pageSize());
        if (updatedSince != null) {
            uri.append("&updatedSince=").append(URLEncoder.encode(updatedSince.toString(), StandardCharsets.UTF_8));
        }
        if (pageToken != null) {
            uri.append("&pageToken=").append(URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
        }
        return URI.create(uri.toString());
    }

    /** {@code Retry-After} is seconds or an HTTP date; absent or unreadable means one backoff step. */
    private Duration retryAfter(String header) {
        Duration wait = settings.initialBackoff();
        if (header != null) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(header.strip()));
            } catch (NumberFormatException notSeconds) {
                try {
                    wait = Duration.between(Instant.now(),
                            ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                } catch (DateTimeParseException unreadable) {
                    log.debug("Unreadable Retry-After {}", header);
                }
            }
        }
        return wait.isNegative() ? Duration.ZERO : min(wait, settings.maxRetryAfter());
    }

    private void sleep(Duration duration) {
        try {
            pause.pause(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while waiting to retry", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private record Answer(Kind kind, FeedPage page, String problem, Duration retryAfter, Throwable cause) {

        enum Kind { PAGE, REJECTED, THROTTLED, TRANSIENT }

        static Answer page(FeedPage page) {
            return new Answer(Kind.PAGE, page, null, null, null);
        }

        static Answer rejected(String problem) {
            return new Answer(Kind.REJECTED, null, problem, null, null);
        }

        static Answer throttled(Duration retryAfter) {
            return new Answer(Kind.THROTTLED, null, "throttled", retryAfter, null);
        }

        static Answer transientFailure(String problem, Throwable cause) {
            return new Answer(Kind.TRANSIENT, null, problem, null, cause);
        }
    }
}
