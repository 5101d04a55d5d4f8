package ma.tadafor.ingestion.decidim;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import ma.tadafor.data.ingestion.Source;
import ma.tadafor.ingestion.portal.Pause;
import ma.tadafor.ingestion.portal.SourceRejectedException;
import ma.tadafor.ingestion.portal.SourceUnavailableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts GraphQL queries to a Decidim instance's {@code /api}, within its rate limit (one limiter
 * per instance), with the portal feed's failure policy: 429 waits {@code Retry-After}, timeouts and
 * 5xx are retried with backoff, 401/403/404 and GraphQL errors stop the source.
 */
public final class DecidimClient {

    private static final Logger log = LoggerFactory.getLogger(DecidimClient.class);

    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final DecidimSettings settings;
    private final Pause pause;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    public DecidimClient(DecidimSettings settings, Pause pause) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(client);
        requestFactory.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().requestFactory(requestFactory).build();
        this.settings = settings;
        this.pause = pause;
    }

    public DecidimSettings settings() {
        return settings;
    }

    /** The query's {@code data}. */
    public JsonNode query(Source source, String query, Map<String, Object> variables) {
        ObjectNode body = json.createObjectNode();
        body.put("query", query);
        body.set("variables", json.valueToTree(variables));
        String payload = json.writeValueAsString(body);
        URI uri = URI.create(source.baseUrl().replaceAll("/+$", "") + "/api");
        RateLimiter limiter = limiters.computeIfAbsent(uri.getAuthority(),
                authority -> new RateLimiter(settings.requestsPerMinute(), System::nanoTime, pause));
        Duration backoff = settings.initialBackoff();
        int attempts = 0;
        int throttled = 0;
        while (true) {
            wait(limiter);
            Answer answer = post(source, uri, payload);
            if (answer.data != null) {
                return answer.data;
            }
            if (answer.retryAfter != null) {
                if (++throttled > 10) {
                    throw new SourceUnavailableException(source.id() + ": still throttled (429) after 10 waits", null);
                }
                log.info("{}: throttled by Decidim, waiting {}", source.id(), answer.retryAfter);
                sleep(answer.retryAfter);
            } else {
                if (++attempts >= settings.maxAttempts()) {
                    throw new SourceUnavailableException(source.id() + ": " + answer.problem + " (gave up after " + attempts + " attempts)", null);
                }
                log.info("{}: {}; retrying in {}", source.id(), answer.problem, backoff);
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private Answer post(Source source, URI uri, String payload) {
        try {
            RestClient.RequestBodySpec request = http.post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON);
            if (source.token() != null && !source.token().isBlank()) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + source.token());
            }
            return request.body(payload).exchange((req, response) -> {
                int status = response.getStatusCode().value();
                if (status == 401 || status == 403) {
                    throw new SourceRejectedException("Decidim refused the credentials (" + status + "): check the token");
                }
                if (status == 404) {
                    throw new SourceRejectedException("no Decidim API at " + uri + " (404): check the base URL");
                }
                if (status == 429) {
                    return Answer.throttled(retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
                }
                if (status != 200) {
                    return Answer.failed("Decidim answered " + status);
                }
                JsonNode root;
                try {
                    root = json.readTree(response.getBody());
                } catch (JacksonException e) {
                    return Answer.failed("the answer is not JSON");
                }
                if (root.path("errors").isArray() && !root.path("errors").isEmpty()) {
                    // A query the instance does not understand will not improve by retrying.
                    throw new SourceRejectedException("Decidim refused the query: " + root.path("errors").get(0).path("message").asString(""));
                }
                return root.path("data").isObject() ? Answer.ok(root.path("data")) : Answer.failed("the answer has no data");
            }, false);
        } catch (ResourceAccessException | UncheckedIOException e) {
            return Answer.failed("no answer: " + e.getMessage());
        }
    }

    private Duration retryAfter(String header) {
        try {
            Duration wait = header == null ? settings.initialBackoff() : Duration.ofSeconds(Long.parseLong(header.strip()));
            return wait.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : wait;
        } catch (NumberFormatException e) {
            return settings.initialBackoff();
        }
    }

    private void wait(RateLimiter limiter) {
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while waiting for the rate limit", e);
        }
    }

    private void sleep(Duration duration) {
        try {
            pause.pause(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while waiting to retry", e);
        }
    }

    private record Answer(JsonNode data, Duration retryAfter, String problem) {
        static Answer ok(JsonNode data) {
            return new Answer(data, null, null);
        }

        static Answer throttled(Duration retryAfter) {
            return new Answer(null, retryAfter, null);
        }

        static Answer failed(String problem) {
            return new Answer(null, null, problem);
        }
    }
}
