package ma.tadafor.ingestion.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The parameters of a feed request, checked as PORTAL_FEED.md says. An empty value counts as absent.
 *
 * @param updatedSince null for everything
 * @param after null for the first page
 */
record FeedQuery(Instant updatedSince, PageCursor after, int pageSize) {

    static final int DEFAULT_PAGE_SIZE = 500;
    static final int MAX_PAGE_SIZE = 1000;

    /** @throws BadParameterException naming the first parameter that breaks the contract */
    static FeedQuery parse(String rawQuery, JsonMapper mapper) {
        Map<String, String> parameters = parameters(rawQuery);
        Instant updatedSince = null;
        PageCursor after = null;
        int pageSize = DEFAULT_PAGE_SIZE;
        String since = parameters.get("updatedSince");
        if (since != null) {
            try {
                updatedSince = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new BadParameterException("updatedSince", "is not an ISO-8601 instant such as 2024-03-01T00:00:00Z");
            }
        }
        String token = parameters.get("pageToken");
        if (token != null) {
            try {
                after = PageCursor.parse(token, mapper);
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("pageToken", "is not a nextPageToken of this feed");
            }
        }
        String size = parameters.get("pageSize");
        if (size != null) {
            try {
                pageSize = Integer.parseInt(size);
            } catch (NumberFormatException e) {
                pageSize = 0;
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw new BadParameterException("pageSize", "must be an integer from 1 to " + MAX_PAGE_SIZE);
            }
        }
        return new FeedQuery(updatedSince, after, pageSize);
    }

    /** The first value of each parameter, decoded; empty values are left out. */
    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                value = URLDecoder.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadParameterException(name, "is not URL-encoded properly");
            }
            if (!value.isEmpty()) {
                parameters.putIfAbsent(name, value);
            }
        }
        return parameters;
    }

    /** A parameter that breaks the contract: answered 400 with its name. */
    static final class BadParameterException extends RuntimeException {

        private final String parameter;

        BadParameterException(String parameter, String problem) {
            super(parameter + " " + problem, null, false, false);
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }
}
