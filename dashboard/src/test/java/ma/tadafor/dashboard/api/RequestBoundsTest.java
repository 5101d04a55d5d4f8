package ma.tadafor.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ma.tadafor.dashboard.DemoApplicationTest;

/**
 * Every bound on what a client sends answers in problem+json, naming the limit or the parameter:
 * a body too large (declared or chunked), a list too long and a page past the end of int within a
 * second, an upload too large, a null in a list, a request line too long for the server; and the 413
 * reaches a client that sends all of a body far past the limit before it reads.
 */
class RequestBoundsTest extends DemoApplicationTest {

    private static final String MEETINGS = "/api/v1/committees/05.091/meetings";
    private static final long ONE_MEGABYTE = 1024 * 1024;
    private static final Duration FAST = Duration.ofSeconds(1);

    private String token;

    /**
     * Requests go as the administrator with a personal token, made before anything is timed: a
     * password check (BCrypt, deliberately slow, and slower on a busy machine) is not what the
     * timings are about.
     */
    @BeforeEach
    void token() throws Exception {
        HttpResponse<String> made = send("POST", "/api/v1/me/tokens", "admin", "{\"name\": \"bounds\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        token = (String) object(made).get("token");
    }

    @Test
    void aBodyOfThreeMegabytesIs413NamingTheLimit() throws Exception {
        String body = "{\"kind\": \"ORDINARY\", \"minutesFr\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";

        HttpResponse<String> refused = timed(() -> post(MEETINGS, HttpRequest.BodyPublishers.ofString(body), "application/json"));

        assertProblem(refused, 413);
        assertThat(object(refused)).containsEntry("limit", (int) ONE_MEGABYTE);
    }

    @Test
    void aChunkedBodyOfThreeMegabytesIs413Too() throws Exception {
        byte[] body = ("{\"kind\": \"ORDINARY\", \"minutesFr\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        // No Content-Length: the server finds out while reading.
        HttpResponse<String> refused = timed(() -> post(MEETINGS,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), "application/json"));

        assertProblem(refused, 413);
        assertThat(object(refused)).containsEntry("limit", (int) ONE_MEGABYTE);
    }

    @Test
    void anAgendaOfTwoHundredThousandItemsIs400NamingIt() throws Exception {
        // The same refusal for a list one past its bound, first: what is timed is the cost of the length, not of a cold path.
        assertProblem(post(MEETINGS, HttpRequest.BodyPublishers.ofString(meeting(201)), "application/json"), 400);

        // Read no further than its bound: it took seconds when the list was parsed whole, then validated.
        HttpResponse<String> refused = timed(() -> post(MEETINGS, HttpRequest.BodyPublishers.ofString(meeting(200_000)),
                "application/json"));

        assertProblem(refused, 400);
        assertThat(object(refused)).containsEntry("parameter", "agenda");
        assertThat((String) object(refused).get("detail")).contains("at most 200");
    }

    @Test
    void aNullInAListIs400NamingTheItem() throws Exception {
        HttpResponse<String> links = send("POST", "/api/v1/committees/05.091/recommendations", "admin",
                "{\"textFr\": \"Publier les comptes rendus\", \"links\": [null]}");
        HttpResponse<String> attendance = send("POST", MEETINGS, "admin",
                "{\"kind\": \"ORDINARY\", \"attendance\": [{\"institution\": \"Commune\", \"women\": 2, \"men\": 3}, null]}");
        HttpResponse<String> sources = send("POST", "/api/v1/ingestion/runs", "admin", "{\"sources\": [null]}");

        assertProblem(links, 400);
        assertThat(object(links)).containsEntry("parameter", "links[0]");
        assertProblem(attendance, 400);
        assertThat(object(attendance)).containsEntry("parameter", "attendance[1]");
        assertProblem(sources, 400);
        assertThat(object(sources)).containsEntry("parameter", "sources[0]");
    }

    @Test
    void aPagePastTheEndIs400NamingThePage() throws Exception {
        for (String list : new String[] {"/api/v1/audit", "/api/v1/ingestion/quarantine"}) {
            HttpResponse<String> refused = timed(() -> withToken(HttpRequest.newBuilder(uri(list + "?page=2147483647&size=1000")).GET()));

            assertProblem(refused, 400);
            assertThat(object(refused)).as(list).containsEntry("parameter", "page");
            assertThat(get(list + "?page=1000&size=1000", "admin").statusCode()).as("the last page").isEqualTo(200);
        }
    }

    @Test
    void aRequestLineTooLongForTheServerIsAProblemToo() throws Exception {
        HttpResponse<String> refused = timed(() -> withToken(HttpRequest.newBuilder(uri("/api/v1/participation?groupBy=" + "gender,".repeat(3000))).GET()));

        assertProblem(refused, 400);
    }

    @Test
    void aRoleRefusalIsAProblem() throws Exception {
        assertProblem(get("/api/v1/audit", "dgct"), 403);
    }

    @Test
    void anUploadOverItsLimitIs413NamingIt() throws Exception {
        String boundary = "bound-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nACTIVITIES\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[20 * 1024 * 1024 + 1];
        Arrays.fill(file, (byte) 'a');
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = post("/api/v1/imports", HttpRequest.BodyPublishers.ofByteArray(concat(concat(head, file), end)),
                "multipart/form-data; boundary=" + boundary);

        assertProblem(refused, 413);
        assertThat(object(refused)).containsEntry("limit", 20 * 1024 * 1024);
    }

    /**
     * A client that writes its whole body before reading an answer (as many scripts do) still reads
     * the 413 when its body is far past the limit: the server reads and drops what it refused rather
     * than closing the connection on a body still arriving, which such a client sees as a reset.
     */
    @Test
    void aClientSendingItsWholeBodyBeforeReadingStillReadsThe413() throws Exception {
        byte[] json = new byte[40 * (int) ONE_MEGABYTE];
        Arrays.fill(json, (byte) ' ');
        byte[] upload = new byte[60 * (int) ONE_MEGABYTE];
        Arrays.fill(upload, (byte) 'a');
        String boundary = "bound-" + System.nanoTime();

        String jsonAnswer = sentWholeBeforeReading("POST " + MEETINGS, "application/json", json);
        String uploadAnswer = sentWholeBeforeReading("POST /api/v1/imports", "multipart/form-data; boundary=" + boundary,
                concat(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8), upload));

        assertThat(jsonAnswer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("\"limit\":" + ONE_MEGABYTE);
        assertThat(uploadAnswer).startsWith("HTTP/1.1 413").contains("application/problem+json");
    }

    private String sentWholeBeforeReading(String requestLine, String contentType, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\nContent-Type: "
                    + contentType + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] whole = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, whole, head.length, tail.length);
        return whole;
    }

    private static String meeting(int agendaItems) {
        return "{\"kind\": \"ORDINARY\", \"mode\": \"IN_PERSON\", \"plannedOn\": \"2024-06-01\", \"agenda\": ["
                + String.join(",", Collections.nCopies(agendaItems, "{}")) + "]}";
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static HttpResponse<String> timed(Call call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = call.send();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered fast").isLessThan(FAST);
        return answer;
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body, String contentType) throws Exception {
        return withToken(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(body));
    }

    private HttpResponse<String> withToken(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
