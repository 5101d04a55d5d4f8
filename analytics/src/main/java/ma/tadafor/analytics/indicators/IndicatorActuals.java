package ma.tadafor.analytics.indicators;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

import ma.tadafor.analytics.Scopes;
import ma.tadafor.analytics.disclosure.RecordKeys;
import ma.tadafor.analytics.indicators.Indicator.Computation;
import ma.tadafor.analytics.participation.ParticipationGrain;

/**
 * The actual of every indicator per scope and semester, computed from its definition, with its
 * target and status. Every computed indicator is aggregated in the same two passes (the grain per
 * activity, then activities per commune and semester) into a numerator and a denominator; cumulative ones are summed over semesters per commune, then everything is summed
 * up the territorial hierarchy and only then divided. Amounts stay decimal until that division,
 * so the figures are exact whatever the order of summation. Indicators made of participant counts
 * carry the cell keys of their numerator and denominator ({@link RecordKeys}): {@code numerator_key}
 * is the key of a count's actual or of a share's numerator, {@code denominator_key} that of a share's
 * denominator; the disclosure layer protects them before anyone but an administrator sees them.
 */
public final class IndicatorActuals {

    private static final String AMOUNT = "decimal(38,2)";

    private IndicatorActuals() {
    }

    /**
     * Each commune's numerator and denominator of every computed indicator per semester ({@code n<k>},
     * {@code d<k>} and, for counts of participants, their keys {@code nk<k>}, {@code dk<k>}, {@code k} the
     * indicator's rank among the computed ones by code), before any cumulation: the partial
     * {@code indicator} ({@link ma.tadafor.analytics.Partials}).
     *
     * @param activities activities of {@link ma.tadafor.analytics.Activities#enriched}
     * @param grain      the participation grain of {@link ParticipationGrain#finest}
     */
    public static Dataset<Row> perCommune(List<Indicator> indicators, Dataset<Row> activities, Dataset<Row> grain) {
        Terms terms = Terms.of(computed(indicators), activities, grain);
        return terms.dated().groupBy(col("commune_code"), col("semester"))
                .agg(count(lit(1)).as("dated_activities"), terms.perCommune().toArray(Column[]::new));
    }

    /**
     * @param perCommune the rows of {@link #perCommune}, of every commune
     * @param communes   the communes reported on
     * @param semesters  the semesters reported on, one column {@code semester}
     */
    public static Dataset<Row> of(List<Indicator> indicators, Dataset<Row> perCommune, Dataset<Row> communes,
            Dataset<Row> semesters, Dataset<Row> targets, Dataset<Row> manualValues, StatusThresholds thresholds) {
        List<Indicator> computed = computed(indicators);
        List<Indicator> manual = indicators.stream().filter(i -> i.computation() == Computation.MANUAL).toList();

        Dataset<Row> grid = communes.crossJoin(semesters);
        Dataset<Row> perCommuneAndSemester = grid.join(perCommune, new String[] {"commune_code", "semester"}, "left");

        // One row per indicator, commune and semester: the wide row unpivoted.
        List<Column> perIndicator = new ArrayList<>();
        for (int k = 0; k < computed.size(); k++) {
            Indicator indicator = computed.get(k);
            perIndicator.add(struct(lit(indicator.code()).as("indicator_code"),
                    lit(indicator.computation().name()).as("computation"), lit(indicator.cumulative()).as("cumulative"),
                    coalesce(col("n" + k), lit(0).cast(AMOUNT)).as("num"),
                    coalesce(col("d" + k), lit(0).cast(AMOUNT)).as("den"),
                    // Counts of participants have cell keys (disclosure control); other computations count no person.
                    indicator.computation().ofCells() ? coalesce(col("nk" + k), lit(0L)).as("num_key") : lit(null).cast("long").as("num_key"),
                    indicator.computation().ofCells() ? coalesce(col("dk" + k), lit(0L)).as("den_key") : lit(null).cast("long").as("den_key")));
        }
        Dataset<Row> actuals = computed.isEmpty() ? null : perCommuneAndSemester
                .select(col("commune_code"), col("province_code"), col("region_code"), col("semester"),
                        explode(array(perIndicator.toArray(Column[]::new))).as("i"))
                .select(col("commune_code"), col("province_code"), col("region_code"), col("semester"), col("i.*"));
        Dataset<Row> scopeSemesters = Scopes.rollUp(grid.withColumn("one", lit(1L)), List.of("semester"), List.of("one"))
                .select(col("scope"), col("semester"));
        Dataset<Row> result = manual(manual, scopeSemesters, manualValues);
        if (actuals != null) {
            result = result == null ? computed(actuals) : computed(actuals).union(result);
        }
        if (result == null) {
            return scopeSemesters.limit(0).select(lit(null).cast("string").as("indicator_code"), col("scope"),
                    col("semester"), lit(null).cast("double").as("actual"), lit(null).cast("double").as("target"),
                    lit(null).cast("string").as("status"), lit(null).cast("double").as("numerator"),
                    lit(null).cast("double").as("denominator"), lit(null).cast("int").as("numerator_key"),
                    lit(null).cast("int").as("denominator_key"));
        }
        return result.join(targets.select(col("indicator_code"), col("scope"), col("semester"), col("target")),
                        new String[] {"indicator_code", "scope", "semester"}, "left")
                .select(col("indicator_code"), col("scope"), col("semester"), col("actual"), col("target"),
                        status(col("actual"), col("target"), thresholds).as("status"), col("numerator"),
                        col("denominator"), col("numerator_key"), col("denominator_key"));
    }

