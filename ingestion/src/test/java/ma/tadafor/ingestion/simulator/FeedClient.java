package ma.tadafor.ingestion.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ma.tadafor.ingestion.feed.FeedEntry;
import ma.tadafor.ingestion.feed.FeedJson;
import ma.tadafor.ingestion.feed.FeedPage;

/** A plain client of the simulator's feeds over real HTTP, reading pages with the connector's {@link FeedJson}. */
final class FeedClient {

    static final String FEED_PATH = "/api/participation/v1/activities";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final FeedJson feedJson = new FeedJson();
    private final PortalSimulator simulator;

    FeedClient(PortalSimulator simulator) {
        this.simulator = simulator;
    }

    /** GET the commune's feed with its token and this query (without '?'). */
    HttpResponse<String> get(String communeCode, String query) throws IOException, InterruptedException {
        return fetch(simulator.baseUrl(communeCode) + FEED_PATH + (query.isEmpty() ? "" : "?" + query),
                "Bearer " + simulator.token(communeCode));
    }

    /** @param authorization the header's value, or null for none */
    HttpResponse<String> fetch(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    FeedPage page(String communeCode, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = get(communeCode, query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return feedJson.readPage(response.body());
    }

    /** Every page from the first, following the page tokens; {@code updatedSince} may be null. */
    List<FeedPage> pages(String communeCode, Instant updatedSince, int pageSize) throws IOException, InterruptedException {
        String query = "pageSize=" + pageSize + (updatedSince == null ? "" : "&updatedSince=" + updatedSince);
        List<FeedPage> pages = new ArrayList<>();
        FeedPage page = page(communeCode, query);
        pages.add(page);
        while (page.nextPageToken() != null) {
            String token = URLEncoder.encode(page.nextPageToken(), StandardCharsets.UTF_8);
            page = page(communeCode, query + "&pageToken=" + token);
            pages.add(page);
        }
        return pages;
    }

    List<FeedEntry> pull(String communeCode, Instant updatedSince, int pageSize) throws IOException, InterruptedException {
        return pages(communeCode, updatedSince, pageSize).stream().flatMap(page -> page.entries().stream()).toList();
    }

    static Instant updatedAt(FeedEntry entry) {
        if (entry instanceof FeedEntry.Valid valid) {
            return valid.activity().updatedAt();
        }
        return ((FeedEntry.Withdrawn) entry).withdrawal().updatedAt();
    }
}
