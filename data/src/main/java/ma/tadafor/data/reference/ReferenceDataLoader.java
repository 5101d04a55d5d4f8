package ma.tadafor.data.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ma.tadafor.data.Checksums;

/**
 * Loads the reference data the repository carries (classpath {@code /reference}) into the
 * warehouse, idempotently. Official data (territories, census, INDH programmes, mechanisms) is
 * reloaded whenever its file changes; configuration (programme membership, the results framework)
 * is seeded once and then belongs to the programme managers.
 *
 * <p>{@link #load()} seeds only what sources name: the communes the seed document or the press
 * name, and the indicators' definitions without baselines. The illustrative rest (47 picked
 * communes, invented baselines and targets) is for the demo alone: {@link #loadIllustrative()}
 * adds it, marked ({@code basis = 'illustrative'}, {@code is_demo}), so that a production warehouse
 * never holds a figure nobody set.
 */
public final class ReferenceDataLoader {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

    private static final String CENSUS_TERRITORIES = """
            FROM read_csv('%1$s', header = true, all_varchar = true)
            WHERE area = 'total' AND level IN ('country', 'region', 'province', 'commune')""";

    private static final List<Dataset> DATASETS = List.of(
            Dataset.official("regions", "ma_regions.csv", List.of("region"), """
                    INSERT INTO region
                    SELECT code, iso_3166_2, name_fr, name_ar,
                           population_legale_2024::BIGINT, households_2024::BIGINT
                    FROM read_csv('%1$s', header = true, all_varchar = true)"""),
            // The eight préfectures d'arrondissements of Casablanca hold no commune: left out.
            Dataset.official("provinces", "ma_provinces.csv", List.of("province"), """
                    INSERT INTO province
                    SELECT code, region_code, name_fr, name_ar, type,
                           population_legale_2024::BIGINT, households_2024::BIGINT
                    FROM read_csv('%1$s', header = true, all_varchar = true)
                    WHERE type IN ('province', 'prefecture')"""),
            Dataset.official("communes", "ma_communes.csv", List.of("commune"), """
                    INSERT INTO commune
                    SELECT code, region_code, province_code, name_fr, name_ar, type,
                           nullif(cercle_code, ''), nullif(cercle_name_fr, ''),
                           population_legale_2024::BIGINT, population_municipale_2024::BIGINT,
                           population_municipale_male_2024::BIGINT, population_municipale_female_2024::BIGINT,
                           households_2024::BIGINT
                    FROM read_csv('%1$s', header = true, all_varchar = true)"""),
            Dataset.official("census", "ma_population_sex_age_disability_2024.csv",
                    List.of("census_population", "census_age_share"), """
                    INSERT INTO census_population
                    SELECT level, coalesce(nullif(code, ''), 'MA'),
                           population_legale::BIGINT, population_municipale::BIGINT,
                           population_municipale_male::BIGINT, population_municipale_female::BIGINT,
                           population_15_plus_all::BIGINT,
                           disability_prevalence_pct_all::DOUBLE, disability_prevalence_pct_male::DOUBLE,
                           disability_prevalence_pct_female::DOUBLE, households::BIGINT
                    """ + CENSUS_TERRITORIES + """
                    ;
                    INSERT INTO census_age_share
                    SELECT level, territory_code,
                           regexp_extract(column_name, '_(all|male|female)$', 1) AS sex,
                           replace(replace(regexp_extract(column_name, '^pct_age_(.*)_(all|male|female)$', 1),
                                   '_plus', '+'), '_', '-') AS age_band,
                           pct::DOUBLE
                    FROM (UNPIVOT (SELECT level, coalesce(nullif(code, ''), 'MA') AS territory_code, COLUMNS('^pct_age_')
                                   """ + CENSUS_TERRITORIES + """
                                   ) ON COLUMNS('^pct_age_') INTO NAME column_name VALUE pct)
                    WHERE pct <> ''"""),
            Dataset.official("indh_programmes", "indh_phase3_programmes.csv", List.of("indh_programme"), """
                    INSERT INTO indh_programme
                    SELECT programme_no::INTEGER, name_fr, envelope_2019_2023_mdh::DOUBLE,
                           planned_spend_2021_mdh::DOUBLE, planned_spend_2022_mdh::DOUBLE,
                           planned_spend_2023_mdh::DOUBLE, scope_note, source_url
                    FROM read_csv('%1$s', header = true, all_varchar = true)"""),
            Dataset.official("mechanisms", "mechanisms.csv", List.of("mechanism"), """
                    INSERT INTO mechanism
                    SELECT code, line_of_action::INTEGER, label_fr, label_ar
                    FROM read_csv('%1$s', header = true, all_varchar = true)"""),
            Dataset.seed("programme_membership", "programme_communes.csv", List.of("programme_commune"), """
                    INSERT INTO programme_commune
                    SELECT commune_code, cohort, strptime(joined, '%%Y-%%m')::DATE, basis
                    FROM read_csv('%1$s', header = true, all_varchar = true)
                    WHERE basis <> 'illustrative'"""),
            Dataset.seed("indicators", "indicators.csv", List.of("indicator"), """
                    INSERT INTO indicator
                    SELECT code, result, sort_order::INTEGER, label_fr, label_ar, unit, computation,
                           nullif(activity_filter, ''), nullif(share_filter, ''), cumulative::BOOLEAN,
                           nullif(disaggregations, ''), NULL, false
                    FROM read_csv('%1$s', header = true, all_varchar = true)"""));

