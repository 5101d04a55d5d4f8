package ma.tadafor.dashboard.ingestion;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import ma.tadafor.ingestion.portal.PortalClientSettings;
import ma.tadafor.ingestion.pull.PullSettings;

/**
 * How the platform pulls the commune portals (see docs/RELIABILITY.md for why each default).
 *
 * @param schedule         whether sources are pulled on their cron schedules
 * @param parallelSources  sources pulled at the same time
 * @param chunkSize        feed items applied per transaction
 * @param watermarkOverlap how far before its watermark a source is asked again
 * @param portal           timeouts, retries and limits for each portal
 */
@ConfigurationProperties("tadafor.ingestion")
public record IngestionProperties(
        @DefaultValue("true") boolean schedule,
        @DefaultValue("4") int parallelSources,
        @DefaultValue("5000") int chunkSize,
        @DefaultValue("5m") Duration watermarkOverlap,
        @DefaultValue Portal portal) {

    public record Portal(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("30s") Duration readTimeout,
            @DefaultValue("1000") int pageSize,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("10") int maxThrottledRetries,
            @DefaultValue("2m") Duration maxRetryAfter,
            @DefaultValue("64MB") DataSize maxPageSize) {
    }

    PullSettings pullSettings() {
        return new PullSettings(parallelSources, chunkSize, watermarkOverlap, new PortalClientSettings(
                portal.connectTimeout(), portal.readTimeout(), portal.pageSize(), portal.maxAttempts(),
                portal.initialBackoff(), portal.maxBackoff(), portal.maxThrottledRetries(), portal.maxRetryAfter(),
                portal.maxPageSize().toBytes()));
    }
}
