package ma.tadafor.ingestion.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The 60 programme communes with their 2024 census figures, from module data's reference files on the
 * classpath; and, for benchmarks at national scale, every commune of the reference.
 */
public final class ProgrammeCommunes {

    /** When the communes outside the programme join in a national rollout: with the extension cohort. */
    private static final LocalDate ROLLOUT_JOINED = LocalDate.of(2023, 10, 1);

    private static final Map<String, String[]> CENSUS = census();
    private static final List<DemoCommune> ALL = load();

    private ProgrammeCommunes() {
    }

    /** In the order of {@code programme_communes.csv}. */
    public static List<DemoCommune> all() {
        return ALL;
    }

    /**
     * All 1,503 communes of the reference, in its order: the programme's 60 as {@link #all()} has them,
     * the others as if they had joined with the extension cohort (October 2023). For benchmarks of a
     * national rollout; the demo stays on the programme's communes.
     */
    public static List<DemoCommune> nationalRollout() {
        Map<String, DemoCommune> programme = new HashMap<>();
        ALL.forEach(commune -> programme.put(commune.code(), commune));
        List<DemoCommune> communes = new ArrayList<>();
        for (Map<String, String> row : read("/reference/ma_communes.csv")) {
            String code = row.get("code");
            communes.add(programme.containsKey(code) ? programme.get(code)
                    : commune(code, row.get("province_code"), "extension", ROLLOUT_JOINED));
        }
        return List.copyOf(communes);
    }

    private static List<DemoCommune> load() {
        List<DemoCommune> communes = new ArrayList<>();
        for (Map<String, String> row : read("/reference/programme_communes.csv")) {
            communes.add(commune(row.get("commune_code"), row.get("province_code"), row.get("cohort"),
                    YearMonth.parse(row.get("joined")).atDay(1)));
        }
        return List.copyOf(communes);
    }

    private static DemoCommune commune(String code, String provinceCode, String cohort, LocalDate joined) {
        String[] figures = Objects.requireNonNull(CENSUS.get(code), code);
        return new DemoCommune(code, provinceCode, cohort, joined, Long.parseLong(figures[0]), Long.parseLong(figures[1]),
                Double.parseDouble(figures[2]));
    }

    /**
     * Each commune's female and male population and its disability prevalence (%). Four communes of the
     * Sahara have no split by sex in the census: half of their population is counted as each.
     */
    private static Map<String, String[]> census() {
        Map<String, String[]> census = new HashMap<>();
        for (Map<String, String> row : read("/reference/ma_communes.csv")) {
            String female = row.get("population_municipale_female_2024");
            String male = row.get("population_municipale_male_2024");
            if (female.isEmpty() || male.isEmpty()) {
                long population = Long.parseLong(row.get("population_municipale_2024"));
                female = String.valueOf(population / 2);
                male = String.valueOf(population - population / 2);
            }
            census.put(row.get("code"), new String[] {female, male, "0"});
        }
        for (Map<String, String> row : read("/reference/ma_population_sex_age_disability_2024.csv")) {
            if (row.get("level").equals("commune") && census.containsKey(row.get("code"))
                    && !row.get("disability_prevalence_pct_all").isEmpty()) {
                census.get(row.get("code"))[2] = row.get("disability_prevalence_pct_all");
            }
        }
        return census;
    }

    /** Rows of a plain CSV (the reference files quote nothing), keyed by header. */
    private static List<Map<String, String>> read(String resource) {
        try (var in = Objects.requireNonNull(ProgrammeCommunes.class.getResourceAsStream(resource), resource);
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], fields[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
