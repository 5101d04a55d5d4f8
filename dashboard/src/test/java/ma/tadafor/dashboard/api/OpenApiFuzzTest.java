package ma.tadafor.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import ma.tadafor.dashboard.DemoApplicationTest;

/**
 * Generated values in every parameter and body of every operation that {@code /v3/api-docs}
 * describes: whatever arrives, the answer is 2xx or 3xx, or a 4xx in problem+json, never a 5xx.
 * Values are drawn per parameter from a fixed seed (hostile strings, numbers around the edges of
 * int and long, unicode, empty and very long text, comma lists, malformed dates and codes; bodies
 * with wrong types, nulls in lists, long arrays, broken JSON), so a failure replays. Requests go
 * round the operations, as an administrator, a programme manager and a governor in turn, until
 * {@link #ROUNDS} rounds or {@link #BUDGET} have passed, and carry personal API tokens: a password
 * check (deliberately slow) per request would make the campaign crawl.
 */
class OpenApiFuzzTest extends DemoApplicationTest {

    private static final long SEED = 16_05_2024L;
    private static final int ROUNDS = 60;
    private static final int AT_LEAST_ROUNDS = 15;
    private static final Duration BUDGET = Duration.ofSeconds(100);
    private static final List<String> USERS = List.of("admin", "enabel", "gov-beni-mellal");

    private static final List<String> HOSTILE = List.of("", " ", "'", "\"", "' OR 1=1 --", "'; DROP TABLE activity; --",
            "%", "\\", "../../etc/passwd", "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "null", "true", "NaN",
            "\u0000", "\uFFFF", "😀", "قصبة تادلة", "０５.０９１", "ⅩⅣ", "e\u0301", "\r\n", "a,b,,c", ",,,", "gender,,ageBand",
            "F,M,U", "05.091,05.081", "2024S3", "2024s1", "2024-13-45", "2024-02-30", "31/12/2024", "2024-01-01T00:00",
            "+002024-01-01", "province:", "region:99", "Province:05.091", "commune:05.091.01.07:x", "programme,programme");
    private static final List<String> NUMBERS = List.of("-1", "0", "1", "2147483647", "2147483648", "-2147483648",
            "9223372036854775807", "9223372036854775808", "99999999999999999999", "1e309", "-0", "1.5", "0x10", "１");
    /** Values the API accepts somewhere, so that generated requests also get past the first check. */
    private static final List<String> PLAUSIBLE = List.of("05", "05.091", "05.081", "05.091.01.07", "programme",
            "region:05", "province:05.091", "commune:05.091.01.07", "2024S1", "2024S2", "2024", "2024-01-01", "2024-06-30",
            "fr", "ar", "csv", "xlsx", "true", "false", "F", "M", "gender", "ageBand,gender", "province,semester",
            "PETITION", "ACTIVITIES", "INDH_PROJECTS", "R1.1", "R2.1", "1", "10");

    private static final String CSV_BYTES = "a;b,\"c\n1\r\t0x";

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void everyOperationAndParameterAnswersWithoutA5xxAndRefusesInProblemJson() throws Exception {
        for (String user : USERS) {
            HttpResponse<String> made = send("POST", "/api/v1/me/tokens", user, "{\"name\": \"fuzz\"}");
            assertThat(made.statusCode()).as(user + "'s token: " + made.body()).isEqualTo(201);
            tokens.put(user, (String) object(made).get("token"));
        }
        List<Operation> operations = operations();
        assertThat(operations).as("operations to fuzz").hasSizeGreaterThan(30);

        SplittableRandom random = new SplittableRandom(SEED);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int rounds = 0;
        int requests = 0;
        while (rounds < ROUNDS && System.nanoTime() < deadline) {
            for (Operation operation : operations) {
                String user = USERS.get((rounds + requests) % USERS.size());
                check(operation, user, random);
                requests++;
            }
            rounds++;
        }

        assertThat(rounds).as("rounds within " + BUDGET + " (" + requests + " requests)").isGreaterThanOrEqualTo(AT_LEAST_ROUNDS);
        assertThat(failures).as(failures.size() + " of " + requests + " requests").isEmpty();
    }

