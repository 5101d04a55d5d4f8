package ma.tadafor.dashboard.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How committee briefs are printed and when they are prepared (docs/COMMITTEES.md).
 *
 * @param chromium       the headless Chromium that prints briefs to PDF (Debian package {@code chromium});
 *                       without it the brief answers 503 and the rest of the platform runs as usual
 * @param timeout        the longest one print may take before Chromium is stopped
 * @param parallelPrints briefs printed at the same time (each is a Chromium process)
 * @param leadTime       how long before a planned meeting its briefs are prepared
 * @param checkEvery     how often the job looks for meetings due their briefs; 0 turns the job off
 */
@ConfigurationProperties("tadafor.reports")
public record ReportProperties(
        @DefaultValue("/usr/bin/chromium") Path chromium,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("2") int parallelPrints,
        @DefaultValue("14d") Period leadTime,
        @DefaultValue("1h") Duration checkEvery) {
}
