package ma.tadafor.analytics.quality;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import ma.tadafor.analytics.disclosure.RecordKeys;

/**
 * Items and commune semesters whose participants depart from their history (docs/TRUST.md, "Outliers").
 *
 * <p>An item is judged by the robust z-score of its participants among the items of its commune and
 * mechanism, all semesters (or of its province and mechanism where the commune has fewer than
 * {@link OutlierRules#minHistory()}): {@code 0.6745 · (x − median) / MAD}; the median and the median
 * absolute deviation (MAD) are not pulled by the outliers they look for, as a mean and a standard
 * deviation would be. Where more than half the history has the same count the MAD is 0, and the score
 * is taken on the mean absolute deviation instead, {@code (x − median) / (1.253314 · meanAD)} (IBM's
 * modified z); where every item has the same count nothing departs.
 *
 * <p>A commune's semester is judged by a jump rule: its total against the median of its previous
 * semesters' totals (the latest {@link OutlierRules#lookbackSemesters()}), flagged above
 * {@code jumpFactor} times that median or below it divided by {@code jumpFactor}.
 *
 * <p>The output is one row per flag, with the flagged count and what it was expected to be, both with
 * the cell keys of the records they are made of so that the disclosure layer can publish them.
 */
public final class Outliers {

    public static final String ITEM = "item";
    public static final String COMMUNE_SEMESTER = "commune-semester";
    /** Turns a MAD into the standard deviation of a normal distribution's: 1 / 1.4826. */
    static final double MAD_CONSISTENCY = 0.6745;
    /** Turns a mean absolute deviation into that standard deviation: √(π/2). */
    static final double MEAN_AD_CONSISTENCY = 1.253314;

    private Outliers() {
    }

    /**
     * @param items the rows of {@link #itemTotals}, of every commune (a tenth of the grain's rows, read five
     *              times: summed once, written and read back, not once per reading)
     * @return the flags: {@code kind, source_id, item_id, item_version, commune_code, province_code, mechanism,
     *         semester, value, value_key, expected, expected_key, score, basis, history}
     */
    public static Dataset<Row> of(Dataset<Row> items, OutlierRules rules) {
        return flaggedItems(items, rules).unionByName(flaggedSemesters(semesterTotals(items), rules));
    }

    /**
     * Each activity with participants, its total and the total's cell key: the partial {@code outlier_item}
     * ({@link ma.tadafor.analytics.Partials}).
     *
     * @param activities the enriched activities ({@code activity_key}, {@code source_id}, {@code item_id},
     *                   {@code updated_at}, {@code commune_code}, {@code province_code}, {@code mechanism},
     *                   {@code semester})
     * @param grain      the participation grain ({@code activity_key}, {@code base_key}, {@code participants},
     *                   {@code record_key}), partitioned by base
     */
    public static Dataset<Row> itemTotals(Dataset<Row> activities, Dataset<Row> grain) {
        // Grouped with the base, which the grain is partitioned by: no shuffle of the grain.
        Dataset<Row> totals = grain.groupBy(col("activity_key"), col("base_key"))
                .agg(sum(col("participants")).as("value"), RecordKeys.reduced(sum(col("record_key"))).as("value_key"))
                .drop("base_key");
        return activities.select(col("activity_key"), col("source_id"), col("item_id"), col("updated_at").as("item_version"),
                        col("commune_code"), col("province_code"), col("mechanism"), col("semester"))
                .join(totals, "activity_key");
    }

    /** @param items the rows of {@link #itemTotals} */
    static Dataset<Row> flaggedItems(Dataset<Row> items, OutlierRules rules) {
        Dataset<Row> communal = history(items, "c_", "commune_code", "mechanism");
        Dataset<Row> provincial = history(items, "p_", "province_code", "mechanism");
        Column own = col("c_n").geq(rules.minHistory());
        Dataset<Row> judged = items.join(communal, new String[] {"commune_code", "mechanism"}, "left")
                .join(provincial, new String[] {"province_code", "mechanism"}, "left")
                .filter(own.or(col("p_n").geq(rules.minHistory())))
                .withColumn("basis", when(own, lit("commune")).otherwise(lit("province")))
                .withColumn("expected", when(own, col("c_median")).otherwise(col("p_median")))
                .withColumn("expected_key", when(own, col("c_key")).otherwise(col("p_key")))
                .withColumn("history", when(own, col("c_n")).otherwise(col("p_n")))
                .withColumn("score", robustZ(col("value"), col("expected"),
                        when(own, col("c_mad")).otherwise(col("p_mad")),
                        when(own, col("c_mean_ad")).otherwise(col("p_mean_ad"))));
        return judged.filter(abs(col("score")).gt(rules.zThreshold()))
                .select(lit(ITEM).as("kind"), col("source_id"), col("item_id"), col("item_version"), col("commune_code"),
                        col("province_code"), col("mechanism"), col("semester"), col("value"), col("value_key"),
                        col("expected"), col("expected_key"), col("score"), col("basis"), col("history"));
    }

