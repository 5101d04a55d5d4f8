package ma.tadafor.analytics.lineage;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import ma.tadafor.analytics.disclosure.RecordKeys;

/**
 * Every activity the marts count, as lineage lists it: where and when it took place, its version
 * (the portal's {@code updated_at}), and its total participants with their cell key, so that an
 * item's total can be published through the disclosure layer like any count (docs/PRIVACY.md).
 */
public final class LineageItems {

    private LineageItems() {
    }

    /**
     * @param activities activities of {@link ma.tadafor.analytics.Activities#enriched}
     * @param grain      the participation grain of {@link ma.tadafor.analytics.participation.ParticipationGrain#finest}
     */
    public static Dataset<Row> of(Dataset<Row> activities, Dataset<Row> grain) {
        // Grouped with the base, which the grain is partitioned by: no shuffle of the grain.
        Dataset<Row> totals = grain.groupBy(col("activity_key"), col("base_key"))
                .agg(sum(col("participants")).as("participants"), sum(col("record_key")).as("keys"))
                .drop("base_key");
        return activities.join(totals, new String[] {"activity_key"}, "left")
                .select(col("source_id"), col("item_id"), col("commune_code"), col("province_code"), col("region_code"),
                        col("cohort"), col("mechanism"), col("start_date"), col("semester"), col("updated_at"),
                        col("ingested_at"), coalesce(col("participants"), lit(0L)).as("participants"),
                        RecordKeys.reduced(coalesce(col("keys"), lit(0L))).as("participants_key"));
    }
}
