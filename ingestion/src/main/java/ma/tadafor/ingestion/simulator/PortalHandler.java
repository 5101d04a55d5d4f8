package ma.tadafor.ingestion.simulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.node.ObjectNode;

/**
 * Answers every request: finds the commune from the path, plays its forced failure and the drawn
 * request fault, checks the token and the parameters, then serves the page.
 */
final class PortalHandler implements HttpHandler {

    static final String COMMUNES = "/communes/";
    static final String FEED_PATH = "/api/participation/v1/activities";

    private static final Logger log = LoggerFactory.getLogger(PortalHandler.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final byte[] HTML = ("<!DOCTYPE html><html><head><title>Maintenance</title></head><body>"
            + "<h1>Site en maintenance</h1><p>Le portail de la commune revient bientôt.</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);

    private final SimulatorSettings settings;
    private final Map<String, CommunePortal> portals;
    private final ItemJson itemJson;

    PortalHandler(SimulatorSettings settings, Map<String, CommunePortal> portals, ItemJson itemJson) {
        this.settings = settings;
        this.portals = portals;
        this.itemJson = itemJson;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            CommunePortal portal = portalOf(path);
            if (portal == null) {
                pause();
                problem(exchange, null, 404, "no commune portal at " + path, null);
                return;
            }
            try {
                answer(exchange, portal, portal.nextRequest(), path);
            } catch (RuntimeException e) {
                log.error("The portal simulator failed to answer {}", exchange.getRequestURI(), e);
                if (exchange.getResponseCode() < 0) {
                    problem(exchange, portal, 500, "the simulator failed: " + e, null);
                }
            }
        }
    }

    private void answer(HttpExchange exchange, CommunePortal portal, long number, String path) throws IOException {
        pause();
        int forced = portal.forcedStatus(number);
        if (forced != 0) {
            problem(exchange, portal, forced, "the portal of " + portal.code() + " is failing on purpose", null);
            return;
        }
        if (!path.equals(COMMUNES + portal.code() + FEED_PATH)) {
            problem(exchange, portal, 404, "no such resource: " + path, null);
            return;
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            problem(exchange, portal, 405, "the feed is read with GET", null);
            return;
        }
        SplittableRandom draw = Draws.request(settings.seed(), portal.code(), number);
        RequestFault fault = RequestFault.of(draw.nextDouble(), settings);
        if (fault != null) {
            switch (fault) {
                case RESET -> portal.count(PortalSimulator.RESET); // closing the exchange unanswered drops the connection
                case TOO_MANY_REQUESTS -> problem(exchange, portal, 429, "too many requests", null);
                case UNAVAILABLE -> problem(exchange, portal, 503, "the portal is unavailable", null);
                case HTML_PAGE -> send(exchange, portal, 200, "text/html; charset=utf-8", HTML);
            }
            return;
        }
        if (!("Bearer " + portal.token()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            problem(exchange, portal, 401, "missing or wrong bearer token", null);
            return;
        }
        FeedQuery query;
        try {
            query = FeedQuery.parse(exchange.getRequestURI().getRawQuery(), itemJson.mapper());
        } catch (FeedQuery.BadParameterException e) {
            problem(exchange, portal, 400, e.getMessage(), e.parameter());
            return;
        }
        int changes = draw.nextDouble() < settings.changeWhilePagingRate() ? draw.nextInt(1, 4) : 0;
        PageBody body = PageBody.of(itemJson, portal.code(), portal.feed().page(query, changes));
        portal.count(200);
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(200, body.length());
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
            body.writeTo(out);
        }
    }

    private CommunePortal portalOf(String path) {
        if (!path.startsWith(COMMUNES)) {
            return null;
        }
        int end = path.indexOf('/', COMMUNES.length());
        return portals.get(path.substring(COMMUNES.length(), end < 0 ? path.length() : end));
    }

    /** A JSON error answer; 429 comes with {@code Retry-After}, 400 names the parameter. */
    private void problem(HttpExchange exchange, CommunePortal portal, int status, String message, String parameter)
            throws IOException {
        if (status == 429) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(settings.retryAfterSeconds()));
        }
        ObjectNode problem = itemJson.mapper().createObjectNode().put("status", status).put("message", message);
        if (parameter != null) {
            problem.put("parameter", parameter);
        }
        send(exchange, portal, status, JSON, itemJson.mapper().writeValueAsBytes(problem));
    }

    /** Counted for the commune (null if the request reached none) before it is sent: no client sees an uncounted answer. */
    private static void send(HttpExchange exchange, CommunePortal portal, int status, String contentType, byte[] body)
            throws IOException {
        if (portal != null) {
            portal.count(status);
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private void pause() {
        if (!settings.latency().isZero()) {
            try {
                Thread.sleep(settings.latency().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
