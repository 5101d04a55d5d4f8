package ma.tadafor.ingestion.decidim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.Warehouse;
import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.ingestion.IngestionRun;
import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceStore;
import ma.tadafor.data.ingestion.SourceType;
import ma.tadafor.data.migration.SchemaMigrator;
import ma.tadafor.ingestion.pull.IngestionContext;
import ma.tadafor.ingestion.pull.IngestionRuns;
import ma.tadafor.ingestion.pull.PortalPullJobConfiguration;
import ma.tadafor.ingestion.pull.PullSettings;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Decidim source pulled by the {@code portalPull} job, against recorded answers of Decidim's
 * GraphQL API (test resources, shaped by its type definitions) served on 127.0.0.1.
 */
class DecidimPullTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    private final MockWebServer decidim = new MockWebServer();
    private final RecordedGraphQl api = new RecordedGraphQl();
    private AnnotationConfigApplicationContext context;
    private IngestionRuns ingestion;

    @BeforeEach
    void start() throws IOException {
        decidim.setDispatcher(api);
        decidim.start(InetAddress.getLoopbackAddress(), 0);
        context = new AnnotationConfigApplicationContext();
        context.registerBean("warehouse", HikariDataSource.class, () -> {
            HikariDataSource warehouse = Warehouse.open(folder.resolve("warehouse.duckdb"), 8);
            new SchemaMigrator(warehouse).migrate();
            return warehouse;
        }, definition -> definition.setDestroyMethodName("close"));
        context.registerBean(PullSettings.class, () -> IngestionContext.fastRetries(100));
        context.registerBean(DecidimSettings.class, () -> new DecidimSettings(60_000, 2, Duration.ofSeconds(5), 3,
                Duration.ofMillis(10), Duration.ofSeconds(1)));
        context.register(Host.class);
        context.refresh();
        ingestion = context.getBean(IngestionRuns.class);
        context.getBean(SourceStore.class).save(new Source("decidim-beni-mellal", SourceType.DECIDIM, "05.091.01.01",
                decidim.url("/").toString(), null, "0 0 3 * * *", true));
    }

    @AfterEach
    void stop() {
        context.close();
        decidim.close();
    }

    @Test
    void pullsProposalsMeetingsAndBudgetsOfProcessesAndAssembliesThroughTheJob() {
        IngestionRun run = IngestionContext.finished(ingestion, ingestion.start(List.of(), "test"));

        assertThat(run.status()).isEqualTo("COMPLETED");
        assertThat(run.sources().get(0)).satisfies(source -> {
            assertThat(source.read()).isEqualTo(9);
            assertThat(source.inserted()).isEqualTo(8);
            assertThat(source.quarantined()).isEqualTo(1);
        });
        assertThat(rows("SELECT item_id, mechanism, status, start_date, end_date, title_fr, title_ar, initiator, participants "
                + "FROM activity ORDER BY item_id")).containsExactly(
                "budget-project-501|PARTICIPATORY_BUDGET|ACCEPTED|2024-04-01|null|Aire de jeux|null|CITIZENS|0",
                "budget-project-502|PARTICIPATORY_BUDGET|REJECTED|2024-04-01|null|Piste cyclable|null|CITIZENS|0",
                "meeting-301|CITIZEN_MEETING|HELD|2024-03-12|2024-03-12|Réunion publique sur le budget|null|null|48",
                "meeting-302|CITIZEN_MEETING|PLANNED|2024-07-01|2024-07-01|null|لقاء تواصلي|null|0",
                "proposal-101|SUGGESTION|ACCEPTED|2024-03-01|2024-04-02|Éclairer la place du souk|إنارة ساحة السوق|CITIZENS|37",
                "proposal-102|SUGGESTION|SUBMITTED|2024-03-05|null|Horaires de la bibliothèque|null|COMMUNE|0",
                "proposal-103|SUGGESTION|CANCELLED|2024-05-10|null|null|ملعب القرب|CITIZENS|5",
                "proposal-201|SUGGESTION|REJECTED|2024-01-20|2024-02-15|Conseil des jeunes|null|CITIZENS|2");
        assertThat(rows("SELECT item_id, gender, age_band, disability, role, participants FROM participation_cell ORDER BY item_id"))
                .as("Decidim counts people without gender, age or disability").containsExactly(
                        "meeting-301|U|UNKNOWN|null|CITIZEN|48", "proposal-101|U|UNKNOWN|null|CITIZEN|37",
                        "proposal-103|U|UNKNOWN|null|CITIZEN|5", "proposal-201|U|UNKNOWN|null|CITIZEN|2");
        assertThat(rows("SELECT association_id, name FROM association ORDER BY name"))
                .containsExactly("decidim:association-amal|Association Amal", "decidim:jeunes-d'azilal|Jeunes d'Azilal");
        assertThat(rows("SELECT item_id, reason FROM quarantine"))
                .containsExactly("meeting-303|meeting: updatedAt: 'yesterday' is not a date and time");
    }

    @Test
    void pagesThroughEachConnectionWithItsCursor() {
        IngestionContext.finished(ingestion, ingestion.start(List.of(), "test"));

        assertThat(api.requests()).extracting(request -> request.operation() + ":" + request.variables().path("component").asString("")
                        + ":" + request.variables().path("after").asString("-"))
                .containsExactly("Spaces::-", "ProposalFilter::-", "Budgets:13:-", "Meetings:12:-",
                        "Proposals:11:-", "Proposals:11:Mg", "Proposals:21:-");
        assertThat(api.requests()).filteredOn(request -> request.operation().equals("Proposals"))
                .allSatisfy(request -> assertThat(request.variables().path("first").asInt()).isEqualTo(2));
    }

    @Test
    void theNextPullAsksOnlyForChangesSinceTheDayBeforeTheWatermarkAndDropsOlderNodes() {
        IngestionContext.finished(ingestion, ingestion.start(List.of(), "test"));
        api.requests().clear();

        IngestionRun second = IngestionContext.finished(ingestion, ingestion.start(List.of(), "test"));

        // The watermark is the newest updatedAt applied (2024-06-30T08:00Z); minus 5 minutes, the day before.
        assertThat(api.requests()).filteredOn(request -> request.operation().equals("Proposals")).allSatisfy(request -> {
            assertThat(request.query()).contains("filter: {updatedSince: $since}");
            assertThat(request.variables().path("since").asString()).isEqualTo("2024-06-29");
        });
        assertThat(second.sources().get(0).read()).as("only the budget projects updated at the watermark, and the unreadable meeting")
                .isEqualTo(3);
        assertThat(second.sources().get(0).inserted() + second.sources().get(0).updated()).isZero();
    }

    @Test
    void withoutTheFilterInTheSchemaTheQueryDoesNotUseIt() {
        api.proposalFilter = "proposal-filter-published-only.json";
        IngestionContext.finished(ingestion, ingestion.start(List.of(), "test"));
        IngestionRun second = IngestionContext.finished(ingestion, ingestion.start(List.of(), "test"));

        assertThat(second.status()).isEqualTo("COMPLETED");
        assertThat(api.requests()).filteredOn(request -> request.operation().equals("Proposals"))
                .allSatisfy(request -> assertThat(request.query()).doesNotContain("updatedSince"));
        assertThat(second.sources().get(0).read()).isEqualTo(3);
    }

    @Test
    void aThrottledInstanceIsWaitedForAndAQueryItRefusesStopsTheSource() {
        api.throttleNext = 2;
        IngestionRun throttled = IngestionContext.finished(ingestion, ingestion.start(List.of(), "test"));
        assertThat(throttled.status()).isEqualTo("COMPLETED");

        api.refuseQueries = true;
        IngestionRun refused = IngestionContext.finished(ingestion, ingestion.start(List.of(), "test"));
        assertThat(refused.sources().get(0).status()).isEqualTo("FAILED");
        assertThat(refused.sources().get(0).error()).contains("Decidim refused the query: Field 'proposals' doesn't exist");
    }

    private List<String> rows(String sql) {
        try (Connection connection = context.getBean(DataSource.class).getConnection();
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> lines = new ArrayList<>();
            while (rows.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    cells.add(String.valueOf(rows.getString(i)));
                }
                lines.add(String.join("|", cells));
            }
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String recorded(String name) {
        try (InputStream in = DecidimPullTest.class.getResourceAsStream("/decidim/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves the recorded answer of each query by its operation name and variables; keeps what it was asked. */
    static final class RecordedGraphQl extends Dispatcher {

        record Request(String operation, String query, JsonNode variables) {
        }

        private final List<Request> requests = new CopyOnWriteArrayList<>();
        volatile String proposalFilter = "proposal-filter-updated-since.json";
        volatile int throttleNext;
        volatile boolean refuseQueries;

        List<Request> requests() {
            return requests;
        }

        @Override
        public MockResponse dispatch(RecordedRequest recorded) {
            if (!"POST".equals(recorded.getMethod()) || !"/api".equals(recorded.getUrl().encodedPath())) {
                return new MockResponse.Builder().code(404).build();
            }
            if (throttleNext > 0) {
                throttleNext--;
                return new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build();
            }
            JsonNode body = JSON.readTree(recorded.getBody().utf8());
            String query = body.path("query").asString();
            String operation = query.substring(query.indexOf("query ") + 6).split("[ ({]")[0];
            JsonNode variables = body.path("variables");
            requests.add(new Request(operation, query, variables));
            if (refuseQueries) {
                return json("{\"errors\": [{\"message\": \"Field 'proposals' doesn't exist on type 'Proposals'\"}]}");
            }
            String component = variables.path("component").asString("");
            String after = variables.path("after").asString("");
            return json(recorded(switch (operation) {
                case "ProposalFilter" -> proposalFilter;
                case "Spaces" -> "spaces.json";
                case "Proposals" -> component.equals("21") ? "proposals-21.json"
                        : after.isEmpty() ? "proposals-11-page-1.json" : "proposals-11-page-2.json";
                case "Meetings" -> "meetings-12.json";
                case "Budgets" -> "budgets-13.json";
                default -> throw new IllegalArgumentException(operation);
            }));
        }

        private static MockResponse json(String body) {
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(PortalPullJobConfiguration.class)
    static class Host {

        @Bean
        ActivityStore activityStore(DataSource warehouse) {
            return new ActivityStore(warehouse);
        }
    }

}
