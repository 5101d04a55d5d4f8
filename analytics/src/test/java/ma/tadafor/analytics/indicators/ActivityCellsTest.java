package ma.tadafor.analytics.indicators;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import ma.tadafor.analytics.SharedSpark;
import ma.tadafor.analytics.indicators.ActivityCells.Kind;
import ma.tadafor.analytics.indicators.ActivityCells.Measure;

class ActivityCellsTest {

    private final SparkSession spark = SharedSpark.session();

    @Test
    void eachActivityGetsItsParticipantsPassingEachConditionOrNullWhenNoCellPasses() {
        int womanCitizen = code("gender=F;ageBand=18-24;disability=false;role=CITIZEN");
        int manOfficial = code("gender=M;ageBand=35-59;disability=false;role=ELECTED_OFFICIAL");
        int disabledMan = code("gender=M;ageBand=60+;disability=true;role=CITIZEN");
        // Activities 1 and 2 share base 7, activity 3 is alone in base 8; two partitions, by base.
        Dataset<Row> grain = grain(RowFactory.create(1L, 7, womanCitizen, 12L), RowFactory.create(1L, 7, manOfficial, 2L),
                RowFactory.create(2L, 7, disabledMan, 5L), RowFactory.create(1L, 7, disabledMan, 1L),
                RowFactory.create(3L, 8, manOfficial, 4L)).repartition(2, col("base_key"));

        Dataset<Row> tallied = ActivityCells.of(grain, List.of(
                new Measure("women", Kind.SUM, IndicatorFilter.parse("gender=F").cellCodes(IndicatorFilter.NONE)),
                new Measure("disabled", Kind.ANY, IndicatorFilter.parse("disability=true").cellCodes(IndicatorFilter.NONE)),
                new Measure("everyone", Kind.SUM, null),
                new Measure("women_citizens", Kind.SUM, IndicatorFilter.parse("role=CITIZEN")
                        .cellCodes(IndicatorFilter.parse("gender=F")))));

        assertThat(tallied.orderBy("activity_key").collectAsList()).extracting(Row::toString).containsExactly(
                "[1,12,true,15,12]", "[2,null,true,5,null]", "[3,null,null,4,null]");
    }

    private static int code(String cell) {
        Object[] codes = IndicatorFilter.parse(cell).cellCodes(IndicatorFilter.NONE);
        assertThat(codes).hasSize(1);
        return (Integer) codes[0];
    }

    private Dataset<Row> grain(Row... rows) {
        StructType schema = new StructType().add("activity_key", DataTypes.LongType).add("base_key", DataTypes.IntegerType)
                .add("cell_code", DataTypes.IntegerType).add("participants", DataTypes.LongType);
        return spark.createDataFrame(List.of(rows), schema);
    }
}
