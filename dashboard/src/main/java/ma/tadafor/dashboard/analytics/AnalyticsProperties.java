package ma.tadafor.dashboard.analytics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import ma.tadafor.analytics.indicators.StatusThresholds;

/**
 * How the marts are refreshed (docs/ANALYTICS.md).
 *
 * @param master            Spark's master: {@code local[*]} runs the jobs in this JVM; {@code spark://host:7077}
 *                          on a standalone cluster, whose workers must see {@code exchange} at the same path
 * @param driverHost        the address executors reach the driver at (loopback on one machine)
 * @param exchange          where snapshots and marts are written, one folder per run, removed after it
 * @param shufflePartitions Spark's {@code spark.sql.shuffle.partitions}: small, the data is small once aggregated
 * @param jars              jars shipped to a cluster's executors ({@code spark.jars}): the analytics jar
 * @param spark             any other Spark setting, passed as is
 * @param status            when an indicator is on track or at risk (its actual ÷ target)
 * @param warmUp            Spark warmed up at start, in the background, on the facts of a few sources
 */
@ConfigurationProperties("tadafor.analytics")
public record AnalyticsProperties(
        @DefaultValue("local[*]") String master,
        @DefaultValue("127.0.0.1") String driverHost,
        @DefaultValue("./var/exchange") Path exchange,
        @DefaultValue("4") int shufflePartitions,
        @DefaultValue List<String> jars,
        @DefaultValue Map<String, String> spark,
        @DefaultValue Status status,
        @DefaultValue WarmUp warmUp) {

    /** @param sources how many sources' facts the warm-up's sample holds (0: no warm-up) */
    public record WarmUp(@DefaultValue("20") int sources) {
    }

    public record Status(@DefaultValue("0.9") double onTrack, @DefaultValue("0.6") double atRisk) {

        public StatusThresholds thresholds() {
            return new StatusThresholds(onTrack, atRisk);
        }
    }
}