    /**
     * Per activity and computed indicator, what the activity adds to the indicator's numerator and
     * denominator in its own semester (rows where both are 0 left out): {@code indicator_code,
     * source_id, item_id, commune_code, semester, cumulative, numerator, denominator}. A count's
     * items add up to its actual in a scope (over the semesters up to it for a cumulative one);
     * a share's add up to its terms; {@code COUNT_COMMUNES} counts each commune once, not its items.
     */
    public static Dataset<Row> contributions(List<Indicator> indicators, Dataset<Row> activities, Dataset<Row> grain) {
        List<Indicator> computed = computed(indicators);
        if (computed.isEmpty()) {
            return activities.limit(0).select(lit(null).cast("string").as("indicator_code"), col("source_id"), col("item_id"),
                    col("commune_code"), col("semester"), lit(false).as("cumulative"), lit(0.0).as("numerator"),
                    lit(0.0).as("denominator"));
        }
        Terms terms = Terms.of(computed, activities, grain);
        List<Column> perCommune = terms.perCommune();
        Dataset<Row> perItem = terms.dated().groupBy(col("source_id"), col("item_id"), col("commune_code"), col("semester"))
                .agg(perCommune.get(0), perCommune.subList(1, perCommune.size()).toArray(Column[]::new));
        List<Column> perIndicator = new ArrayList<>();
        for (int k = 0; k < computed.size(); k++) {
            perIndicator.add(struct(lit(computed.get(k).code()).as("indicator_code"),
                    lit(computed.get(k).cumulative()).as("cumulative"),
                    coalesce(col("n" + k), lit(0).cast(AMOUNT)).cast("double").as("numerator"),
                    coalesce(col("d" + k), lit(0).cast(AMOUNT)).cast("double").as("denominator")));
        }
        return perItem.select(col("source_id"), col("item_id"), col("commune_code"), col("semester"),
                        explode(array(perIndicator.toArray(Column[]::new))).as("i"))
                .select(col("i.indicator_code"), col("source_id"), col("item_id"), col("commune_code"), col("semester"),
                        col("i.cumulative"), col("i.numerator"), col("i.denominator"))
                .filter(col("numerator").notEqual(0).or(col("denominator").notEqual(0)));
    }

    /**
     * What each activity contributes to each computed indicator, as aggregations over activities:
     * {@code n<k>} and {@code d<k>} (numerator and denominator) and, for counts of participants,
     * their key sums {@code nk<k>} and {@code dk<k>}; {@code dated} holds the dated activities with
     * what their cells contribute. Aggregated per commune and semester for the marts, per activity
     * for lineage ({@link #contributions}): the same terms, so that an indicator's items add up to it.
     */
    private record Terms(Dataset<Row> dated, List<Column> perCommune) {

        static Terms of(List<Indicator> computed, Dataset<Row> activities, Dataset<Row> grain) {
            // Per activity, what its cells contribute to each indicator: participants passing its cell
            // conditions, and whether any cell passes them (for counts of activities).
            List<Column> perActivity = new ArrayList<>();
            List<Column> perCommune = new ArrayList<>();
            for (int k = 0; k < computed.size(); k++) {
                Indicator indicator = computed.get(k);
                IndicatorFilter filter = indicator.filter();
                IndicatorFilter share = indicator.shareFilter();
                if (indicator.computation().ofCells()) {
                    perActivity.add(sum(when(filter.cellCondition(), col("participants"))).as("pf" + k));
                    perActivity.add(sum(when(filter.cellCondition().and(share.cellCondition()), col("participants"))).as("ps" + k));
                    perActivity.add(sum(when(filter.cellCondition(), col("record_key"))).as("kf" + k));
                    perActivity.add(sum(when(filter.cellCondition().and(share.cellCondition()), col("record_key"))).as("ks" + k));
                    Column numerator = filter.activityCondition().and(share.activityCondition());
                    perCommune.add(sum(when(numerator, col("ps" + k))).cast(AMOUNT).as("n" + k));
                    perCommune.add(sum(when(filter.activityCondition(), col("pf" + k))).cast(AMOUNT).as("d" + k));
                    perCommune.add(sum(when(numerator, col("ks" + k))).as("nk" + k));
                    perCommune.add(sum(when(filter.activityCondition(), col("kf" + k))).as("dk" + k));
                    continue;
                }
                Column passes = filter.activityCondition();
                if (filter.hasCellConditions()) {
                    perActivity.add(max(when(filter.cellCondition(), lit(true))).as("any_f" + k));
                    passes = passes.and(col("any_f" + k).isNotNull());
                }
                Column sharePasses = share.activityCondition();
                if (share.hasCellConditions()) {
                    perActivity.add(max(when(share.cellCondition(), lit(true))).as("any_s" + k));
                    sharePasses = sharePasses.and(col("any_s" + k).isNotNull());
                }
                Column numerator = switch (indicator.computation()) {
                    case SUM_TADAFOR_FUNDING -> sum(when(passes, col("tadafor_mad")));
                    case SHARE_OF_ACTIVITIES -> count(when(passes.and(sharePasses), lit(1)));
                    default -> count(when(passes, lit(1)));
                };
                perCommune.add(numerator.cast(AMOUNT).as("n" + k));
                perCommune.add(count(when(passes, lit(1))).cast(AMOUNT).as("d" + k));
            }
            Dataset<Row> dated = activities.filter(col("semester").isNotNull());
            if (!perActivity.isEmpty()) {
                // Grouped with the base, which the grain is partitioned by: no shuffle of the grain.
                Dataset<Row> cells = grain.groupBy(col("activity_key"), col("base_key"))
                        .agg(perActivity.get(0), perActivity.subList(1, perActivity.size()).toArray(Column[]::new));
                dated = dated.join(cells.drop("base_key"), new String[] {"activity_key"}, "left");
            }
            return new Terms(dated, perCommune);
        }
    }

