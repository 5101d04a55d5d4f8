package ma.tadafor.ingestion.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The 60 programme communes with their 2024 census figures, from module data's reference files on the classpath. */
public final class ProgrammeCommunes {

    private static final List<DemoCommune> ALL = load();

    private ProgrammeCommunes() {
    }

    /** In the order of {@code programme_communes.csv}. */
    public static List<DemoCommune> all() {
        return ALL;
    }

    private static List<DemoCommune> load() {
        Map<String, String[]> census = new HashMap<>();
        for (Map<String, String> row : read("/reference/ma_communes.csv")) {
            census.put(row.get("code"), new String[] {
                    row.get("population_municipale_female_2024"), row.get("population_municipale_male_2024"), "0"});
        }
        for (Map<String, String> row : read("/reference/ma_population_sex_age_disability_2024.csv")) {
            if (row.get("level").equals("commune") && census.containsKey(row.get("code"))) {
                census.get(row.get("code"))[2] = row.get("disability_prevalence_pct_all");
            }
        }
        List<DemoCommune> communes = new ArrayList<>();
        for (Map<String, String> row : read("/reference/programme_communes.csv")) {
            String[] figures = Objects.requireNonNull(census.get(row.get("commune_code")), row.get("commune_code"));
            communes.add(new DemoCommune(row.get("commune_code"), row.get("province_code"), row.get("cohort"),
                    YearMonth.parse(row.get("joined")).atDay(1), Long.parseLong(figures[0]),
                    Long.parseLong(figures[1]), Double.parseDouble(figures[2])));
        }
        return List.copyOf(communes);
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
