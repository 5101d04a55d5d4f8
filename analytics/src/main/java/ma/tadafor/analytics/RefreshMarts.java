package ma.tadafor.analytics;

import java.nio.file.Path;

import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import ma.tadafor.analytics.participation.ParticipationGrain;

/**
 * The analytics job as {@code spark-submit} runs it: reads the warehouse's Parquet snapshot,
 * writes Parquet marts. Usage: {@code RefreshMarts <snapshot folder> <marts folder>}.
 */
public final class RefreshMarts {

    private RefreshMarts() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: RefreshMarts <snapshot folder> <marts folder>");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("tadafor-refresh-marts").getOrCreate();
        try {
            run(spark, Path.of(args[0]), Path.of(args[1]));
        } finally {
            spark.stop();
        }
    }

    public static void run(SparkSession spark, Path snapshot, Path marts) {
        ParticipationGrain.finest(
                        spark.read().parquet(snapshot.resolve("activity").toString()),
                        spark.read().parquet(snapshot.resolve("participation_cell").toString()))
                .write().mode(SaveMode.Overwrite)
                .parquet(marts.resolve("participation_grain").toString());
    }
}
