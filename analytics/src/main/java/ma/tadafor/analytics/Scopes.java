package ma.tadafor.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The scopes every mart is reported for, written as the API writes them: {@code commune:05.091.01.07},
 * {@code province:05.091}, {@code region:05} and {@code programme}. Measures are computed per commune
 * first, then summed up the hierarchy: ratios are taken after summing, never averaged.
 */
public final class Scopes {

    public static final String PROGRAMME = "programme";

    private Scopes() {
    }

    /**
     * Sums {@code measures} of a per-commune dataset (with {@code commune_code}, {@code province_code},
     * {@code region_code}) into one row per scope and {@code keys}: columns {@code scope}, keys, measures.
     */
    public static Dataset<Row> rollUp(Dataset<Row> perCommune, List<String> keys, List<String> measures) {
        return level(perCommune, concat(lit("commune:"), col("commune_code")), keys, measures)
                .unionByName(level(perCommune, concat(lit("province:"), col("province_code")), keys, measures))
                .unionByName(level(perCommune, concat(lit("region:"), col("region_code")), keys, measures))
                .unionByName(level(perCommune, lit(PROGRAMME), keys, measures));
    }

    private static Dataset<Row> level(Dataset<Row> perCommune, Column scope, List<String> keys, List<String> measures) {
        Column[] grouping = Stream.concat(Stream.of(scope.as("scope")), keys.stream().map(k -> col(k)))
                .toArray(Column[]::new);
        Column[] sums = measures.stream().map(m -> sum(m).as(m)).toArray(Column[]::new);
        return perCommune.groupBy(grouping).agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length));
    }
}
