package ma.tadafor.analytics.quality;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import ma.tadafor.analytics.SharedSpark;

/** The robust z-score and the jump rule on figures worked out by hand (each test says how). */
class OutliersTest {

    private static final Timestamp VERSION = Timestamp.valueOf("2024-09-01 10:00:00");
    private static final StructType ITEMS = new StructType()
            .add("activity_key", DataTypes.LongType).add("source_id", DataTypes.StringType)
            .add("item_id", DataTypes.StringType).add("item_version", DataTypes.TimestampType)
            .add("commune_code", DataTypes.StringType).add("province_code", DataTypes.StringType)
            .add("mechanism", DataTypes.StringType).add("semester", DataTypes.StringType)
            .add("value", DataTypes.LongType).add("value_key", DataTypes.IntegerType);
    private static final StructType TOTALS = new StructType()
            .add("commune_code", DataTypes.StringType).add("province_code", DataTypes.StringType)
            .add("semester", DataTypes.StringType).add("value", DataTypes.LongType).add("value_key", DataTypes.IntegerType);

    private final SparkSession spark = SharedSpark.session();
    private final List<Row> items = new ArrayList<>();

    @Test
    void anItemFarFromItsCommunesMedianIsFlaggedWithItsRobustZScore() {
        // Sorted: 9 10 11 12 13 14 15 200 → median (12 + 13) / 2 = 12.5; deviations 3.5 2.5 1.5 0.5 0.5 1.5 2.5
        // 187.5 → sorted 0.5 0.5 1.5 1.5 2.5 2.5 3.5 187.5 → MAD (1.5 + 2.5) / 2 = 2.
        // z(200) = 0.6745 × 187.5 / 2 = 63.234375; z(9) = 0.6745 × −3.5 / 2 = −1.18: not flagged.
        items("A", "05.091.01.07", "05.091", "CITIZEN_MEETING", 10, 12, 14, 11, 13, 15, 9, 200);

        Map<String, Row> flagged = flagged();

        assertThat(flagged).containsOnlyKeys("A7");
        Row row = flagged.get("A7");
        assertThat(row.<Double>getAs("score")).isCloseTo(63.234375, offset(1e-9));
        assertThat(row.<Double>getAs("expected")).isEqualTo(12.5);
        assertThat(row.<String>getAs("basis")).isEqualTo("commune");
        assertThat(row.<Long>getAs("history")).isEqualTo(8);
        assertThat(row.<Long>getAs("value")).isEqualTo(200);
        assertThat(row.<String>getAs("kind")).isEqualTo("item");
        assertThat(row.<Integer>getAs("expected_key")).as("the keys of the eight items, summed modulo 256")
                .isEqualTo((0 + 1 + 2 + 3 + 4 + 5 + 6 + 7) * 37 % 256);
    }

    @Test
    void aCommuneWithFewItemsIsJudgedAgainstItsProvince() {
        items("A", "05.091.01.07", "05.091", "CITIZEN_MEETING", 10, 12, 14, 11, 13, 15, 9, 200);
        // Two items of its own (fewer than 8): its province's ten. Sorted 9 10 11 12 12 13 14 15 200 300 → median
        // 12.5; deviations sorted 0.5 0.5 0.5 1.5 1.5 2.5 2.5 3.5 187.5 287.5 → MAD (1.5 + 2.5) / 2 = 2;
        // z(300) = 0.6745 × 287.5 / 2 = 193.919 / 2 = 96.959375; z(12) = −0.17.
        items("B", "05.091.01.09", "05.091", "CITIZEN_MEETING", 300, 12);

        Map<String, Row> flagged = flagged();

        assertThat(flagged).containsOnlyKeys("A7", "B0");
        assertThat(flagged.get("B0").<Double>getAs("score")).isCloseTo(96.959375, offset(1e-9));
        assertThat(flagged.get("B0").<String>getAs("basis")).isEqualTo("province");
        assertThat(flagged.get("B0").<Long>getAs("history")).isEqualTo(10);
        assertThat(flagged.get("A7").<Double>getAs("score")).as("still its own commune's").isCloseTo(63.234375, offset(1e-9));
    }

    @Test
    void aMadOfZeroFallsBackOnTheMeanAbsoluteDeviation() {
        // 5 5 5 5 5 6 7 50 → median 5; deviations 0 0 0 0 0 1 2 45 → MAD 0, mean 48 / 8 = 6;
        // z(50) = 45 / (1.253314 × 6) = 5.98413…; z(7) = 2 / 7.519884 = 0.27.
        items("P", "05.091.01.07", "05.091", "PETITION", 5, 5, 5, 5, 5, 6, 7, 50);
        // Eight equal counts: nothing departs.
        items("T", "05.091.01.07", "05.091", "TRAINING", 4, 4, 4, 4, 4, 4, 4, 4);

        Map<String, Row> flagged = flagged();

        assertThat(flagged).containsOnlyKeys("P7");
        assertThat(flagged.get("P7").<Double>getAs("score")).isCloseTo(45 / (1.253314 * 6), offset(1e-9));
    }

