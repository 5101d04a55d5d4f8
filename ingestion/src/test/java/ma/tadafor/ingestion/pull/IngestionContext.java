package ma.tadafor.ingestion.pull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.Warehouse;
import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.ingestion.IngestionRun;
import ma.tadafor.data.migration.SchemaMigrator;
import ma.tadafor.ingestion.portal.PortalClientSettings;

/**
 * The ingestion job in a plain Spring context over a real warehouse file, as the application
 * hosts it (the application adds its own configuration properties and scheduler on top).
 */
public final class IngestionContext {

    private IngestionContext() {
    }

    public static AnnotationConfigApplicationContext open(Path warehouseFile, PullSettings settings) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean("warehouse", HikariDataSource.class, () -> {
            HikariDataSource warehouse = Warehouse.open(warehouseFile, 8);
            new SchemaMigrator(warehouse).migrate();
            return warehouse;
        }, definition -> definition.setDestroyMethodName("close"));
        context.registerBean(PullSettings.class, () -> settings);
        context.register(Host.class);
        context.refresh();
        return context;
    }

    /** Waits for a run to end and returns its report. */
    public static IngestionRun finished(IngestionRuns ingestion, String runId) {
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> !ingestion.find(runId).orElseThrow().status().equals("RUNNING"));
        return ingestion.find(runId).orElseThrow();
    }

    /** The single number a SQL query over the context's warehouse answers. */
    public static long count(AnnotationConfigApplicationContext context, String sql) {
        try (Connection connection = context.getBean(DataSource.class).getConnection();
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Quick retries, so that tests of transient failures do not wait for production backoffs. */
    public static PullSettings fastRetries(int chunkSize) {
        return new PullSettings(3, chunkSize, Duration.ofMinutes(5), new PortalClientSettings(Duration.ofSeconds(2),
                Duration.ofSeconds(5), 50, 4, Duration.ofMillis(20), Duration.ofMillis(200), 5, Duration.ofSeconds(2),
                16L * 1024 * 1024));
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
