package ma.tadafor.analytics.convergence;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import ma.tadafor.analytics.Scopes;

/**
 * Convergence with the INDH per scope and INDH programme (1–4): activities linked to its projects
 * (explicitly or by inference), linked co-construction projects and their funding (the INDH's and
 * Tadafor's share, in MAD), and how many programme communes have an active INDH project of that
 * programme (one of their own, or one that covers their whole province).
 */
public final class Convergence {

    public static final String MECHANISM = "CO_CONSTRUCTION_PROJECT";
    public static final String ACTIVE = "IN_PROGRESS";
    private static final List<String> MEASURES = List.of("linked_activities", "explicit_activities",
            "inferred_activities", "linked_co_construction", "indh_co_financing_mad", "tadafor_mad",
            "programme_communes", "communes_with_active_indh");

    private Convergence() {
    }

    /**
     * Each commune's activities linked to each INDH programme and their funding, the partial
     * {@code convergence} ({@link ma.tadafor.analytics.Partials}).
     *
     * @param links      the links of {@link IndhLinks#of}
     * @param activities the activities of {@link ma.tadafor.analytics.Activities#enriched}
     */
    public static Dataset<Row> perCommune(Dataset<Row> links, Dataset<Row> activities, Dataset<Row> coConstructionProjects) {
        // An activity linked to several projects of one programme counts once for it.
        Dataset<Row> linkedActivities = links.groupBy(col("source_id"), col("item_id"), col("programme_no"))
                .agg(max(col("inferred")).as("inferred"))
                .join(activities.select(col("source_id"), col("item_id"), col("commune_code"), col("mechanism")),
                        new String[] {"source_id", "item_id"}, "inner")
                .join(coConstructionProjects.select(col("source_id"), col("item_id"), col("indh_mad"), col("tadafor_mad")),
                        new String[] {"source_id", "item_id"}, "left");
        Column coConstruction = col("mechanism").equalTo(MECHANISM);
        return linkedActivities.groupBy(col("commune_code"), col("programme_no"))
                .agg(count(lit(1)).as("linked_activities"),
                        count(when(not(col("inferred")), lit(1))).as("explicit_activities"),
                        count(when(col("inferred"), lit(1))).as("inferred_activities"),
                        count(when(coConstruction, lit(1))).as("linked_co_construction"),
                        sum(when(coConstruction, col("indh_mad"))).as("indh_co_financing_mad"),
                        sum(when(coConstruction, col("tadafor_mad"))).as("tadafor_mad"));
    }

    /**
     * @param linked   the rows of {@link #perCommune}, of every commune
     * @param communes the communes reported on ({@link ma.tadafor.analytics.Communes#reported})
     */
    public static Dataset<Row> of(Dataset<Row> linked, Dataset<Row> communes, Dataset<Row> projects) {
        Dataset<Row> programmeNumbers = projects.select(col("programme_no")).distinct();
        Dataset<Row> activeCommunal = projects.filter(col("status").equalTo(ACTIVE).and(col("commune_code").isNotNull()))
                .select(col("commune_code"), col("programme_no"));
        Dataset<Row> activeProvinceWide = projects.filter(col("status").equalTo(ACTIVE).and(col("commune_code").isNull()))
                .select(col("province_code"), col("programme_no"))
                .join(communes.select(col("commune_code"), col("province_code")), new String[] {"province_code"}, "inner")
                .select(col("commune_code"), col("programme_no"));
        Dataset<Row> active = activeCommunal.union(activeProvinceWide).distinct().withColumn("active", lit(true));

        Dataset<Row> perCommune = communes.crossJoin(programmeNumbers)
                .join(linked, new String[] {"commune_code", "programme_no"}, "left")
                .join(active, new String[] {"commune_code", "programme_no"}, "left")
                .select(perCommuneColumns())
                // Small, and read by each of the four levels of scope.
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> scoped = Scopes.rollUp(perCommune, List.of("programme_no"), MEASURES);
        return scoped.select(col("scope"), col("programme_no"), col("linked_activities"), col("explicit_activities"),
                col("inferred_activities"), col("linked_co_construction"), col("indh_co_financing_mad"),
                col("tadafor_mad"), col("programme_communes"), col("communes_with_active_indh"),
                when(col("programme_communes").gt(0),
                        col("communes_with_active_indh").multiply(100.0).divide(col("programme_communes")))
                        .as("active_indh_share"));
    }

    private static Column[] perCommuneColumns() {
        Column inProgramme = col("cohort").isNotNull();
        List<Column> columns = new ArrayList<>(List.of(col("commune_code"), col("province_code"), col("region_code"),
                col("programme_no")));
        for (String count : List.of("linked_activities", "explicit_activities", "inferred_activities",
                "linked_co_construction")) {
            columns.add(coalesce(col(count), lit(0L)).as(count));
        }
        for (String amount : List.of("indh_co_financing_mad", "tadafor_mad")) {
            columns.add(coalesce(col(amount), lit(0).cast("decimal(24,2)")).as(amount));
        }
        columns.add(when(inProgramme, lit(1L)).otherwise(lit(0L)).as("programme_communes"));
        columns.add(when(inProgramme.and(col("active").isNotNull()), lit(1L)).otherwise(lit(0L))
                .as("communes_with_active_indh"));
        return columns.toArray(Column[]::new);
    }
}
