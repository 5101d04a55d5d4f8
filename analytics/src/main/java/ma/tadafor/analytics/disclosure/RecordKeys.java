package ma.tadafor.analytics.disclosure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The record keys of the cell key method (docs/PRIVACY.md): every participation cell of an activity
 * gets a key from 0 to {@link #MODULUS} − 1, a hash of the deployment's secret, the activity and
 * the cell's values, so that nobody without the secret can tell it. A count's cell key is the sum of
 * its records' keys modulo {@link #MODULUS}: it depends only on the cells the count is made of, not
 * on the question that gathered them, and it adds up like the counts, so the marts keep the sum and
 * any roll-up of theirs has its key too.
 */
public final class RecordKeys {

    public static final int MODULUS = 256;

    private RecordKeys() {
    }

    /** The secret of the snapshot's one-row {@code disclosure_secret} table. */
    public static String secret(Dataset<Row> disclosureSecret) {
        Row[] rows = (Row[]) disclosureSecret.select(col("secret")).collect();
        if (rows.length != 1 || rows[0].isNullAt(0) || rows[0].getString(0).isBlank()) {
            throw new IllegalStateException("the snapshot holds no disclosure secret: the marts cannot be protected");
        }
        return rows[0].getString(0);
    }

    /**
     * The key of a grain row, from its {@code activity_key} and {@code cell_code}; 0 for a cell of no
     * participant, which holds no person.
     */
    public static Column ofCell(String secret) {
        return when(col("participants").equalTo(0), lit(0))
                .otherwise(pmod(xxhash64(lit(secret), col("activity_key"), col("cell_code")), lit((long) MODULUS)).cast("int"));
    }

    /** The cell key of a sum of keys. */
    public static Column reduced(Column keys) {
        return pmod(keys, lit((long) MODULUS)).cast("int");
    }
}
