package ma.tadafor.ingestion.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a page ended: the (updatedAt, id) of its last item. Clients see it as an opaque page token,
 * base64url of {@code {"u": updatedAt, "i": id}} as in PORTAL_FEED.md's example; since it names a
 * position and not a snapshot, an item changed meanwhile comes again later with its new updatedAt.
 */
record PageCursor(Instant updatedAt, String id) {

    String token(JsonMapper mapper) {
        byte[] json = mapper.writeValueAsBytes(mapper.createObjectNode().put("u", updatedAt.toString()).put("i", id));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    /** @throws IllegalArgumentException if the token is not one of ours */
    static PageCursor parse(String token, JsonMapper mapper) {
        try {
            JsonNode json = mapper.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (json == null || !json.path("u").isString() || !json.path("i").isString()) {
                throw new IllegalArgumentException("not a page token");
            }
            return new PageCursor(Instant.parse(json.path("u").asString()), json.path("i").asString());
        } catch (JacksonException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a page token", e);
        }
    }
}
