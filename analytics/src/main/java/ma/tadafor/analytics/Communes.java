package ma.tadafor.analytics;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The communes the marts report on: the programme's communes, with or without data, and any other
 * commune that reported activities (nothing is dropped silently). One row each:
 * {@code commune_code}, {@code province_code}, {@code region_code}, {@code cohort} (null outside
 * the programme).
 */
public final class Communes {

    private Communes() {
    }

    /** @param reporting the communes of activities, one column {@code commune_code} */
    public static Dataset<Row> reported(Snapshot snapshot, Dataset<Row> reporting) {
        Dataset<Row> codes = snapshot.programmeCommunes().select(col("commune_code"))
                .union(reporting.select(col("commune_code"))).distinct();
        return codes
                .join(snapshot.communes().select(col("code").as("commune_code"), col("province_code"), col("region_code")),
                        new String[] {"commune_code"}, "inner")
                .join(snapshot.programmeCommunes().select(col("commune_code"), col("cohort")),
                        new String[] {"commune_code"}, "left");
    }
}
