package ma.tadafor.analytics.participation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import ma.tadafor.analytics.Activities;
import ma.tadafor.analytics.SharedSpark;

class ParticipationCubeTest {

    private static final String SECRET = "0123456789abcdef";

    private final SparkSession spark = SharedSpark.session();

    @Test
    void aCountsKeyIsTheSumOfItsCellsKeysWhateverTheRowItIsIn() {
        // The same two cells counted as the grand total and as the women: the same cell key.
        Dataset<Row> cube = cube(activities(RowFactory.create("p1", "a", "05.091.01.07", "PETITION")),
                cells(RowFactory.create("p1", "a", "F", "18-24", false, "CITIZEN", 3),
                        RowFactory.create("p1", "a", "F", "60+", true, "CITIZEN", 2)));
        List<Row> cellRows = cube.filter(col("cell_set").equalTo(15)).collectAsList();
        int expected = cellRows.stream().mapToInt(r -> r.<Integer>getAs("participants_key")).sum() % 256;

        for (int set : List.of(0, 1, 8, 9)) {
            assertThat(cube.filter(col("cell_set").equalTo(set)).first().<Integer>getAs("participants_key"))
                    .as("cell set %d", set).isEqualTo(expected);
        }
        assertThat(cellRows).extracting(r -> r.<Integer>getAs("participants_key")).allMatch(k -> k >= 0 && k < 256);
    }

    @Test
    void anotherSecretGivesOtherKeys() {
        Dataset<Row> activities = activities(IntStream.range(0, 20)
                .mapToObj(i -> RowFactory.create("p1", "a" + i, "05.091.01.07", "PETITION")).toArray(Row[]::new));
        Dataset<Row> cells = cells(IntStream.range(0, 20)
                .mapToObj(i -> RowFactory.create("p1", "a" + i, "F", "18-24", false, "CITIZEN", 1)).toArray(Row[]::new));
        Dataset<Row> bases = ParticipationGrain.bases(activities, 0);

        List<Integer> keys = ParticipationGrain.finest(activities, bases, cells, SECRET).orderBy("activity_key")
                .collectAsList().stream().map(r -> r.<Integer>getAs("record_key")).toList();
        List<Integer> others = ParticipationGrain.finest(activities, bases, cells, "another secret").orderBy("activity_key")
                .collectAsList().stream().map(r -> r.<Integer>getAs("record_key")).toList();

        assertThat(keys).hasSize(20).isNotEqualTo(others);
        assertThat(keys.stream().distinct().count()).as("keys spread over 0..255").isGreaterThan(10);
    }

    @Test
    void countsEachActivityOncePerRowAndKeepsUnknowns() {
        // Two petitions in March 2024: a with 12 + 3 women 18-24 and 2 unknown people, b with 5 women 18-24.
        Dataset<Row> cube = cube(
                activities(RowFactory.create("p1", "a", "05.091.01.07", "PETITION"),
                        RowFactory.create("p1", "b", "05.091.01.07", "PETITION")),
                cells(RowFactory.create("p1", "a", "F", "18-24", false, "CITIZEN", 12),
                        RowFactory.create("p1", "a", "F", "18-24", false, "CITIZEN", 3),
                        RowFactory.create("p1", "b", "F", "18-24", false, "CITIZEN", 5),
                        RowFactory.create("p1", "a", "U", "UNKNOWN", null, "CITIZEN", 2)));

        assertThat(rows(cube, 0)).containsExactly("- - - - 22 2");
        assertThat(rows(cube, 1)).containsExactly("F - - - 20 2", "U - - - 2 1");
        assertThat(rows(cube, 15)).containsExactly("F 18-24 NO CITIZEN 20 2", "U UNKNOWN UNKNOWN CITIZEN 2 1");
        assertThat(cube.select("cell_set").distinct().count()).isEqualTo(16);
    }

    @Test
    void cellsOfAnotherSourceWithTheSameItemIdDoNotMix() {
        Dataset<Row> cube = cube(
                activities(RowFactory.create("p1", "a", "05.091.01.07", "PETITION"),
                        RowFactory.create("p2", "a", "05.081.01.05", "CITIZEN_MEETING")),
                cells(RowFactory.create("p1", "a", "M", "60+", true, "CITIZEN", 7),
                        RowFactory.create("p2", "a", "M", "60+", true, "CITIZEN", 9)));

        assertThat(cube.filter(col("cell_set").equalTo(4)).orderBy("commune_code").collectAsList())
                .extracting(r -> r.getAs("commune_code") + ":" + r.getAs("disability") + ":" + r.getAs("participants"))
                .containsExactly("05.081.01.05:YES:9", "05.091.01.07:YES:7");
    }

    @Test
    void theCellCodeTableReadsEveryCodeAsTheCubeDoes() {
        Dataset<Row> table = CellCode.table(spark);
        Column[] decoded = Stream.concat(Stream.of(col("cell_code")), IntStream.range(0, ParticipationGrain.CELL_DIMENSIONS.size())
                .mapToObj(i -> CellCode.decode(col("cell_code"), i).as(ParticipationGrain.CELL_DIMENSIONS.get(i))))
                .toArray(Column[]::new);

        assertThat(table.count()).isEqualTo(4 * 7 * 4 * 6);
        assertThat(table.select(col("cell_code")).distinct().count()).isEqualTo(table.count());
        assertThat(table.exceptAll(table.select(decoded)).isEmpty()).isTrue();
        assertThat(table.filter(col("cell_code").equalTo(1234)).first().mkString(" ")).isEqualTo("1234 F 18-24 UNKNOWN COMMUNE_STAFF");
    }

    private static Dataset<Row> cube(Dataset<Row> activities, Dataset<Row> cells) {
        Dataset<Row> bases = ParticipationGrain.bases(activities, 0);
        return ParticipationCube.decoded(ParticipationCube.of(ParticipationGrain.finest(activities, bases, cells, SECRET)),
                bases);
    }

    private static List<String> rows(Dataset<Row> cube, int set) {
        return cube.filter(col("cell_set").equalTo(set)).orderBy("gender").collectAsList().stream()
                .map(row -> String.join(" ", text(row, "gender"), text(row, "age_band"), text(row, "disability"),
                        text(row, "role"), String.valueOf(row.<Long>getAs("participants")),
                        String.valueOf(row.<Long>getAs("activities"))))
                .toList();
    }

    private static String text(Row row, String column) {
        return row.getAs(column) == null ? "-" : row.getAs(column);
    }

    /** Activities as {@code Activities.enriched} gives them, all in March 2024, province and region from the code. */
    private Dataset<Row> activities(Row... rows) {
        StructType schema = new StructType()
                .add("source_id", DataTypes.StringType).add("item_id", DataTypes.StringType)
                .add("commune_code", DataTypes.StringType).add("mechanism", DataTypes.StringType);
        return spark.createDataFrame(List.of(rows), schema)
                .withColumn("activity_key", Activities.key())
                .withColumn("month", lit(Date.valueOf("2024-03-01")))
                .selectExpr("*", "substring(commune_code, 1, 6) AS province_code", "substring(commune_code, 1, 2) AS region_code",
                        "'pilot' AS cohort", "2024 AS year", "'2024S1' AS semester");
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
