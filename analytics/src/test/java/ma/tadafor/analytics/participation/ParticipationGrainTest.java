package ma.tadafor.analytics.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import ma.tadafor.analytics.SharedSpark;

class ParticipationGrainTest {

    private final SparkSession spark = SharedSpark.session();

    @Test
    void sumsTheCellsOfEachActivityAndCombination() {
        Dataset<Row> activities = activities(
                RowFactory.create("p1", "a", "05.091.01.07", "PETITION", Date.valueOf("2024-03-01"), 2024, "2024S1"),
                RowFactory.create("p1", "b", "05.091.01.07", "PETITION", Date.valueOf("2024-06-01"), 2024, "2024S1"));
        Dataset<Row> cells = cells(
                RowFactory.create("p1", "a", "F", "18-24", false, "CITIZEN", 12),
                RowFactory.create("p1", "a", "F", "18-24", false, "CITIZEN", 3),
                RowFactory.create("p1", "b", "F", "18-24", false, "CITIZEN", 5),
                RowFactory.create("p1", "a", "U", "UNKNOWN", null, "CITIZEN", 2));

        List<String> rows = ParticipationGrain.finest(activities, cells).orderBy("item_id", "gender").collectAsList()
                .stream().map(ParticipationGrainTest::row).toList();

        assertThat(rows).containsExactly("a F 18-24 NO 15", "a U UNKNOWN UNKNOWN 2", "b F 18-24 NO 5");
    }

    @Test
    void cellsOfAnotherSourceWithTheSameItemIdDoNotMix() {
        Dataset<Row> activities = activities(
                RowFactory.create("p1", "a", "05.091.01.07", "PETITION", Date.valueOf("2024-03-01"), 2024, "2024S1"),
                RowFactory.create("p2", "a", "05.081.01.05", "CITIZEN_MEETING", Date.valueOf("2024-03-01"), 2024, "2024S1"));
        Dataset<Row> cells = cells(
                RowFactory.create("p1", "a", "M", "60+", true, "CITIZEN", 7),
                RowFactory.create("p2", "a", "M", "60+", true, "CITIZEN", 9));

        List<Row> rows = ParticipationGrain.finest(activities, cells).orderBy("commune_code").collectAsList();

        assertThat(rows).extracting(r -> r.getAs("commune_code") + ":" + r.getAs("disability") + ":" + r.getAs("participants"))
                .containsExactly("05.081.01.05:YES:9", "05.091.01.07:YES:7");
    }

    private static String row(Row row) {
        return String.join(" ", row.<String>getAs("item_id"), row.getAs("gender"), row.getAs("age_band"),
                row.getAs("disability"), String.valueOf(row.<Long>getAs("participants")));
    }

    /** Activities as {@code Activities.enriched} gives them, with the attributes these tests do not vary fixed. */
    private Dataset<Row> activities(Row... rows) {
        StructType schema = new StructType()
                .add("source_id", DataTypes.StringType).add("item_id", DataTypes.StringType)
                .add("commune_code", DataTypes.StringType).add("mechanism", DataTypes.StringType)
                .add("month", DataTypes.DateType).add("year", DataTypes.IntegerType).add("semester", DataTypes.StringType);
        return spark.createDataFrame(List.of(rows), schema)
                .selectExpr("*", "substring(commune_code, 1, 6) AS province_code", "substring(commune_code, 1, 2) AS region_code",
                        "'pilot' AS cohort", "'HELD' AS status", "'OTHER' AS theme", "'CITIZENS' AS initiator",
                        "false AS indh_linked");
    }

    private Dataset<Row> cells(Row... rows) {
        StructType schema = new StructType()
                .add("source_id", DataTypes.StringType).add("item_id", DataTypes.StringType)
                .add("gender", DataTypes.StringType).add("age_band", DataTypes.StringType)
                .add("disability", DataTypes.BooleanType).add("role", DataTypes.StringType)
                .add("participants", DataTypes.IntegerType);
        return spark.createDataFrame(List.of(rows), schema);
    }
}