    @Test
    void tooShortAHistoryIsNotJudged() {
        // Seven items in the commune and the province: fewer than 8, however far the last one is.
        items("A", "05.091.01.07", "05.091", "CITIZEN_MEETING", 10, 12, 14, 11, 13, 15, 900);

        assertThat(flagged()).isEmpty();
        assertThat(flagged(new OutlierRules(3.5, 7, 3, 2, 4))).as("with a minimum of 7").containsOnlyKeys("A6");
    }

    @Test
    void aSemesterTotalIsFlaggedAgainstTheMedianOfItsLatestPreviousSemesters() {
        // 2023S1 100 and 2023S2 120 have too few previous semesters (0, 1); 2024S1 110 against median(100, 120)
        // = 110: ratio 1. 2024S2 400 against median(100, 120, 110) = 110: 3.636… > 3, flagged. 2025S1 30 against
        // median(100, 120, 110, 400) = 115: 0.2609 < 1/3, flagged. 2025S2 38 against the latest four
        // (120, 110, 400, 30) = 115: 0.3304 < 1/3, flagged; against all five (median 110) it would be 0.345.
        Dataset<Row> totals = spark.createDataFrame(List.of(
                RowFactory.create("05.091.01.07", "05.091", "2023S1", 100L, 1),
                RowFactory.create("05.091.01.07", "05.091", "2023S2", 120L, 2),
                RowFactory.create("05.091.01.07", "05.091", "2024S1", 110L, 3),
                RowFactory.create("05.091.01.07", "05.091", "2024S2", 400L, 4),
                RowFactory.create("05.091.01.07", "05.091", "2025S1", 30L, 5),
                RowFactory.create("05.091.01.07", "05.091", "2025S2", 38L, 250),
                // Another commune's history is not this one's.
                RowFactory.create("05.091.01.09", "05.091", "2023S1", 5000L, 7)), TOTALS);

        Map<String, Row> flagged = Outliers.flaggedSemesters(totals, OutlierRules.DEFAULT).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs("semester"), r -> r));

        assertThat(flagged).containsOnlyKeys("2024S2", "2025S1", "2025S2");
        assertThat(flagged.get("2024S2").<Double>getAs("score")).isCloseTo(400 / 110.0, offset(1e-9));
        assertThat(flagged.get("2024S2").<Double>getAs("expected")).isEqualTo(110.0);
        assertThat(flagged.get("2024S2").<Long>getAs("history")).isEqualTo(3);
        assertThat(flagged.get("2024S2").<Integer>getAs("expected_key")).isEqualTo(1 + 2 + 3);
        assertThat(flagged.get("2025S1").<Double>getAs("score")).isCloseTo(30 / 115.0, offset(1e-9));
        assertThat(flagged.get("2025S2").<Double>getAs("expected")).isEqualTo(115.0);
        assertThat(flagged.get("2025S2").<Long>getAs("history")).isEqualTo(4);
        assertThat(flagged.get("2025S2").<Integer>getAs("expected_key")).isEqualTo((3 + 4 + 5 + 2) % 256);
        assertThat(flagged.get("2025S2").<Integer>getAs("value_key")).isEqualTo(250);
        assertThat(flagged.get("2025S2").<String>getAs("kind")).isEqualTo("commune-semester");
    }

    @Test
    void aSemesterTotalIsTheSumOfItsDatedItems() {
        items("A", "05.091.01.07", "05.091", "PETITION", 10, 20);
        items.add(RowFactory.create(99L, "portal", "undated", VERSION, "05.091.01.07", "05.091", "PETITION", null, 5L, 200));

        List<Row> totals = Outliers.semesterTotals(spark.createDataFrame(items, ITEMS)).collectAsList();

        assertThat(totals).singleElement().satisfies(row -> {
            assertThat(row.<Long>getAs("value")).isEqualTo(30);
            assertThat(row.<Integer>getAs("value_key")).isEqualTo(37);
        });
    }

    /** Items named prefix0, prefix1… in 2024S1, each with the key 37 × its index. */
    private void items(String prefix, String commune, String province, String mechanism, long... values) {
        for (int i = 0; i < values.length; i++) {
            items.add(RowFactory.create((long) (prefix.hashCode() * 100 + i), "portal", prefix + i, VERSION, commune, province,
                    mechanism, "2024S1", values[i], 37 * i % 256));
        }
    }

    private Map<String, Row> flagged() {
        return flagged(OutlierRules.DEFAULT);
    }

    private Map<String, Row> flagged(OutlierRules rules) {
        return Outliers.flaggedItems(spark.createDataFrame(items, ITEMS), rules).orderBy(col("item_id")).collectAsList()
                .stream().collect(Collectors.toMap(r -> r.<String>getAs("item_id"), r -> r));
    }
}
