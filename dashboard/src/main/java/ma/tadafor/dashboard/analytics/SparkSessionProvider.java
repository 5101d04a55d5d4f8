package ma.tadafor.dashboard.analytics;

import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import ma.tadafor.analytics.RefreshMarts;

/**
 * The application's Spark session, started on first use and never at application start (it
 * takes seconds and most starts never refresh the marts), stopped with the application. Spark
 * allows one session per JVM: this is it.
 */
public class SparkSessionProvider implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SparkSessionProvider.class);

    private final AnalyticsProperties properties;
    private SparkSession session;

    public SparkSessionProvider(AnalyticsProperties properties) {
        this.properties = properties;
    }

    public synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) {
            log.info("Starting Spark (master {})", properties.master());
            SparkSession.Builder builder = SparkSession.builder()
                    .appName("tadafor-observatory")
                    .master(properties.master())
                    .config("spark.driver.host", properties.driverHost())
                    .config("spark.driver.bindAddress", properties.driverHost())
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", String.valueOf(properties.shufflePartitions()))
                    .config("spark.sql.session.timeZone", "UTC");
            RefreshMarts.SESSION_SETTINGS.forEach(builder::config);
            if (!properties.jars().isEmpty()) {
                builder.config("spark.jars", String.join(",", properties.jars()));
            }
            properties.spark().forEach(builder::config);
            session = builder.getOrCreate();
        }
        return session;
    }

    public synchronized boolean started() {
        return session != null && !session.sparkContext().isStopped();
    }

    /** Cancels the jobs under way: their caller gets Spark's exception at once instead of waiting for them. */
    public synchronized void cancelJobs() {
        if (started()) {
            session.sparkContext().cancelAllJobs();
        }
    }

    @Override
    public synchronized void destroy() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }
}
