package ma.tadafor.data.mart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.TestWarehouse;
import ma.tadafor.data.territory.TerritorialScope;

class ProvinceComparisonQueriesTest {

    private static final TerritorialScope BENI_MELLAL = TerritorialScope.of(Set.of(), Set.of("05.091"), Set.of());
    private static final TerritorialScope KASBA_TADLA = TerritorialScope.of(Set.of(), Set.of(), Set.of("05.091.01.07"));

    @TempDir
    static Path folder;

    static HikariDataSource warehouse;
    static ProvinceComparisonQueries provinces;

    @BeforeAll
    static void load() {
        warehouse = TestWarehouse.withReferenceData(folder);
        provinces = new ProvinceComparisonQueries(warehouse);
        for (String province : new String[] {"05.081", "05.091"}) {
            TestWarehouse.execute(warehouse, """
                    INSERT INTO mart_participation_rate VALUES ('province:%1$s', '2024S1', 120, 500000, 0.24,
                        100, 40, 40.0, 50.0, 0.8, 110, 30, 27.3, 30.0, 0.91, 90, 2, 2.2, 5.0, 0.44, 1, 2, 3, 4, 5, 6, 7)""".formatted(province));
            TestWarehouse.execute(warehouse, """
                    INSERT INTO mart_indicator VALUES ('R2.5', 'province:%s', '2024S1', 120, NULL, 'NO_DATA', NULL, NULL, NULL, NULL)""".formatted(province));
        }
        TestWarehouse.execute(warehouse, "INSERT INTO mart_indicator VALUES ('R2.5', 'programme', '2024S1', 900, 1000, 'ON_TRACK', NULL, NULL, NULL, NULL)");
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void comparesTheProgrammesProvincesTheScopeCoversWhole() {
        assertThat(provinces.provinces(TerritorialScope.NATIONAL)).extracting(ProvinceComparisonQueries.Province::code)
                .contains("05.081", "05.091").isSorted();
        assertThat(provinces.participation(TerritorialScope.NATIONAL)).extracting(p -> p.province().code())
                .containsExactly("05.081", "05.091");
        assertThat(provinces.indicators(TerritorialScope.NATIONAL)).extracting(i -> i.province().code())
                .containsExactly("05.081", "05.091");

        assertThat(provinces.participation(BENI_MELLAL)).singleElement().satisfies(p -> {
            assertThat(p.province().nameAr()).isEqualTo("بني ملال");
            assertThat(p.rate().women()).isEqualTo(new ExactCount(40, 3));
            assertThat(p.rate().population()).isPositive();
        });
        assertThat(provinces.indicators(BENI_MELLAL)).singleElement().satisfies(i -> {
            assertThat(i.actual().value()).isEqualTo(120.0);
            assertThat(i.target()).isNull();
        });
        assertThat(provinces.provinces(KASBA_TADLA)).isEmpty();
        assertThat(provinces.participation(KASBA_TADLA)).isEmpty();
    }
}
