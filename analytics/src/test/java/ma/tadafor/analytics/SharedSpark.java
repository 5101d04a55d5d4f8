package ma.tadafor.analytics;

import org.apache.spark.sql.SparkSession;

/** One local Spark session per test JVM: starting Spark takes seconds, sharing it keeps the suite fast. */
public final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("tadafor-analytics-tests")
                    .master("local[2]")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
        }
        return session;
    }
}
