package ma.tadafor.analytics.participation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A participation cell's four dimensions packed in one integer, one decimal digit each (gender,
 * age band, disability, role: 1 is the first value, 0 means "not grouped by"): aggregations keyed
 * by it hash an int instead of four strings, and projecting a cell onto a grouping set is
 * arithmetic. Values outside the portal feed's enums fail the run rather than vanish.
 */
public final class CellCode {

    /** The values of each cell dimension, in {@link ParticipationGrain#CELL_DIMENSIONS} order. */
    static final List<List<String>> VALUES = List.of(
            List.of("F", "M", "U"),
            List.of("UNDER_18", "18-24", "25-34", "35-59", "60+", ParticipationGrain.UNKNOWN),
            List.of("NO", "YES", ParticipationGrain.UNKNOWN),
            List.of("CITIZEN", "ASSOCIATION_MEMBER", "ELECTED_OFFICIAL", "COMMUNE_STAFF", "OTHER"));
    private static final int[] WEIGHTS = {1000, 100, 10, 1};

    private CellCode() {
    }

    /** The code of cells whose dimensions are the given string columns (disability as YES, NO, UNKNOWN). */
    public static Column encode(List<Column> dimensions) {
        Column code = lit(0);
        for (int i = 0; i < WEIGHTS.length; i++) {
            Column digit = raise_error(concat(lit("unknown " + ParticipationGrain.CELL_DIMENSIONS.get(i) + ": "),
                    dimensions.get(i)));
            List<String> values = VALUES.get(i);
            for (int v = values.size() - 1; v >= 0; v--) {
                digit = when(dimensions.get(i).equalTo(values.get(v)), lit(v + 1)).otherwise(digit);
            }
            code = code.plus(digit.multiply(WEIGHTS[i]));
        }
        return code;
    }

    /** The code with the dimensions outside grouping set {@code set} (bit i: dimension i) set to 0. */
    static int project(int code, int set) {
        int projected = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            if ((set & (1 << i)) != 0) {
                projected += code / WEIGHTS[i] % 10 * WEIGHTS[i];
            }
        }
        return projected;
    }

    /**
     * The codes of every cell whose dimensions (string values, in {@link ParticipationGrain#CELL_DIMENSIONS}
     * order) pass {@code test}: a condition on cells becomes a test of one integer.
     */
    public static Object[] codesWhere(Predicate<List<String>> test) {
        List<Integer> codes = new ArrayList<>();
        for (int[] digits : everyCode(false)) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < digits.length; i++) {
                values.add(value(i, digits[i]));
            }
            if (test.test(values)) {
                codes.add(code(digits));
            }
        }
        return codes.toArray();
    }

    /**
     * Every code of every grouping set with its dimensions' values (null where not grouped by): the
     * table the warehouse reads the cube's codes with.
     */
    public static Dataset<Row> table(SparkSession spark) {
        StructType schema = new StructType().add("cell_code", DataTypes.IntegerType, false);
        for (String dimension : ParticipationGrain.CELL_DIMENSIONS) {
            schema = schema.add(dimension, DataTypes.StringType, true);
        }
        List<Row> rows = new ArrayList<>();
        for (int[] digits : everyCode(true)) {
            Object[] row = new Object[digits.length + 1];
            row[0] = code(digits);
            for (int i = 0; i < digits.length; i++) {
                row[i + 1] = value(i, digits[i]);
            }
            rows.add(RowFactory.create(row));
        }
        return spark.createDataFrame(rows, schema);
    }

    /** Every code as its digits, one per dimension; with {@code ungrouped}, 0 ("not grouped by") too. */
    private static List<int[]> everyCode(boolean ungrouped) {
        List<int[]> codes = List.of(new int[0]);
        for (List<String> values : VALUES) {
            List<int[]> longer = new ArrayList<>();
            for (int[] prefix : codes) {
                for (int digit = ungrouped ? 0 : 1; digit <= values.size(); digit++) {
                    int[] code = Arrays.copyOf(prefix, prefix.length + 1);
                    code[prefix.length] = digit;
                    longer.add(code);
                }
            }
            codes = longer;
        }
        return codes;
    }

    private static int code(int[] digits) {
        int code = 0;
        for (int i = 0; i < digits.length; i++) {
            code += digits[i] * WEIGHTS[i];
        }
        return code;
    }

    /** Dimension {@code i}'s value for {@code digit}, null for 0. */
    private static String value(int i, int digit) {
        return digit == 0 ? null : VALUES.get(i).get(digit - 1);
    }

    /** Dimension {@code i} of the code as its string value, null when the code does not group by it. */
    public static Column decode(Column code, int i) {
        Column digit = digit(code, i);
        return when(digit.gt(0), element_at(array(VALUES.get(i).stream().map(v -> lit(v)).toArray(Column[]::new)), digit));
    }

    private static Column digit(Column code, int i) {
        return floor(code.divide(WEIGHTS[i])).cast("int").mod(10);
    }
}
