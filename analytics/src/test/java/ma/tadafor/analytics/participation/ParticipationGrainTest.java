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
    void groupsCellsByCommuneMechanismSemesterAndDisaggregation() {
        Dataset<Row> activities = activities(
                RowFactory.create("p1", "a", "05.091.01.07", "PETITION", Date.valueOf("2024-03-01")),
                RowFactory.create("p1", "b", "05.091.01.07", "PETITION", Date.valueOf("2024-06-30")),
                RowFactory.create("p1", "c", "05.091.01.07", "PETITION", Date.valueOf("2024-07-01")));
        Dataset<Row> cells = cells(
                RowFactory.create("p1", "a", "F", "18-24", false, "CITIZEN", 12),
                RowFactory.create("p1", "b", "F", "18-24", false, "CITIZEN", 3),
                RowFactory.create("p1", "c", "F", "18-24", false, "CITIZEN", 5),
                RowFactory.create("p1", "a", "U", "UNKNOWN", null, "CITIZEN", 2));

        List<Row> rows = ParticipationGrain.finest(activities, cells)
                .orderBy("semester", "gender").collectAsList();

        assertThat(rows).hasSize(3);
        assertThat(row(rows.get(0))).isEqualTo("2024S1 F 18-24 NO 15 2");
        assertThat(row(rows.get(1))).as("unknowns stay, as their own value").isEqualTo("2024S1 U UNKNOWN UNKNOWN 2 1");
        assertThat(row(rows.get(2))).isEqualTo("2024S2 F 18-24 NO 5 1");
    }

    @Test
    void cellsOfAnotherSourceWithTheSameItemIdDoNotMix() {
        Dataset<Row> activities = activities(
                RowFactory.create("p1", "a", "05.091.01.07", "PETITION", Date.valueOf("2024-03-01")),
                RowFactory.create("p2", "a", "05.081.01.05", "CITIZEN_MEETING", Date.valueOf("2024-03-01")));
        Dataset<Row> cells = cells(
                RowFactory.create("p1", "a", "M", "60+", true, "CITIZEN", 7),
                RowFactory.create("p2", "a", "M", "60+", true, "CITIZEN", 9));

        List<Row> rows = ParticipationGrain.finest(activities, cells).orderBy("commune_code").collectAsList();

        assertThat(rows).extracting(r -> r.getAs("commune_code") + ":" + r.getAs("participants"))
                .containsExactly("05.081.01.05:9", "05.091.01.07:7");
    }

    private static String row(Row row) {
        return String.join(" ", row.<String>getAs("semester"), row.getAs("gender"), row.getAs("age_band"),
                row.getAs("disability"), String.valueOf(row.<Long>getAs("participants")),
                String.valueOf(row.<Long>getAs("cells")));
    }

    private Dataset<Row> activities(Row... rows) {
        StructType schema = new StructType()
                .add("source_id", DataTypes.StringType).add("item_id", DataTypes.StringType)
                .add("commune_code", DataTypes.StringType).add("mechanism", DataTypes.StringType)
                .add("start_date", DataTypes.DateType);
        return spark.createDataFrame(List.of(rows), schema);
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