    private static List<Indicator> computed(List<Indicator> indicators) {
        return indicators.stream().filter(i -> i.computation() != Computation.MANUAL).toList();
    }

    private static Dataset<Row> computed(Dataset<Row> actuals) {
        WindowSpec upToSemester = Window.partitionBy(col("indicator_code"), col("commune_code")).orderBy(col("semester"))
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Dataset<Row> perCommune = actuals
                .withColumn("num", when(col("cumulative"), sum(col("num")).over(upToSemester)).otherwise(col("num")))
                .withColumn("den", when(col("cumulative"), sum(col("den")).over(upToSemester)).otherwise(col("den")))
                .withColumn("num_key", when(col("cumulative"), sum(col("num_key")).over(upToSemester)).otherwise(col("num_key")))
                .withColumn("den_key", when(col("cumulative"), sum(col("den_key")).over(upToSemester)).otherwise(col("den_key")))
                // A commune counts once in COUNT_COMMUNES, whatever the number of its activities.
                .withColumn("num", when(col("computation").equalTo(Computation.COUNT_COMMUNES.name()),
                        when(col("num").gt(0), lit(1)).otherwise(lit(0)).cast(AMOUNT)).otherwise(col("num")))
                // Small (indicators × communes × semesters) and read by each of the four levels of scope.
                .persist(StorageLevel.MEMORY_AND_DISK());
        Column share = col("computation").isin(Computation.SHARE_OF_ACTIVITIES.name(),
                Computation.SHARE_OF_PARTICIPANTS.name());
        return Scopes.rollUp(perCommune, List.of("indicator_code", "semester", "computation"),
                        List.of("num", "den", "num_key", "den_key"))
                .select(col("indicator_code"), col("scope"), col("semester"),
                        when(share, when(col("den").gt(0),
                                col("num").cast("double").multiply(100.0).divide(col("den").cast("double"))))
                                .otherwise(col("num").cast("double")).as("actual"),
                        // A share's terms, so that a territory's actual can be traced to its communes'.
                        when(share, col("num").cast("double")).as("numerator"),
                        when(share, col("den").cast("double")).as("denominator"),
                        RecordKeys.reduced(col("num_key")).as("numerator_key"),
                        when(share, RecordKeys.reduced(col("den_key"))).as("denominator_key"));
    }

    /** Indicators entered by hand: their value for each scope and semester, if someone entered it. */
    private static Dataset<Row> manual(List<Indicator> manual, Dataset<Row> scopeSemesters, Dataset<Row> values) {
        if (manual.isEmpty()) {
            return null;
        }
        Dataset<Row> codes = scopeSemesters.sparkSession()
                .createDataset(manual.stream().map(Indicator::code).toList(), Encoders.STRING()).toDF("indicator_code");
        return scopeSemesters.crossJoin(codes).join(values.select(col("indicator_code"), col("scope"), col("semester"), col("value")),
                        new String[] {"indicator_code", "scope", "semester"}, "left")
                .select(col("indicator_code"), col("scope"), col("semester"), col("value").as("actual"),
                        lit(null).cast("double").as("numerator"), lit(null).cast("double").as("denominator"),
                        lit(null).cast("int").as("numerator_key"), lit(null).cast("int").as("denominator_key"));
    }

    static Column status(Column actual, Column target, StatusThresholds thresholds) {
        Column achieved = when(target.equalTo(0), lit(Double.POSITIVE_INFINITY)).otherwise(actual.divide(target));
        return when(actual.isNull().or(target.isNull()), lit("NO_DATA"))
                .when(achieved.geq(thresholds.onTrack()), lit("ON_TRACK"))
                .when(achieved.geq(thresholds.atRisk()), lit("AT_RISK"))
                .otherwise(lit("OFF_TRACK"));
    }
}