    private void check(Operation operation, String user, SplittableRandom random) throws Exception {
        String path = operation.path();
        for (String name : operation.pathParameters()) {
            // Changes are sent only to generated names: a real commune or source must stay as the other tests expect it.
            String value = operation.method().equals("GET") ? queryValue(random, "string") : hostile(random);
            path = path.replace("{" + name + "}", segment(value));
        }
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        operation.queryParameters().forEach((name, type) -> {
            if (random.nextInt(4) > 0) {
                query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(queryValue(random, type), StandardCharsets.UTF_8));
            }
        });
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path + query))
                .header("Authorization", "Bearer " + tokens.get(user)).timeout(Duration.ofSeconds(30));
        String sent;
        if (operation.multipart()) {
            String boundary = "fuzz-" + random.nextLong(Long.MAX_VALUE);
            byte[] body = multipart(boundary, operation.bodyProperties(), random);
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(body));
            sent = "multipart of " + body.length + " bytes";
        } else if (operation.hasBody()) {
            sent = body(operation.bodyProperties(), random);
            request.header("Content-Type", "application/json")
                    .method(operation.method(), HttpRequest.BodyPublishers.ofString(sent, StandardCharsets.UTF_8));
        } else {
            sent = "";
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = answer.statusCode();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (status >= 500 || status == 401 || (status >= 400 && !type.startsWith("application/problem+json"))) {
            failures.add(status + " " + type + " as " + user + ": " + operation.method() + " " + path + query
                    + (sent.isEmpty() ? "" : " " + abbreviated(sent)) + " -> " + abbreviated(answer.body()));
        }
    }

    private static String queryValue(SplittableRandom random, String type) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> PLAUSIBLE.get(random.nextInt(PLAUSIBLE.size()));
            case 3, 4 -> "integer".equals(type) || random.nextBoolean() ? NUMBERS.get(random.nextInt(NUMBERS.size()))
                    : String.valueOf(random.nextLong());
            case 5 -> randomText(random, 1 + random.nextInt(2000));
            case 6 -> String.join(",", Collections.nCopies(1 + random.nextInt(300), PLAUSIBLE.get(random.nextInt(PLAUSIBLE.size()))));
            default -> hostile(random);
        };
    }

    private static String hostile(SplittableRandom random) {
        return random.nextInt(5) == 0 ? randomText(random, 1 + random.nextInt(40)) : HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    /** Letters, digits, punctuation and code points from the whole of Unicode but surrogates. */
    private static String randomText(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int codePoint = random.nextInt(3) == 0 ? random.nextInt(0x20, 0x7f) : random.nextInt(0x20, 0x2ffff);
            if (Character.isDefined(codePoint) && !Character.isSurrogate((char) codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    /**
     * A path segment: percent-encoded, but for what no server lets through to an application
     * (an encoded slash, backslash or percent, a NUL, a dot segment), which stays plain text.
     */
    private static String segment(String value) {
        String safe = value.replaceAll("[/\\\\%\u0000;]", "_");
        if (safe.isBlank() || safe.strip().matches("\\.+")) {
            safe = "x" + safe.strip();
        }
        return URLEncoder.encode(safe, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A JSON body: the operation's fields with generated values, or a document of the wrong shape altogether. */
    private String body(Map<String, String> properties, SplittableRandom random) {
        switch (random.nextInt(12)) {
            case 0:
                return List.of("", "null", "[]", "\"x\"", "123", "{", "{\"a\":", "[1,", "{}}", "\u0000")
                        .get(random.nextInt(10));
            case 1:
                return "[".repeat(2000) + "]".repeat(2000);
            default:
                Map<String, Object> body = new LinkedHashMap<>();
                properties.forEach((name, type) -> {
                    if (random.nextInt(5) > 0) {
                        body.put(name, jsonValue(type, random, 0));
                    }
                });
                return json.writeValueAsString(body);
        }
    }

    private static Object jsonValue(String type, SplittableRandom random, int depth) {
        int pick = random.nextInt(depth > 1 ? 6 : 9);
        return switch (pick) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextBoolean() ? random.nextLong() : random.nextInt() - 0.5;
            case 3 -> hostile(random);
            case 4 -> randomText(random, 1 + random.nextInt(random.nextInt(10) == 0 ? 20_000 : 50));
            case 5 -> "array".equals(type) ? hostile(random) : PLAUSIBLE.get(random.nextInt(PLAUSIBLE.size()));
            case 6 -> list(random, depth);
            case 7 -> {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("a", jsonValue("string", random, depth + 1));
                object.put("", List.of());
                yield object;
            }
            default -> Collections.nCopies(random.nextInt(3) == 0 ? 50_000 : 1 + random.nextInt(500),
                    random.nextBoolean() ? Map.of() : random.nextInt(1000));
        };
    }

    private static List<Object> list(SplittableRandom random, int depth) {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(6); i >= 0; i--) {
            list.add(random.nextInt(4) == 0 ? null : jsonValue("string", random, depth + 1));
        }
        return list;
    }

    private static byte[] multipart(String boundary, Map<String, String> properties, SplittableRandom random) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        properties.keySet().forEach(name -> {
            if (random.nextInt(5) == 0) {
                return;
            }
            byte[] content;
            if (name.equals("file")) {
                content = new byte[random.nextInt(random.nextBoolean() ? 100 : 100_000)];
                for (int i = 0; i < content.length; i++) {
                    content[i] = (byte) (random.nextBoolean() ? CSV_BYTES.charAt(random.nextInt(CSV_BYTES.length())) : random.nextInt(256));
                }
                if (random.nextBoolean() && content.length > 4) {
                    // The start of a zip: an XLSX that is not one.
                    content[0] = 'P';
                    content[1] = 'K';
                    content[2] = 3;
                    content[3] = 4;
                }
            } else {
                content = queryValue(random, "string").getBytes(StandardCharsets.UTF_8);
            }
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (name.equals("file") ? "; filename=\"fuzz." + (random.nextBoolean() ? "csv" : "xlsx") + "\"" : "")
                    + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /**
     * One operation of the document, with its parameters' names and types and its body's fields.
     * Operations with nothing to generate (no parameter, no body) are left out: they would only
     * start refreshes and backups.
     */
    record Operation(String method, String path, List<String> pathParameters, Map<String, String> queryParameters,
                     boolean hasBody, boolean multipart, Map<String, String> bodyProperties) {
    }

    private List<Operation> operations() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", "admin");
        assertThat(docs.statusCode()).isEqualTo(200);
        Map<String, Object> document = object(docs);
        Map<String, Object> schemas = map(map(document.get("components")).get("schemas"));
        List<Operation> operations = new ArrayList<>();
        new TreeMap<>(map(document.get("paths"))).forEach((path, item) -> new TreeMap<>(map(item)).forEach((method, value) -> {
            Map<String, Object> operation = map(value);
            List<String> inPath = new ArrayList<>();
            Map<String, String> inQuery = new LinkedHashMap<>();
            for (Object p : list(operation.get("parameters"))) {
                Map<String, Object> parameter = map(p);
                String type = String.valueOf(map(parameter.get("schema")).get("type"));
                if ("path".equals(parameter.get("in"))) {
                    inPath.add((String) parameter.get("name"));
                } else if ("query".equals(parameter.get("in"))) {
                    inQuery.put((String) parameter.get("name"), type);
                }
            }
            Map<String, Object> content = map(map(operation.get("requestBody")).get("content"));
            boolean multipart = content.containsKey("multipart/form-data");
            Map<String, Object> bodySchema = map(map(content.getOrDefault(multipart ? "multipart/form-data" : "application/json",
                    Map.of())).get("schema"));
            Map<String, String> fields = new LinkedHashMap<>();
            map(resolved(bodySchema, schemas).get("properties")).forEach((name, schema) ->
                    fields.put(name, String.valueOf(resolved(map(schema), schemas).get("type"))));
            boolean hasBody = !content.isEmpty();
            if (!inPath.isEmpty() || !inQuery.isEmpty() || hasBody) {
                operations.add(new Operation(method.toUpperCase(), path, inPath, inQuery, hasBody, multipart, fields));
            }
        }));
        return operations;
    }

    private static Map<String, Object> resolved(Map<String, Object> schema, Map<String, Object> schemas) {
        Object ref = schema.get("$ref");
        return ref == null ? schema : map(schemas.get(((String) ref).substring("#/components/schemas/".length())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
