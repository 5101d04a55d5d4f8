package ma.tadafor.analytics.convergence;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which activities line up with which INDH projects. Explicit: the activity names the project in
 * {@code indh_project_ref}. Inferred, only where the activity names none: a project of the same
 * commune, on the same theme, whose period overlaps the activity's (an open end counts as still
 * running); such links are flagged {@code inferred} for committees to confirm. A reference naming
 * no known project links nothing (the data-quality mart has no column for it yet).
 */
public final class IndhLinks {

    private IndhLinks() {
    }

    /** One row per (activity, project): {@code source_id, item_id, indh_project_ref, programme_no, inferred}. */
    public static Dataset<Row> of(Dataset<Row> activities, Dataset<Row> projects) {
        Dataset<Row> explicit = activities.filter(col("indh_project_ref").isNotNull())
                .join(projects, activities.col("indh_project_ref").equalTo(projects.col("ref")))
                .select(activities.col("source_id"), activities.col("item_id"), projects.col("ref").as("indh_project_ref"),
                        projects.col("programme_no"), lit(false).as("inferred"));
        Dataset<Row> unreferenced = activities.filter(col("indh_project_ref").isNull()
                .and(col("theme").isNotNull()).and(col("start_date").isNotNull()));
        Dataset<Row> communal = projects.filter(col("commune_code").isNotNull().and(col("theme").isNotNull()));
        Column activityEnd = coalesce(unreferenced.col("end_date"), unreferenced.col("start_date"));
        Column overlaps = communal.col("start_date").isNull().or(communal.col("start_date").leq(activityEnd))
                .and(communal.col("end_date").isNull().or(communal.col("end_date").geq(unreferenced.col("start_date"))));
        Dataset<Row> inferred = unreferenced
                .join(communal, unreferenced.col("commune_code").equalTo(communal.col("commune_code"))
                        .and(unreferenced.col("theme").equalTo(communal.col("theme"))).and(overlaps))
                .select(unreferenced.col("source_id"), unreferenced.col("item_id"), communal.col("ref").as("indh_project_ref"),
                        communal.col("programme_no"), lit(true).as("inferred"));
        return explicit.union(inferred);
    }
}