    /**
     * The robust z-score of {@code x} ({@code 0.6745 · (x − median) / MAD}; on the mean absolute deviation
     * where the MAD is 0; null where both are 0: nothing departs from a history of equal counts).
     */
    static Column robustZ(Column x, Column median, Column mad, Column meanAd) {
        Column deviation = x.minus(median);
        return when(mad.gt(0), deviation.multiply(MAD_CONSISTENCY).divide(mad))
                .when(meanAd.gt(0), deviation.divide(meanAd.multiply(MEAN_AD_CONSISTENCY)));
    }

    /** Per group: its items ({@code n}), their median, MAD, mean absolute deviation and the cell key of them all. */
    private static Dataset<Row> history(Dataset<Row> items, String prefix, String... by) {
        Column[] groups = Arrays.stream(by).map(name -> col(name)).toArray(Column[]::new);
        Dataset<Row> medians = items.groupBy(groups).agg(count(lit(1)).as("n"), median(col("value")).as("median"),
                RecordKeys.reduced(sum(col("value_key"))).as("key"));
        return items.join(medians, by).withColumn("deviation", abs(col("value").minus(col("median"))))
                .groupBy(groups)
                .agg(first(col("n")).as(prefix + "n"),
                        first(col("median")).as(prefix + "median"),
                        first(col("key")).as(prefix + "key"),
                        median(col("deviation")).as(prefix + "mad"), avg(col("deviation")).as(prefix + "mean_ad"));
    }

    /** Each commune's dated participation per semester, with its cell key. */
    static Dataset<Row> semesterTotals(Dataset<Row> items) {
        return items.filter(col("semester").isNotNull())
                .groupBy(col("commune_code"), col("province_code"), col("semester"))
                .agg(sum(col("value")).as("value"), RecordKeys.reduced(sum(col("value_key"))).as("value_key"));
    }

    /** @param totals the rows of {@link #semesterTotals} */
    static Dataset<Row> flaggedSemesters(Dataset<Row> totals, OutlierRules rules) {
        // Semesters are written 2024S1, 2024S2, 2025S1: their text order is their order in time.
        Dataset<Row> previous = totals.as("t").join(totals.as("p"), col("p.commune_code").equalTo(col("t.commune_code"))
                        .and(col("p.semester").lt(col("t.semester"))))
                .select(col("t.commune_code"), col("t.province_code"), col("t.semester"), col("t.value"),
                        col("t.value_key"), col("p.value").as("previous"), col("p.value_key").as("previous_key"),
                        row_number().over(Window.partitionBy(col("t.commune_code"), col("t.semester"))
                                .orderBy(col("p.semester").desc())).as("back"))
                .filter(col("back").leq(rules.lookbackSemesters()));
        Dataset<Row> judged = previous
                .groupBy(col("commune_code"), col("province_code"), col("semester"), col("value"), col("value_key"))
                .agg(count(lit(1)).as("history"), median(col("previous")).as("expected"),
                        RecordKeys.reduced(sum(col("previous_key"))).as("expected_key"))
                .filter(col("history").geq(rules.minPreviousSemesters()))
                .withColumn("score", col("value").divide(col("expected")));
        return judged.filter(col("score").gt(rules.jumpFactor()).or(col("score").lt(1 / rules.jumpFactor())))
                .select(lit(COMMUNE_SEMESTER).as("kind"), lit(null).cast("string").as("source_id"),
                        lit(null).cast("string").as("item_id"), lit(null).cast("timestamp").as("item_version"),
                        col("commune_code"), col("province_code"), lit(null).cast("string").as("mechanism"),
                        col("semester"), col("value"), col("value_key"), col("expected"), col("expected_key"),
                        col("score"), lit("previous-semesters").as("basis"), col("history"));
    }
}