    /** Added to the seeded configuration, never replacing it: a manager's row stays as they set it. */
    private static final List<Dataset> ILLUSTRATIVE = List.of(
            Dataset.illustrative("illustrative_programme_membership", "programme_communes.csv", List.of("programme_commune"), """
                    INSERT OR IGNORE INTO programme_commune
                    SELECT commune_code, cohort, strptime(joined, '%%Y-%%m')::DATE, basis
                    FROM read_csv('%1$s', header = true, all_varchar = true)
                    WHERE basis = 'illustrative'"""),
            Dataset.illustrative("illustrative_baselines", "indicators.csv", List.of("indicator"), """
                    UPDATE indicator SET baseline = seed.baseline::DOUBLE, is_demo = true
                    FROM read_csv('%1$s', header = true, all_varchar = true) seed
                    WHERE indicator.code = seed.code AND indicator.baseline IS NULL"""),
            Dataset.illustrative("illustrative_targets", "indicator_targets.csv", List.of("indicator_target"), """
                    INSERT OR IGNORE INTO indicator_target
                    SELECT indicator_code, scope, semester, target::DOUBLE, true
                    FROM read_csv('%1$s', header = true, all_varchar = true)"""));

    private final DataSource dataSource;

    public ReferenceDataLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Loads what is missing or changed; returns the names of the datasets (re)loaded. */
    public List<String> load() {
        return load(DATASETS);
    }

    /** Adds the demo's illustrative membership, baselines and targets, once; returns the datasets loaded. */
    public List<String> loadIllustrative() {
        return load(ILLUSTRATIVE);
    }

    private List<String> load(List<Dataset> datasets) {
        Path folder = null;
        try (Connection connection = dataSource.getConnection()) {
            folder = Files.createTempDirectory("tadafor-reference");
            List<String> loaded = new java.util.ArrayList<>();
            for (Dataset dataset : datasets) {
                byte[] content = resource(dataset.file());
                String checksum = Checksums.sha256(content);
                Optional<String> current = loadedChecksum(connection, dataset.name());
                boolean upToDate = dataset.seedOnce() ? current.isPresent() : current.filter(checksum::equals).isPresent();
                if (!upToDate) {
                    Path file = folder.resolve(dataset.file());
                    Files.write(file, content);
                    replace(connection, dataset, file, checksum);
                    loaded.add(dataset.name());
                }
            }
            return loaded;
        } catch (SQLException e) {
            throw new IllegalStateException("loading reference data failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void replace(Connection connection, Dataset dataset, Path file, String checksum) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (dataset.replaces()) {
                for (String table : dataset.tables()) {
                    statement.execute("DELETE FROM " + table);
                }
            }
            statement.execute(dataset.insertSql().formatted(file.toString().replace("'", "''")));
            long rows = 0;
            for (String table : dataset.tables()) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    count.next();
                    rows += count.getLong(1);
                }
            }
            try (PreparedStatement record = connection.prepareStatement("""
                    INSERT OR REPLACE INTO reference_dataset (name, checksum, row_count, loaded_at)
                    VALUES (?, ?, ?, now())""")) {
                record.setString(1, dataset.name());
                record.setString(2, checksum);
                record.setLong(3, rows);
                record.executeUpdate();
            }
            connection.commit();
            log.info("Loaded reference dataset {} ({} rows)", dataset.name(), rows);
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException(dataset.name() + ": " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static Optional<String> loadedChecksum(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT checksum FROM reference_dataset WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = ReferenceDataLoader.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing reference file /reference/" + file);
            }
            return in.readAllBytes();
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            log.warn("Could not remove the temporary folder {}", folder, e);
        }
    }

    /**
     * A reference file and how it fills its tables; {@code seedOnce} marks configuration that is
     * loaded once and never overwritten afterwards; {@code replaces}, a dataset that empties its
     * tables first (illustrative data is added to what is there).
     */
    private record Dataset(String name, String file, List<String> tables, String insertSql, boolean seedOnce,
                           boolean replaces) {

        static Dataset official(String name, String file, List<String> tables, String insertSql) {
            return new Dataset(name, file, tables, insertSql, false, true);
        }

        static Dataset seed(String name, String file, List<String> tables, String insertSql) {
            return new Dataset(name, file, tables, insertSql, true, true);
        }

        static Dataset illustrative(String name, String file, List<String> tables, String insertSql) {
            return new Dataset(name, file, tables, insertSql, true, false);
        }
    }
}
