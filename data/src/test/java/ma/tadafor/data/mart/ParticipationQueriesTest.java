package ma.tadafor.data.mart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.Rows;
import ma.tadafor.data.TestWarehouse;
import ma.tadafor.data.territory.TerritorialScope;

/** The province cube answers what the commune cube answers, to the row and the cell key. */
class ParticipationQueriesTest {

    private static final List<ParticipationDimension> GROUPINGS = List.of(ParticipationDimension.REGION,
            ParticipationDimension.PROVINCE, ParticipationDimension.COHORT, ParticipationDimension.MECHANISM,
            ParticipationDimension.YEAR, ParticipationDimension.SEMESTER, ParticipationDimension.GENDER,
            ParticipationDimension.AGE_BAND);

    @TempDir
    Path folder;

    HikariDataSource warehouse;

    @BeforeEach
    void open() {
        warehouse = TestWarehouse.withReferenceData(folder);
        // Random marts over the programme's communes: bases of every third month, cells of three grouping sets.
        TestWarehouse.execute(warehouse, """
                SELECT setseed(0.42);
                INSERT INTO mart_participation_cell_code VALUES (0, NULL, NULL, NULL, NULL), (1, 'F', NULL, NULL, NULL),
                    (2, 'M', NULL, NULL, NULL), (3, NULL, 'UNDER_18', NULL, NULL), (4, NULL, '18-24', NULL, NULL),
                    (5, 'F', 'UNDER_18', NULL, NULL), (6, 'M', '18-24', NULL, NULL);
                INSERT INTO mart_participation_base BY NAME
                SELECT row_number() OVER () AS base_key, c.code AS commune_code, c.province_code, c.region_code, p.cohort,
                       m.code AS mechanism, CAST(t.d AS DATE) AS month, year(t.d) AS year,
                       year(t.d) || CASE WHEN month(t.d) <= 6 THEN 'S1' ELSE 'S2' END AS semester
                FROM commune c JOIN programme_commune p ON p.commune_code = c.code CROSS JOIN mechanism m
                CROSS JOIN range(TIMESTAMP '2024-01-01', TIMESTAMP '2026-01-01', INTERVAL 3 MONTH) t(d)
                WHERE random() < 0.5;
                INSERT INTO mart_participation_cube BY NAME
                SELECT b.base_key, s.cell_set, s.cell_code, CAST(random() * 12 AS BIGINT) AS participants,
                       CAST(random() * 3 AS BIGINT) AS activities, CAST(random() * 255 AS INTEGER) AS participants_key
                FROM mart_participation_base b
                CROSS JOIN (VALUES (0, 0), (1, 1), (1, 2), (2, 3), (2, 4), (3, 5), (3, 6)) s(cell_set, cell_code)
                WHERE random() < 0.8;
                INSERT INTO mart_province_cube SELECT * FROM province_cube_from_communes;""");
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void aScopeOfWholeProvincesIsAnsweredFromTheProvinceCubeAsFromTheCommunes() {
        List<String> mechanisms = values("SELECT code FROM mechanism ORDER BY code");
        List<String> regions = values("SELECT DISTINCT region_code FROM mart_participation_base ORDER BY 1");
        ParticipationQueries queries = new ParticipationQueries(warehouse);
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 200; i++) {
            List<ParticipationDimension> groupBy = new ArrayList<>();
            for (ParticipationDimension dimension : GROUPINGS) {
                if (random.nextInt(4) == 0) {
                    groupBy.add(dimension);
                }
            }
            Map<ParticipationDimension, List<Object>> filters = new HashMap<>();
            switch (random.nextInt(4)) {
                case 0 -> filters.put(ParticipationDimension.MECHANISM, List.of(mechanisms.get(random.nextInt(mechanisms.size()))));
                case 1 -> filters.put(ParticipationDimension.GENDER, List.of(random.nextBoolean() ? "F" : "M"));
                case 2 -> filters.put(ParticipationDimension.YEAR, List.of(2024 + random.nextInt(2)));
                default -> { }
            }
            LocalDate from = random.nextBoolean() ? null : LocalDate.of(2024, 1 + random.nextInt(12), 1);
            LocalDate to = random.nextBoolean() ? null : LocalDate.of(2025, 1 + random.nextInt(12), 1).plusMonths(1).minusDays(1);
            ParticipationQuery query = new ParticipationQuery(groupBy, filters, from, to);

            String region = regions.get(random.nextInt(regions.size()));
            TerritorialScope wholeRegion = TerritorialScope.of(Set.of(region), Set.of(), Set.of());
            TerritorialScope regionsCommunes = TerritorialScope.of(Set.of(), Set.of(),
                    Set.copyOf(values("SELECT DISTINCT commune_code FROM mart_participation_base WHERE region_code = '" + region + "'")));
            TerritorialScope everyCommune = TerritorialScope.of(Set.of(), Set.of(),
                    Set.copyOf(values("SELECT DISTINCT commune_code FROM mart_participation_base")));

            assertThat(queries.participation(query, TerritorialScope.NATIONAL)).as(query.toString())
                    .isEqualTo(queries.participation(query, everyCommune));
            assertThat(queries.participation(query, wholeRegion)).as(query + " in " + region)
                    .isEqualTo(queries.participation(query, regionsCommunes));
        }
        assertThat(queries.participation(new ParticipationQuery(List.of(), Map.of(), null, null), TerritorialScope.NATIONAL)
                .totalParticipants().value()).isEqualTo(TestWarehouse.count(warehouse,
                        "SELECT sum(participants) FROM mart_participation_cube WHERE cell_set = 0"));
    }

    private List<String> values(String sql) {
        List<String> values = new ArrayList<>();
        Rows.each(warehouse, sql, List.of(), row -> values.add(row.getString(1)), "reading the test's marts");
        return values;
    }
}
