package ma.tadafor.dashboard.publicdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ma.tadafor.dashboard.DemoApplicationTest;
import ma.tadafor.dashboard.page.HeadlessChromium;

/**
 * The public pages and open data over the real demo (pulls, a Spark refresh, a closure approved over
 * HTTP): only the approved semester of the province that approved it, only its programme communes;
 * no count from 1 to 4 in any page, answer or file, where the administrator's exact answer to the
 * same question has some; no cookie on any answer, in French, in Arabic and on errors; {@code 429}
 * with {@code Retry-After} past the limit (20 a minute in the tests); a Frictionless Data Package
 * whose every file exists with the header its schema says. Requests come from addresses of their
 * own on 127.0.0.0/8 (the limit counts per address). In a real Chromium, both languages pass axe-core
 * with no serious or critical violation and fit 390 px. Al Hoceima (01.051), so that the
 * other tests' provinces stay open; reopened at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class PublicDataTest extends DemoApplicationTest {

    private static final String PROVINCE = "01.051";
    private static final int PHONE = 390;
    private static final int DESKTOP = 1400;
    private static final Path SHOTS = Path.of(System.getProperty("tadafor.screenshots", "../docs/screenshots"));
    private static final Pattern NUMBER = Pattern.compile("^[0-9][0-9\\u202F\\u00A0 ]*$");

    private final AtomicInteger addresses = new AtomicInteger(10);
    private String approved;
    private String open;
    private Number closureId;

    record Reply(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    @BeforeAll
    void approveASemester() throws Exception {
        awaitMarts();
        Map<String, Long> bySemester = new LinkedHashMap<>();
        for (Map<String, Object> row : rows(object(get("/api/v1/participation?groupBy=semester&province=" + PROVINCE, "admin")))) {
            bySemester.put((String) row.get("semester"), ((Number) row.get("participants")).longValue());
        }
        List<String> semesters = bySemester.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        assertThat(semesters).as("semesters with participants in " + PROVINCE).hasSizeGreaterThan(1);
        approved = semesters.get(0);
        open = semesters.get(1);
        HttpResponse<String> proposed = send("POST", "/api/v1/closures", "enabel",
                "{\"province\": \"" + PROVINCE + "\", \"semester\": \"" + approved + "\"}");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        closureId = (Number) object(proposed).get("id");
        HttpResponse<String> done = send("POST", "/api/v1/closures/" + closureId + "/approve", "admin", null);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    }

    @AfterAll
    void reopen() throws Exception {
        if (closureId != null) {
            send("POST", "/api/v1/closures/" + closureId + "/reopen", "admin", "{\"reason\": \"PublicDataTest is over\"}");
            awaitMarts();
        }
    }

    @Test
    void onlyTheApprovedSemesterOfItsProvinceAndItsProgrammeCommunesArePublished() throws Exception {
        Set<String> programme = items(get("/api/v1/territories/communes?programme=true", "admin")).stream()
                .map(c -> (String) c.get("code")).filter(c -> c.startsWith(PROVINCE + ".")).collect(Collectors.toSet());
        String outside = items(get("/api/v1/territories/communes", "admin")).stream().map(c -> (String) c.get("code"))
                .filter(c -> c.startsWith(PROVINCE + ".") && !programme.contains(c)).findFirst().orElse(null);

        Reply byCommune = fetch("/api/v1/public/participation?semester=" + approved + "&province=" + PROVINCE + "&groupBy=commune");
        assertThat(byCommune.status()).as(byCommune.body()).isEqualTo(200);
        Map<String, Object> answer = json(byCommune);
        assertThat(answer).containsEntry("frozen", true)
                .containsEntry("disclosure", Map.of("protected", true, "method", "cell-key-perturbation"));
        assertThat(rows(answer)).isNotEmpty().allSatisfy(row -> assertThat(programme).contains((String) row.get("commune")));

        // The same question, the same figure: what a protected reader signed in reads for the province.
        Map<String, Object> signedIn = object(get("/api/v1/participation?semester=" + approved + "&province=" + PROVINCE, "dgct"));
        Map<String, Object> published = json(fetch("/api/v1/public/participation?semester=" + approved + "&province=" + PROVINCE));
        assertThat(published.get("total")).isEqualTo(signedIn.get("total"));

        Reply openSemester = fetch("/api/v1/public/participation?semester=" + open + "&province=" + PROVINCE);
        assertThat(openSemester.status()).isEqualTo(400);
        assertThat(openSemester.header("Content-Type")).startsWith("application/problem+json");
        assertThat(json(openSemester)).containsEntry("parameter", "semester");
        Reply openProvince = fetch("/api/v1/public/participation?semester=" + approved + "&province=05.091");
        assertThat(openProvince.status()).isEqualTo(400);
        assertThat(json(openProvince)).containsEntry("parameter", "province");
        Map<String, Object> everyApprovedProvince = json(fetch("/api/v1/public/participation?groupBy=province&semester=" + approved));
        assertThat(rows(everyApprovedProvince)).extracting(row -> row.get("province")).contains(PROVINCE).doesNotContain("05.091");
        Reply latestApproved = fetch("/api/v1/public/participation?groupBy=semester");
        assertThat(latestApproved.status()).as(latestApproved.body()).isEqualTo(200);
        List<String> approvedSemesters = (List<String>) json(fetch("/api/v1/public/datapackage.json")).get("semesters");
        assertThat(rows(json(latestApproved))).extracting(row -> row.get("semester")).as("the latest approved semester alone")
                .containsExactly(approvedSemesters.stream().max(String::compareTo).orElseThrow());
        assertThat(fetch("/api/v1/public/participation?semester=" + approved + "&province=" + PROVINCE + "&from=2024-01-01")
                .status()).isEqualTo(400);
        assertThat(fetch("/api/v1/public/participation?semester=" + approved + "&province=" + PROVINCE + "&gender=F,M")
                .status()).as("one value per filter").isEqualTo(400);
        if (outside != null) {
            Reply nonProgramme = fetch("/api/v1/public/participation?semester=" + approved + "&commune=" + outside);
            assertThat(nonProgramme.status()).isEqualTo(400);
            assertThat(json(nonProgramme)).containsEntry("parameter", "commune");
            assertThat(fetch("/public/communes/" + outside).status()).isEqualTo(404);
        }

        Map<String, Object> descriptor = json(fetch("/api/v1/public/datapackage.json"));
        assertThat((List<String>) descriptor.get("semesters")).contains(approved).doesNotContain(open);
        List<List<String>> byCommuneFile = csv(fetch("/api/v1/public/data/participation-by-commune.csv").body());
        for (List<String> row : byCommuneFile.subList(1, byCommuneFile.size())) {
            assertThat(row.get(0)).isNotEqualTo(open);
            if (row.get(1).equals(PROVINCE)) {
                assertThat(row.get(0)).isEqualTo(approved);
                assertThat(programme).contains(row.get(4));
            }
        }

        Reply programmePage = fetch("/public");
        assertThat(programmePage.status()).isEqualTo(200);
        assertThat(programmePage.body()).contains("/public/provinces/" + PROVINCE);
        Reply provincePage = fetch("/public/provinces/" + PROVINCE);
        assertThat(provincePage.status()).isEqualTo(200);
        assertThat(provincePage.body()).contains("semester=" + approved).doesNotContain("semester=" + open);
        assertThat(fetch("/public/provinces/" + PROVINCE + "?semester=" + open).body())
                .as("an open semester asked for shows the approved one")
                .contains("?semester=" + approved + "&amp;lang=fr\" aria-current=\"page\"");
        assertThat(fetch("/public/provinces/05.091").status()).isEqualTo(404);
        String commune = programme.iterator().next();
        assertThat(fetch("/public/communes/" + commune).status()).isEqualTo(200);
        Reply arabic = fetch("/public/provinces/" + PROVINCE + "?lang=ar");
        assertThat(arabic.body()).contains("dir=\"rtl\"", "الأسداس المصادق عليها");
    }

    @Test
    void noCountFromOneToFourInAnyPageAnswerOrFile() throws Exception {
        String crossed = "semester=" + approved + "&province=" + PROVINCE + "&groupBy=commune,gender,ageBand";
        assertThat(rows(object(get("/api/v1/participation?" + crossed, "admin"))))
                .as("the exact answer to the same question has small counts: the scan below can fail")
                .anySatisfy(row -> assertThat(((Number) row.get("participants")).longValue()).isBetween(1L, 4L));
        int suppressed = 0;
        for (String groupBy : List.of("", "commune", "mechanism", "gender", "ageBand", "disability", "role", "cohort",
                "commune,gender,ageBand", "commune,disability", "mechanism,gender,ageBand,disability")) {
            Map<String, Object> answer = json(fetch("/api/v1/public/participation?semester=" + approved + "&province="
                    + PROVINCE + "&groupBy=" + groupBy));
            List<Map<String, Object>> counted = new ArrayList<>(rows(answer));
            counted.add((Map<String, Object>) answer.get("total"));
            for (Map<String, Object> row : counted) {
                Number participants = (Number) row.get("participants");
                assertThat(participants == null ? null : participants.longValue()).as(groupBy + " " + row)
                        .satisfiesAnyOf(p -> assertThat(p).isNull(), p -> assertThat(p).isZero(),
                                p -> assertThat(p).isGreaterThanOrEqualTo(5L));
                if (participants == null) {
                    assertThat(row).containsEntry("suppressed", true).containsEntry("activities", null);
                    suppressed++;
                }
            }
        }
        assertThat(suppressed).as("small cells were there to suppress").isPositive();

        Map<String, Object> descriptor = json(fetch("/api/v1/public/datapackage.json"));
        for (Map<String, Object> resource : (List<Map<String, Object>>) descriptor.get("resources")) {
            List<List<String>> file = csv(fetch(pathOf((String) resource.get("path"))).body());
            int participants = file.get(0).indexOf("participants");
            if (participants < 0) {
                continue;
            }
            for (List<String> row : file.subList(1, file.size())) {
                String value = row.get(participants);
                assertThat(value.isEmpty() || value.equals("0") || Long.parseLong(value) >= 5).as(resource.get("name") + " " + row).isTrue();
                assertThat(value.isEmpty()).isEqualTo(row.get(file.get(0).indexOf("suppressed")).equals("true"));
            }
        }

        List<String> pages = new ArrayList<>(List.of("/public", "/public?lang=ar", "/public/provinces/" + PROVINCE,
                "/public/provinces/" + PROVINCE + "?lang=ar"));
        Matcher communes = Pattern.compile("href=\"(/public/communes/[^\"]+)\"").matcher(fetch("/public/provinces/" + PROVINCE).body());
        while (communes.find()) {
            pages.add(communes.group(1).replace("&amp;", "&"));
        }
        for (String page : pages) {
            Reply reply = fetch(page);
            assertThat(reply.status()).as(page).isEqualTo(200);
            // Counts of persons; an indicator's target and actual (communes, shares…) are "indicator-figure" cells.
            Matcher cells = Pattern.compile("<(?:td class=\"number\"|dd class=\"value\")>([^<]*)</").matcher(reply.body());
            int seen = 0;
            while (cells.find()) {
                String cell = cells.group(1).replaceAll("[\\u2066-\\u2069]", "").strip();
                seen++;
                if (cell.equals("&lt; 5") || !NUMBER.matcher(cell).matches()) {
                    continue;
                }
                long count = Long.parseLong(cell.replaceAll("[^0-9]", ""));
                assertThat(count == 0 || count >= 5).as(page + ": " + cell).isTrue();
            }
            assertThat(seen).as(page + " shows counts").isPositive();
        }
    }

    @Test
    void noCookieAndCachedEverywhereErrorsIncluded() throws Exception {
        for (String path : List.of("/public", "/public?lang=ar", "/public/provinces/" + PROVINCE + "?lang=ar",
                "/public/provinces/99.999", "/public/provinces/99.999?lang=ar", "/public/nowhere?lang=ar",
                "/api/v1/public/datapackage.json", "/api/v1/public/data/participation-by-gender.csv",
                "/api/v1/public/participation?semester=" + approved + "&province=" + PROVINCE + "&lang=ar",
                "/api/v1/public/participation?semester=1999S1&province=" + PROVINCE,
                "/api/v1/public/data/nothing.csv")) {
            Reply reply = fetch(path);
            assertThat(reply.headers()).as(path).doesNotContainKey("set-cookie");
            if (reply.status() == 200) {
                assertThat(reply.header("Cache-Control")).as(path).contains("public", "max-age=300");
            }
        }
        Reply unknown = fetch("/api/v1/public/data/nothing.csv");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fetch("/public/provinces/99.999?lang=ar").body()).contains("dir=\"rtl\"");
    }

    @Test
    void pastTheLimitA429WithRetryAfter() throws Exception {
        if (60 - Instant.now().getEpochSecond() % 60 < 15) {
            Thread.sleep((60 - Instant.now().getEpochSecond() % 60 + 1) * 1000);
        }
        String address = "127.0.0.250";
        for (int i = 0; i < 20; i++) {
            assertThat(fetch("/api/v1/public/datapackage.json", address).status()).as("request " + (i + 1)).isEqualTo(200);
        }
        for (String path : List.of("/api/v1/public/datapackage.json", "/public?lang=ar")) {
            Reply refused = fetch(path, address);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(json(refused)).containsEntry("limit", 20);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(refused.headers()).doesNotContainKey("set-cookie");
        }
        assertThat(fetch("/api/v1/public/datapackage.json", "127.0.0.251").status()).as("another address").isEqualTo(200);
    }

    @Test
    void theDataPackageIsValid() throws Exception {
        Reply reply = fetch("/api/v1/public/datapackage.json");
        Map<String, Object> descriptor = json(reply);
        assertThat(descriptor).containsEntry("profile", "tabular-data-package").containsKeys("name", "licenses", "sources");
        assertThat((List<Map<String, Object>>) descriptor.get("licenses")).extracting(l -> l.get("name")).containsExactly("CC-BY-4.0");
        List<Map<String, Object>> resources = (List<Map<String, Object>>) descriptor.get("resources");
        assertThat(resources).extracting(r -> r.get("name")).contains("participation-by-commune", "participation-by-semester",
                "participation-by-mechanism", "participation-by-gender", "participation-by-age-band",
                "participation-by-disability", "indicators-by-province");
        Set<String> types = Set.of("string", "integer", "number", "boolean");
        for (Map<String, Object> resource : resources) {
            assertThat((String) resource.get("name")).matches("^[a-z0-9._-]+$");
            Map<String, Object> schema = (Map<String, Object>) resource.get("schema");
            List<Map<String, Object>> fields = (List<Map<String, Object>>) schema.get("fields");
            assertThat(fields).allSatisfy(f -> assertThat(types).contains((String) f.get("type")));
            Reply file = fetch(pathOf((String) resource.get("path")));
            assertThat(file.status()).as((String) resource.get("path")).isEqualTo(200);
            assertThat(file.header("Content-Type")).startsWith("text/csv");
            List<List<String>> lines = csv(file.body());
            assertThat(lines.get(0)).isEqualTo(fields.stream().map(f -> (String) f.get("name")).toList());
            assertThat(lines.size()).as(resource.get("name") + " has rows").isGreaterThan(1);
            for (List<String> line : lines.subList(1, lines.size())) {
                assertThat(line).hasSameSizeAs(fields);
                for (int i = 0; i < fields.size(); i++) {
                    String value = line.get(i);
                    String type = (String) fields.get(i).get("type");
                    if (!value.isEmpty()) {
                        switch (type) {
                            case "integer" -> assertThat(value).matches("-?\\d+");
                            case "number" -> assertThat(value).matches("-?\\d+(\\.\\d+)?(E-?\\d+)?");
                            case "boolean" -> assertThat(value).isIn("true", "false");
                            default -> { }
                        }
                    }
                }
            }
        }
    }

    /**
     * In a real Chromium, in both languages: axe-core (vendored, test resources) finds no serious or
     * critical violation; at 390 px nothing scrolls sideways; screenshots at 390 px and desktop width.
     */
    @Test
    void thePublicPagesAreAccessibleAndFitAPhoneInChromium() throws Exception {
        String axe;
        try (InputStream in = PublicDataTest.class.getResourceAsStream("/axe-core/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher firstCommune = Pattern.compile("href=\"/public/communes/([^\"?]+)").matcher(fetch("/public/provinces/" + PROVINCE).body());
        assertThat(firstCommune.find()).isTrue();
        Map<String, String> pages = Map.of("public", "/public", "public-province", "/public/provinces/" + PROVINCE,
                "public-commune", "/public/communes/" + firstCommune.group(1));
        List<String> problems = new ArrayList<>();
        try (HeadlessChromium browser = new HeadlessChromium(port)) {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                for (String language : List.of("fr", "ar")) {
                    String view = page.getKey() + " in " + language;
                    browser.visit(page.getValue() + "?lang=" + language);
                    browser.script(axe);
                    String violations = (String) browser.script("""
                            return axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations
                                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))));""");
                    List<String> serious = json.readValue(violations, List.class);
                    serious.forEach(v -> problems.add(view + ": " + v));
                    if (language.equals("ar") && !"rtl".equals(browser.script("return document.documentElement.dir"))) {
                        problems.add(view + ": not right to left");
                    }
                    browser.screenshot(SHOTS.resolve(page.getKey() + "-" + language + "-" + DESKTOP + ".png"), DESKTOP, false);
                    browser.screen(PHONE, 844, true);
                    long width = (Long) browser.script("return document.scrollingElement.scrollWidth;");
                    if (width > PHONE) {
                        problems.add(view + ": " + width + " px wide at " + PHONE);
                    }
                    browser.screenshot(SHOTS.resolve(page.getKey() + "-" + language + "-" + PHONE + ".png"), PHONE, true);
                    browser.screen(DESKTOP, 900, false);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static String pathOf(String url) {
        return url.substring(url.indexOf("/api/"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("rows");
    }

    private Map<String, Object> json(Reply reply) {
        return json.readValue(reply.body(), Map.class);
    }

    /** A public request from an address of its own, so that the limit per address is not what is tested. */
    private Reply fetch(String path) throws IOException {
        int n = addresses.incrementAndGet();
        return fetch(path, "127.0." + (n / 200) + "." + (2 + n % 200));
    }

    /** A GET from {@code from}, an address of the loopback network, as HTTP/1.0 (the answer ends with the connection). */
    private Reply fetch(String path, String from) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            // Pages are asked for as a browser navigates to them (their errors are then pages too).
            String accept = path.startsWith("/api/") ? "*/*" : "text/html,*/*;q=0.8";
            out.write(("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nAccept: " + accept + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(bytes);
            String text = bytes.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] head = text.substring(0, end).split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.computeIfAbsent(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), h -> new ArrayList<>())
                        .add(head[i].substring(colon + 1).strip());
            }
            return new Reply(Integer.parseInt(head[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }

    /** RFC 4180 lines, quoted values unquoted. */
    private static List<List<String>> csv(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    value.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                line.add(value.toString());
                value.setLength(0);
            } else if (c == '\n') {
                line.add(value.toString().replaceAll("\r$", ""));
                value.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                value.append(c);
            }
        }
        return lines;
    }
}
