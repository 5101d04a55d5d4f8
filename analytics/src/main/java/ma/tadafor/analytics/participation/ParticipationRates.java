package ma.tadafor.analytics.participation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import ma.tadafor.analytics.Scopes;
import ma.tadafor.analytics.Snapshot;
import ma.tadafor.analytics.disclosure.RecordKeys;

/**
 * Participation against the RGPH 2024 census, per scope and semester: participants per 1,000
 * inhabitants, and representation indices (a group's share among participants ÷ its share of the
 * population) for women, ages 18–34 and persons with disabilities. Shares among participants count
 * only participants whose gender (age, disability) is known; unknowns are reported by the
 * data-quality mart, not guessed. Shares are percentages; an index of 1 is parity. Every count has
 * its cell key beside it, from which the disclosure layer protects it and the shares made of it.
 */
public final class ParticipationRates {

    /** The counts of participants, each with its cell key ({@code <count>_key}, {@link RecordKeys}). */
    private static final List<String> COUNTS = List.of("participants", "known_gender", "women", "known_age", "youth",
            "known_disability", "disabled");
    private static final List<String> MEASURES = measures();

    private ParticipationRates() {
    }

    /**
     * Each commune's counts and their keys per semester, the partial {@code rate} ({@link ma.tadafor.analytics.Partials}).
     *
     * @param cube the cube of {@link ParticipationCube#of}, {@link ParticipationCube#decoded decoded}
     */
    public static Dataset<Row> perCommune(Dataset<Row> cube) {
        return cube.filter(col("cell_set").equalTo(ParticipationCube.ALL_CELL_DIMENSIONS).and(col("semester").isNotNull()))
                .groupBy(col("commune_code"), col("semester"))
                .agg(sum("participants").as("participants"), tallies());
    }

    /**
     * @param participation the rows of {@link #perCommune}, of every commune
     * @param communes      the communes reported on ({@link ma.tadafor.analytics.Communes#reported})
     * @param semesters     the semesters reported on, one column {@code semester}
     */
    public static Dataset<Row> of(Dataset<Row> participation, Dataset<Row> communes, Dataset<Row> semesters,
            Snapshot snapshot) {
        Dataset<Row> perCommune = communes.crossJoin(semesters)
                .join(participation, new String[] {"commune_code", "semester"}, "left")
                .join(population(snapshot), new String[] {"commune_code"}, "left")
                .select(perCommuneColumns())
                // Small, and read by each of the four levels of scope.
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> scoped = Scopes.rollUp(perCommune, List.of("semester"), MEASURES);
        Column femaleShareOfPopulation = ratio(col("population_female"), col("population_female").plus(col("population_male")));
        Column womenShare = ratio(col("women"), col("known_gender"));
        Column youthShareOfPopulation = ratio(col("population_youth"), col("population"));
        Column youthShare = ratio(col("youth"), col("known_age"));
        Column prevalence = ratio(col("population_disabled"), col("population"));
        Column disabledShare = ratio(col("disabled"), col("known_disability"));
        List<Column> output = new ArrayList<>(List.of(col("scope"), col("semester"), col("participants"), col("population"),
                when(col("population").gt(0), col("participants").multiply(1000.0).divide(col("population")))
                        .as("participants_per_1000"),
                col("known_gender"), col("women"), womenShare.as("women_share"),
                femaleShareOfPopulation.as("women_population_share"),
                index(womenShare, femaleShareOfPopulation).as("women_index"),
                col("known_age"), col("youth"), youthShare.as("youth_share"),
                youthShareOfPopulation.as("youth_population_share"),
                index(youthShare, youthShareOfPopulation).as("youth_index"),
                col("known_disability"), col("disabled"), disabledShare.as("disability_share"),
                prevalence.as("disability_prevalence"), index(disabledShare, prevalence).as("disability_index")));
        COUNTS.forEach(count -> output.add(RecordKeys.reduced(col(count + "_key")).as(count + "_key")));
        return scoped.select(output.toArray(Column[]::new));
    }

    /**
     * Each commune's municipal population by sex, the part aged 18–34 (the census gives five-year
     * bands: 18–19 is taken as two fifths of 15–19) and the part with a disability (prevalence).
     */
    private static Dataset<Row> population(Snapshot snapshot) {
        Dataset<Row> youthPct = snapshot.censusAgeShares()
                .filter(col("level").equalTo("commune").and(col("sex").equalTo("all")))
                .groupBy(col("territory_code").as("commune_code"))
                .agg(sum(when(col("age_band").equalTo("15-19"), col("pct").multiply(0.4))
                        .when(col("age_band").isin("20-24", "25-29", "30-34"), col("pct"))).as("youth_pct"));
        return snapshot.censusPopulation().filter(col("level").equalTo("commune"))
                .select(col("territory_code").as("commune_code"), col("population_municipal").as("population"),
                        col("population_female"), col("population_male"), col("disability_pct"))
                .join(youthPct, new String[] {"commune_code"}, "left")
                .select(col("commune_code"), col("population"), col("population_female"), col("population_male"),
                        col("population").multiply(col("youth_pct")).divide(100.0).as("population_youth"),
                        col("population").multiply(col("disability_pct")).divide(100.0).as("population_disabled"));
    }

    /** Which cells each count sums, in the order of {@link #COUNTS}. */
    private static List<Column> conditions() {
        return List.of(lit(true), col("gender").isin("F", "M"), col("gender").equalTo("F"),
                col("age_band").notEqual(ParticipationGrain.UNKNOWN), col("age_band").isin("18-24", "25-34"),
                col("disability").notEqual(ParticipationGrain.UNKNOWN), col("disability").equalTo("YES"));
    }

    /** Every count but the first (which {@code agg} takes apart) and every count's key, per commune and semester. */
    private static Column[] tallies() {
        List<Column> tallies = new ArrayList<>();
        List<Column> conditions = conditions();
        for (int i = 0; i < COUNTS.size(); i++) {
            if (i > 0) {
                tallies.add(sum(when(conditions.get(i), col("participants"))).as(COUNTS.get(i)));
            }
            tallies.add(sum(when(conditions.get(i), col("participants_key"))).as(COUNTS.get(i) + "_key"));
        }
        return tallies.toArray(Column[]::new);
    }

    private static List<String> measures() {
        List<String> measures = new ArrayList<>(COUNTS);
        COUNTS.forEach(count -> measures.add(count + "_key"));
        measures.addAll(List.of("population", "population_female", "population_male", "population_youth",
                "population_disabled"));
        return List.copyOf(measures);
    }

    /** A commune with no participation in a semester counts zero participants, not unknown. */
    private static Column[] perCommuneColumns() {
        List<Column> columns = new ArrayList<>(List.of(col("commune_code"), col("province_code"), col("region_code"),
                col("semester")));
        for (String measure : MEASURES) {
            columns.add(measure.startsWith("population") ? col(measure) : coalesce(col(measure), lit(0L)).as(measure));
        }
        return columns.toArray(Column[]::new);
    }

    private static Column ratio(Column part, Column whole) {
        return when(whole.gt(0), part.multiply(100.0).divide(whole));
    }

    private static Column index(Column share, Column populationShare) {
        return when(populationShare.gt(0), share.divide(populationShare));
    }
}
