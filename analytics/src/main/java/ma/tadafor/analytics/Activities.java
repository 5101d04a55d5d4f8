package ma.tadafor.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Activities with what every mart groups or filters them by: their place in the hierarchy and
 * cohort, their month, year and semester (null when the portal gave no date), whether they are
 * linked to an INDH project, the Tadafor funding of co-construction projects, and a number
 * ({@code activity_key}) that aggregations hash instead of two strings.
 */
public final class Activities {

    private Activities() {
    }

    /** An activity's number: its (source, item) hashed; {@link #requireDistinctKeys} rules out collisions. */
    public static Column key() {
        return xxhash64(col("source_id"), col("item_id"));
    }

    /** Fails if two activities got the same key (about one chance in 10^7 among a million activities). */
    public static void requireDistinctKeys(Dataset<Row> activities) {
        if (!activities.groupBy(col("activity_key")).count().filter(col("count").gt(1)).isEmpty()) {
            throw new IllegalStateException("two activities hash to the same key: the marts cannot be computed exactly");
        }
    }

    /** @param links the INDH links of {@link ma.tadafor.analytics.convergence.IndhLinks} */
    public static Dataset<Row> enriched(Snapshot snapshot, Dataset<Row> communes, Dataset<Row> links) {
        Dataset<Row> linked = links.select(col("source_id"), col("item_id")).distinct()
                .withColumn("indh_linked", lit(true));
        return snapshot.activities()
                .join(communes, new String[] {"commune_code"}, "inner")
                .join(linked, new String[] {"source_id", "item_id"}, "left")
                .join(snapshot.coConstructionProjects().select(col("source_id"), col("item_id"), col("tadafor_mad")),
                        new String[] {"source_id", "item_id"}, "left")
                .select(key().as("activity_key"), col("source_id"), col("item_id"), col("commune_code"), col("province_code"), col("region_code"),
                        col("cohort"), col("mechanism"), col("status"), col("theme"), col("initiator"),
                        col("indh_linked").isNotNull().as("indh_linked"), col("tadafor_mad"),
                        col("start_date"), col("updated_at"), col("ingested_at"),
                        trunc(col("start_date"), "month").as("month"), year(col("start_date")).as("year"),
                        Semesters.semesterOf(col("start_date")).as("semester"));
    }
}
