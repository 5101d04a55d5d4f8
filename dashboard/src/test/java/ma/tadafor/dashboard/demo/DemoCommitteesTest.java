package ma.tadafor.dashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ma.tadafor.data.closure.Closure;
import ma.tadafor.data.closure.ClosureStore;
import ma.tadafor.data.committee.CommitteeStore;
import ma.tadafor.data.committee.Meeting;
import ma.tadafor.data.territory.TerritorialScope;

/**
 * The demo as it starts for a visitor (its committees on, unlike the other tests'): after the first
 * pull's refresh, the committees of Béni Mellal and Azilal have held an ordinary meeting per semester
 * from 2023S1 to 2024S2, with minutes and recommendations, and approved each semester through the
 * closure service (proposed by the programme manager, approved by the province's governor); 2025S1
 * stays open; {@code /public} shows both provinces under the demo banner, without signing in. Meeting
 * again, as a restart does, adds nothing. Its own warehouse, closed after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class DemoCommitteesTest {

    private static final Path WAREHOUSE = warehouse();
    private static final List<String> SEMESTERS = List.of("2023S1", "2023S2", "2024S1", "2024S2");

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) {
        registry.add("tadafor.warehouse.path", WAREHOUSE::toString);
        registry.add("tadafor.analytics.exchange", () -> WAREHOUSE.resolveSibling("exchange").toString());
        registry.add("tadafor.warehouse.backups", () -> WAREHOUSE.resolveSibling("backups").toString());
        registry.add("tadafor.demo.scale", () -> "0.02");
        registry.add("tadafor.demo.later-pulls", () -> "0");
        registry.add("tadafor.ingestion.schedule", () -> "false");
        registry.add("tadafor.reports.check-every", () -> "0");
        registry.add("tadafor.mail.schedule", () -> "-");
        registry.add("tadafor.mail.send-every", () -> "0");
    }

    @LocalServerPort
    private int port;

    @Autowired
    private ClosureStore closures;

    @Autowired
    private CommitteeStore committees;

    @Autowired
    private DemoCommittees demoCommittees;

    @Test
    void theDemoCommitteesMetAndApprovedTheirSemestersOnce() throws Exception {
        await().atMost(Duration.ofMinutes(9)).pollInterval(Duration.ofSeconds(2))
                .until(() -> closures.approved().size() == 2 * SEMESTERS.size());
        for (String province : List.of("05.091", "05.081")) {
            for (String semester : SEMESTERS) {
                Closure closure = closures.current(province, semester).orElseThrow();
                assertThat(closure.status()).isEqualTo(Closure.Status.APPROVED);
                assertThat(closure.proposedBy()).isEqualTo("enabel");
                assertThat(closure.approvedBy()).isEqualTo(province.equals("05.091") ? "gov-beni-mellal" : "gov-azilal");
            }
            assertThat(closures.current(province, "2025S1")).isEmpty();
            List<Meeting> meetings = committees.meetings(TerritorialScope.NATIONAL, province);
            assertThat(meetings).hasSize(SEMESTERS.size()).allSatisfy(meeting -> {
                assertThat(meeting.held()).isTrue();
                assertThat(meeting.minutesFr()).contains("Démonstration");
                assertThat(meeting.minutesAr()).isNotBlank();
            });
            assertThat(committees.recommendations(TerritorialScope.NATIONAL, province)).hasSize(2 * SEMESTERS.size());
        }

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/public")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/public/provinces/05.091", "/public/provinces/05.081", "demo-banner");

        demoCommittees.meetAll();
        assertThat(closures.approved()).hasSize(2 * SEMESTERS.size());
        assertThat(committees.meetings(TerritorialScope.NATIONAL, "05.091")).hasSize(SEMESTERS.size());
    }

    private static Path warehouse() {
        try {
            Path target = Files.createDirectories(Path.of("target", "test-warehouses"));
            return Files.createTempDirectory(target, "demo-committees-").resolve("warehouse.duckdb");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
