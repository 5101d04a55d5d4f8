package ma.tadafor.dashboard.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ma.tadafor.dashboard.DemoApplicationTest;

/** After the demo's pulls and refreshes, /actuator/prometheus has their figures; a run's log lines carry its id. */
@ExtendWith(OutputCaptureExtension.class)
class MetricsAndLogsTest extends DemoApplicationTest {

    @Test
    void theMetricsOfIngestionAnalyticsAndHttpAreScrapedByAnAdministratorOnly() throws Exception {
        awaitMarts();
        get("/api/v1/participation", "dgct");

        HttpResponse<String> scrape = get("/actuator/prometheus", "admin");
        assertThat(scrape.statusCode()).isEqualTo(200);
        Map<String, Double> samples = samples(scrape.body());
        assertThat(samples.get("tadafor_ingestion_items_total{outcome=\"read\"}")).isPositive();
        assertThat(samples.get("tadafor_ingestion_items_total{outcome=\"inserted\"}")).isPositive();
        assertThat(samples.get("tadafor_ingestion_items_total{outcome=\"updated\"}")).as("petitions moved on").isPositive();
        assertThat(samples).containsKey("tadafor_ingestion_items_total{outcome=\"quarantined\"}");
        assertThat(samples.get("tadafor_ingestion_runs_seconds_count{status=\"COMPLETED\"}")).isGreaterThanOrEqualTo(4);
        assertThat(samples.get("tadafor_ingestion_runs_seconds_sum{status=\"COMPLETED\"}")).isPositive();
        assertThat(samples.get("tadafor_analytics_runs_seconds_count{status=\"COMPLETED\"}")).isPositive();
        assertThat(samples.get("tadafor_marts_age_seconds")).isBetween(0.0, 3600.0);
        assertThat(samples.entrySet()).anySatisfy(sample -> {
            assertThat(sample.getKey()).startsWith("http_server_requests_seconds_count{")
                    .contains("uri=\"/api/v1/participation\"");
            assertThat(sample.getValue()).isPositive();
        });

        assertThat(anonymous("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "enabel").statusCode()).isEqualTo(403);
        assertThat(anonymous("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void everyLineOfAnIngestionRunCarriesItsRunId(CapturedOutput output) throws Exception {
        awaitDemoPulls();
        HttpResponse<String> accepted = send("POST", "/api/v1/ingestion/runs", "admin",
                "{\"sources\": [\"portal-05.091.01.07\"]}");
        String runId = (String) object(accepted).get("runId");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !"RUNNING".equals(object(get("/api/v1/ingestion/runs/" + runId, "admin")).get("status")));

        String tag = "[run " + runId + "]";
        // The run's status is written before the job logs its end: wait for the line, not only the status.
        await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().lines()
                .anyMatch(line -> line.contains(tag) && line.contains("Ingestion run " + runId)));
        assertThat(output.getOut().lines().filter(line -> line.contains(tag)))
                .as("the job's and the source's lines").anyMatch(line -> line.contains("Ingestion run " + runId))
                .anyMatch(line -> line.contains("Source portal-05.091.01.07 COMPLETED"));
    }

    /** Each sample line of the Prometheus text format: name with labels → value. */
    private static Map<String, Double> samples(String body) {
        Map<String, Double> samples = new HashMap<>();
        body.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return samples;
    }
}
