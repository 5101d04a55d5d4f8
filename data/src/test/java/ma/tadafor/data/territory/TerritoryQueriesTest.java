package ma.tadafor.data.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.TestWarehouse;

class TerritoryQueriesTest {

    @TempDir
    static Path folder;

    static HikariDataSource warehouse;
    static TerritoryQueries territories;

    @BeforeAll
    static void load() {
        warehouse = TestWarehouse.withReferenceData(folder);
        territories = new TerritoryQueries(warehouse);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void aNationalScopeSeesEveryCommune() {
        assertThat(territories.communes(TerritorialScope.NATIONAL, false)).hasSize(1503);
        assertThat(territories.communes(TerritorialScope.NATIONAL, true)).hasSize(60)
                .allSatisfy(commune -> assertThat(commune.cohort()).isIn("pilot", "extension"));
    }

    @Test
    void aScopeMixesRegionsProvincesAndCommunes() {
        TerritorialScope scope = TerritorialScope.of(Set.of("02"), Set.of("05.091"), Set.of("09.001.01.01"));

        assertThat(territories.communes(scope, false))
                .allSatisfy(commune -> assertThat(commune.regionCode().equals("02") || commune.provinceCode().equals("05.091")
                        || commune.code().equals("09.001.01.01")).isTrue())
                .extracting(Commune::regionCode).contains("02", "05");
    }

    @Test
    void anEmptyScopeSeesNothing() {
        assertThat(territories.communes(TerritorialScope.of(Set.of(), Set.of(), Set.of()), false)).isEmpty();
    }

    @Test
    void listsTheProgrammeMembersWithTheirCensusFigures() {
        assertThat(territories.programmeMembers()).hasSize(60).anySatisfy(member -> {
            assertThat(member.communeCode()).isEqualTo("05.091.01.07");
            assertThat(member.provinceCode()).isEqualTo("05.091");
            assertThat(member.populationFemale()).isEqualTo(24995);
            assertThat(member.disabilityPct()).isEqualTo(5.4);
            assertThat(member.joinedOn().getYear()).isIn(2022, 2023);
        });
    }

    @Test
    void findsTerritoriesByLevelAndCode() {
        assertThat(territories.find(Territory.Level.COMMUNE, "05.091.01.07")).hasValueSatisfying(commune -> {
            assertThat(commune.provinceCode()).isEqualTo("05.091");
            assertThat(commune.regionCode()).isEqualTo("05");
            assertThat(commune.nameAr()).isEqualTo("قصبة تادلة");
            assertThat(commune.within(TerritorialScope.of(Set.of(), Set.of("05.091"), Set.of()))).isTrue();
            assertThat(commune.within(TerritorialScope.of(Set.of(), Set.of("05.081"), Set.of()))).isFalse();
        });
        assertThat(territories.find(Territory.Level.PROVINCE, "05.081")).hasValueSatisfying(province ->
                assertThat(province.within(TerritorialScope.of(Set.of("05"), Set.of(), Set.of()))).isTrue());
        assertThat(territories.find(Territory.Level.REGION, "13")).isEmpty();
        assertThat(territories.find(Territory.Level.COMMUNE, "05.091")).isEmpty();
    }
}
