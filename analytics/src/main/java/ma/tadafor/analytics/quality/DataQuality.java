package ma.tadafor.analytics.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import ma.tadafor.analytics.disclosure.RecordKeys;
import ma.tadafor.analytics.participation.ParticipationCube;
import ma.tadafor.analytics.participation.ParticipationGrain;

/**
 * How far each commune's figures can be trusted: the share of participants whose gender, age or
 * disability is unknown, activities without a date, the median delay (days) between an activity's
 * date and the portal's publication of its latest version ({@code report}) and its arrival in the
 * warehouse ({@code arrival}), and the freshness of the commune's sources, measured at the
 * snapshot's instant.
 */
public final class DataQuality {

    private DataQuality() {
    }

    /**
     * Each commune's activities and participants with what is unknown of them, the partial
     * {@code quality} ({@link ma.tadafor.analytics.Partials}).
     *
     * @param activities activities of {@link ma.tadafor.analytics.Activities#enriched}
     * @param cube       the participation cube, decoded
     */
    public static Dataset<Row> perCommune(Dataset<Row> activities, Dataset<Row> cube) {
        Dataset<Row> perActivity = activities.groupBy(col("commune_code"))
                .agg(count(lit(1)).as("activities"),
                        count(when(col("start_date").isNull(), lit(1))).as("undated_activities"),
                        percentile(datediff(to_date(col("updated_at")), col("start_date")), lit(0.5))
                                .as("median_report_delay_days"),
                        percentile(datediff(to_date(col("ingested_at")), col("start_date")), lit(0.5))
                                .as("median_arrival_delay_days"),
                        max(col("updated_at")).as("last_updated_at"));
        Dataset<Row> participation = cube.filter(col("cell_set").equalTo(ParticipationCube.ALL_CELL_DIMENSIONS))
                .groupBy(col("commune_code"))
                .agg(sum("participants").as("participants"),
                        sum(when(col("gender").equalTo("U"), col("participants"))).as("unknown_gender"),
                        sum(when(col("age_band").equalTo(ParticipationGrain.UNKNOWN), col("participants")))
                                .as("unknown_age"),
                        sum(when(col("disability").equalTo(ParticipationGrain.UNKNOWN), col("participants")))
                                .as("unknown_disability"),
                        // The cell keys of these counts of persons (disclosure control).
                        sum("participants_key").as("participants_key"),
                        sum(when(col("gender").equalTo("U"), col("participants_key"))).as("unknown_gender_key"),
                        sum(when(col("age_band").equalTo(ParticipationGrain.UNKNOWN), col("participants_key")))
                                .as("unknown_age_key"),
                        sum(when(col("disability").equalTo(ParticipationGrain.UNKNOWN), col("participants_key")))
                                .as("unknown_disability_key"));
        // A commune's cells are its activities': every commune of the cube has activities.
        return perActivity.join(participation, new String[] {"commune_code"}, "left");
    }

    /**
     * @param perCommune the rows of {@link #perCommune}, of every commune
     * @param communes   the communes reported on
     * @param info       the snapshot's {@code snapshot_info} (one row, {@code taken_at})
     */
    public static Dataset<Row> of(Dataset<Row> perCommune, Dataset<Row> communes, Dataset<Row> sources,
            Dataset<Row> watermarks, Dataset<Row> info) {
        Dataset<Row> freshness = sources.select(col("id").as("source_id"), col("commune_code"))
                .join(watermarks.select(col("source_id"), col("last_success_at")), new String[] {"source_id"}, "left")
                .groupBy(col("commune_code"))
                .agg(count(lit(1)).as("sources"), max(col("last_success_at")).as("last_success_at"));

        Column participants = coalesce(col("participants"), lit(0L));
        return communes
                .join(perCommune, new String[] {"commune_code"}, "left")
                .join(freshness, new String[] {"commune_code"}, "left")
                .crossJoin(info.select(col("taken_at")))
                .select(col("commune_code"), col("province_code"), col("region_code"), col("cohort"),
                        coalesce(col("activities"), lit(0L)).as("activities"),
                        coalesce(col("undated_activities"), lit(0L)).as("undated_activities"),
                        participants.as("participants"),
                        coalesce(col("unknown_gender"), lit(0L)).as("unknown_gender"),
                        coalesce(col("unknown_age"), lit(0L)).as("unknown_age"),
                        coalesce(col("unknown_disability"), lit(0L)).as("unknown_disability"),
                        share(col("unknown_gender"), participants).as("unknown_gender_share"),
                        share(col("unknown_age"), participants).as("unknown_age_share"),
                        share(col("unknown_disability"), participants).as("unknown_disability_share"),
                        col("median_report_delay_days"), col("median_arrival_delay_days"), col("last_updated_at"),
                        coalesce(col("sources"), lit(0L)).as("sources"), col("last_success_at"),
                        floor(unix_seconds(col("taken_at")).minus(unix_seconds(col("last_success_at"))).divide(3600))
                                .as("hours_since_success"),
                        key("participants_key"), key("unknown_gender_key"), key("unknown_age_key"),
                        key("unknown_disability_key"));
    }

    private static Column key(String name) {
        return RecordKeys.reduced(coalesce(col(name), lit(0L))).as(name);
    }

    private static Column share(Column part, Column whole) {
        return when(whole.gt(0), coalesce(part, lit(0L)).multiply(100.0).divide(whole));
    }
}
