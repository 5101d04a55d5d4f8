package ma.tadafor.data.reference;

import static ma.tadafor.data.TestWarehouse.count;
import static ma.tadafor.data.TestWarehouse.execute;
import static ma.tadafor.data.TestWarehouse.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.TestWarehouse;
import ma.tadafor.data.Warehouse;
import ma.tadafor.data.migration.SchemaMigrator;

class ReferenceDataLoaderTest {

    @TempDir
    static Path folder;

    static HikariDataSource warehouse;

    @BeforeAll
    static void load() {
        warehouse = TestWarehouse.withReferenceData(folder);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void loadsTheWholeTerritorialHierarchy() {
        assertThat(count(warehouse, "SELECT count(*) FROM region")).isEqualTo(12);
        assertThat(count(warehouse, "SELECT count(*) FROM province")).isEqualTo(75);
        assertThat(count(warehouse, "SELECT count(*) FROM commune")).isEqualTo(1503);
        assertThat(count(warehouse, "SELECT count(*) FROM programme_commune")).isEqualTo(60);
        assertThat(count(warehouse, "SELECT count(*) FROM programme_commune WHERE cohort = 'pilot'")).isEqualTo(12);
        assertThat(count(warehouse, """
                SELECT count(*) FROM commune c LEFT JOIN province p ON p.code = c.province_code
                WHERE p.code IS NULL OR p.region_code <> c.region_code""")).as("every commune sits in its province").isZero();
        assertThat(count(warehouse, "SELECT count(*) FROM programme_commune LEFT JOIN commune ON code = commune_code WHERE code IS NULL"))
                .as("programme communes are real communes").isZero();
    }

    @Test
    void keepsArabicNamesAndCodesAsText() {
        assertThat(text(warehouse, "SELECT name_fr || ' / ' || name_ar FROM commune WHERE code = '05.091.01.07'"))
                .isEqualTo("Kasba Tadla / قصبة تادلة");
        assertThat(text(warehouse, "SELECT code FROM region WHERE name_fr = 'Tanger-Tétouan-Al Hoceima'")).isEqualTo("01");
        assertThat(count(warehouse, "SELECT population_legal FROM commune WHERE code = '05.091.01.07'")).isEqualTo(48172);
    }

    @Test
    void regionalPopulationsAddUpFromTheCommunes() {
        assertThat(count(warehouse, """
                SELECT count(*) FROM region r
                WHERE r.population_legal <> (SELECT sum(population_legal) FROM commune c WHERE c.region_code = r.code)"""))
                .isZero();
    }

    @Test
    void loadsTheCensusBySexAgeAndDisability() {
        assertThat(count(warehouse, "SELECT count(*) FROM census_population WHERE level = 'commune'")).isEqualTo(1503);
        assertThat(count(warehouse, "SELECT count(*) FROM census_population WHERE level = 'country'")).isEqualTo(1);
        assertThat(Double.parseDouble(text(warehouse,
                "SELECT disability_pct FROM census_population WHERE territory_code = '05.091.01.07'"))).isEqualTo(5.4);
        assertThat(count(warehouse, "SELECT count(DISTINCT age_band) FROM census_age_share")).isEqualTo(16);
        assertThat(text(warehouse, "SELECT string_agg(DISTINCT sex, ',' ORDER BY sex) FROM census_age_share"))
                .isEqualTo("all,female,male");
        assertThat(Double.parseDouble(text(warehouse, """
                SELECT sum(pct) FROM census_age_share WHERE territory_code = '05.091.01.07' AND sex = 'female'""")))
                .isCloseTo(100.0, within(1.0));
        assertThat(text(warehouse, "SELECT pct FROM census_age_share WHERE territory_code = 'MA' AND sex = 'all' AND age_band = '75+'"))
                .isEqualTo("3.1");
    }

    @Test
    void loadsTheResultsFrameworkAndMechanisms() {
        assertThat(count(warehouse, "SELECT count(*) FROM mechanism")).isEqualTo(14);
        assertThat(count(warehouse, "SELECT count(*) FROM indicator")).isBetween(15L, 25L);
        assertThat(count(warehouse, "SELECT count(DISTINCT result) FROM indicator")).isEqualTo(4);
        assertThat(count(warehouse, "SELECT count(*) FROM indicator_target t LEFT JOIN indicator i ON i.code = t.indicator_code WHERE i.code IS NULL"))
                .isZero();
        assertThat(count(warehouse, "SELECT count(DISTINCT semester) FROM indicator_target")).isEqualTo(6);
        assertThat(count(warehouse, "SELECT count(*) FROM indh_programme")).isEqualTo(5);
    }

    @Test
    void aSecondLoadChangesNothingAndKeepsTheManagersConfiguration() {
        execute(warehouse, "UPDATE programme_commune SET cohort = 'pilot' WHERE commune_code = '05.091.01.07'");
        execute(warehouse, "UPDATE indicator SET label_fr = 'Libellé revu' WHERE code = 'R2.1'");

        assertThat(new ReferenceDataLoader(warehouse).load()).isEmpty();

        assertThat(text(warehouse, "SELECT cohort FROM programme_commune WHERE commune_code = '05.091.01.07'")).isEqualTo("pilot");
        assertThat(text(warehouse, "SELECT label_fr FROM indicator WHERE code = 'R2.1'")).isEqualTo("Libellé revu");
        assertThat(count(warehouse, "SELECT count(*) FROM commune")).isEqualTo(1503);
    }

    @Test
    void withoutTheDemoNoIllustrativeCommuneBaselineOrTargetExists(@TempDir Path empty) {
        try (HikariDataSource production = Warehouse.open(empty.resolve("warehouse.duckdb"), 1)) {
            new SchemaMigrator(production).migrate();
            new ReferenceDataLoader(production).load();

            assertThat(count(production, "SELECT count(*) FROM commune")).isEqualTo(1503);
            assertThat(count(production, "SELECT count(*) FROM programme_commune")).isEqualTo(13);
            assertThat(count(production, "SELECT count(*) FROM programme_commune WHERE basis = 'illustrative'")).isZero();
            assertThat(count(production, "SELECT count(*) FROM indicator")).isBetween(15L, 25L);
            assertThat(count(production, "SELECT count(*) FROM indicator WHERE baseline IS NOT NULL OR is_demo")).isZero();
            assertThat(count(production, "SELECT count(*) FROM indicator_target")).isZero();

            assertThat(new ReferenceDataLoader(production).loadIllustrative()).containsExactly(
                    "illustrative_programme_membership", "illustrative_baselines", "illustrative_targets");
            assertThat(count(production, "SELECT count(*) FROM programme_commune WHERE basis = 'illustrative'")).isEqualTo(47);
            assertThat(count(production, "SELECT count(*) FROM indicator WHERE baseline IS NULL OR NOT is_demo")).isZero();
            assertThat(count(production, "SELECT count(*) FROM indicator_target WHERE NOT is_demo")).isZero();
            assertThat(new ReferenceDataLoader(production).loadIllustrative()).isEmpty();
        }
    }

    @Test
    void reloadsOfficialDataWhoseFileChanged() {
        execute(warehouse, "UPDATE reference_dataset SET checksum = 'older file' WHERE name = 'regions'");
        execute(warehouse, "DELETE FROM region WHERE code = '05'");

        assertThat(new ReferenceDataLoader(warehouse).load()).containsExactly("regions");

        assertThat(count(warehouse, "SELECT count(*) FROM region")).isEqualTo(12);
    }
}
