package ma.tadafor.dashboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import ma.tadafor.analytics.indicators.IndicatorFilter;
import ma.tadafor.analytics.indicators.StatusThresholds;
import ma.tadafor.analytics.quality.OutlierRules;

/**
 * The floor the Spark jobs are measured against (issue 18, item 3): the marts of
 * {@code RefreshMarts.run} computed by DuckDB SQL written for speed, over the same Parquet snapshot
 * ({@code WarehouseSnapshot.export(folder, true)}), in a fresh DuckDB database file of the work folder
 * ({@code SET threads = 2}), each mart written as a table of that name. Not the tests' oracle
 * ({@code MartOracle}, naive on purpose and the correctness check); {@code TunedBaselineTest} checks
 * that this computes Spark's figures.
 *
 * <p>How it is written for speed:
 * <ul>
 * <li>The cells are read once and narrowed to numbers: the join that gives each cell its activity
 *     hashes the cell's {@code (source_id, item_id)} once and leaves a dense activity number; the
 *     activity's base (commune, mechanism, month) is a number too (Spark's numbering), and the four
 *     cell dimensions are packed in 10 bits (gender 2, age band 3, disability 2, role 3; 0 = not
 *     grouped by, so a projected code tells its own grouping set). A grain row is one {@code BIGINT}
 *     key, {@code base << 40 | cell code << 30 | activity}, and its participants: every later
 *     aggregation hashes one integer.</li>
 * <li>The participation cube's 16 grouping sets with their distinct activities are two-level
 *     aggregations down the lattice of the sets: the finest level (each activity's participants per
 *     full cell code) from the grain, and each coarser set's (activity, projected code) pairs from the
 *     smallest finer set already computed (the key ANDed with a mask), never from the grain again;
 *     each set's cube rows are then its pairs counted per base and code. No {@code COUNT(DISTINCT)},
 *     no 16-fold copy of the grain, no join on the grain but the one that numbers it.</li>
 * <li>What several marts read is computed once: each activity's participants (the lattice's coarsest
 *     level) for lineage and outliers, the cube's finest rows for rates and data quality, each
 *     activity's indicator terms (one pass over the grain, cell conditions tested on the packed code)
 *     for the indicators and their items. Everything per commune is summed up the hierarchy from a
 *     per-commune table of at most communes × semesters rows.</li>
 * <li>The commune-semester jump rule is a window frame over each commune's semesters, not a self-join.
 *     Intermediate tables are temporary, and tables are created by {@code CREATE TABLE AS} without
 *     {@code ORDER BY}: every reader here aggregates or joins by hash, so no sort would pay.</li>
 * </ul>
 *
 * <p>What it leaves out: the cell keys of disclosure control (every {@code *_key} column): Spark's
 * record key is Spark's seeded XXH64 of the secret, the activity's own XXH64 (of its two strings) and
 * the cell code, which DuckDB has no function for; in SQL it would take XXH64 over each activity's
 * strings byte by byte and 64-bit wrapping multiplications DuckDB's integers do not do (an overflow is an
 * error), far from cheap, and the figure measured here is the aggregation cost. The
 * partials an incremental refresh keeps ({@code partial_*}) are not written: it reads full snapshots
 * only, and refuses an incremental one. Indicators are translated from their definitions
 * ({@link IndicatorFilter}'s language) to SQL.
 *
 * <p>Run alone on a snapshot {@code bench/run} leaves: {@code main(<snapshot folder> <work folder>)}
 * (docs/BENCHMARKS.md, "The tuned DuckDB baseline").
 */
public final class TunedBaseline {

    /** The marts, in the order computed (Spark's order in {@code RefreshMarts.run}). */
    public static final List<String> MARTS = List.of("participation_base", "participation_cell_code",
            "participation_cube", "convergence_link", "lineage_item", "indicator_item", "participation_rate", "indicator",
            "convergence", "data_quality", "outlier");
    /** The name of the first step's time: the snapshot's Parquet files loaded and numbered. */
    public static final String LOAD = "load";
    /** The name of the last step's time: the marts written to the database file for good. */
    public static final String CHECKPOINT = "checkpoint";

    /** The small tables of the snapshot, loaded as they are. */
    private static final List<String> REFERENCE = List.of("co_construction_project", "indh_project", "commune",
            "programme_commune", "census_population", "census_age_share", "indicator", "indicator_target",
            "indicator_value", "source", "watermark", "snapshot_info");
    /** The cell dimensions' columns and values, in Spark's order (its cell codes are these indices + 1). */
    private static final List<String> CELL_COLUMNS = List.of("gender", "age_band", "disability", "role");
    private static final List<List<String>> CELL_VALUES = List.of(
            List.of("F", "M", "U"),
            List.of("UNDER_18", "18-24", "25-34", "35-59", "60+", "UNKNOWN"),
            List.of("NO", "YES", "UNKNOWN"),
            List.of("CITIZEN", "ASSOCIATION_MEMBER", "ELECTED_OFFICIAL", "COMMUNE_STAFF", "OTHER"));
    /** Where each dimension's value (1 = its first) sits in a packed code, and the bits it takes. */
    private static final int[] SHIFT = {0, 2, 5, 7};
    private static final int[] FIELD = {3, 7, 3, 7};
    /** Spark's cell code: one decimal digit a dimension. */
    private static final int[] DIGIT = {1000, 100, 10, 1};
    private static final int SETS = 16;
    /**
     * The set each coarser set's level one is made from: of the sets with one more dimension, the one of fewest
     * possible codes (the product of its dimensions' numbers of values), which holds the fewest rows.
     */
    private static final int[] PARENTS = parents();
    private static final long ACTIVITY_MASK = (1L << 30) - 1;
    private static final long MAX_BASE = (1L << 23) - 1;
    private static final String AMOUNT = "DECIMAL(38, 2)";

    private TunedBaseline() {
    }

    /** Usage: {@code TunedBaseline <snapshot folder> <work folder>}; prints the time of each step and their total. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: TunedBaseline <snapshot folder> <work folder>");
            System.exit(2);
        }
        long start = System.nanoTime();
        Map<String, Long> elapsed = run(Path.of(args[0]), Path.of(args[1]));
        long total = (System.nanoTime() - start) / 1_000_000;
        elapsed.forEach((step, ms) -> System.out.printf(Locale.ROOT, "%-24s %,10d ms%n", step, ms));
        System.out.printf(Locale.ROOT, "%-24s %,10d ms (steps %,d ms)%n", "total", total,
                elapsed.values().stream().mapToLong(Long::longValue).sum());
    }

    /** {@link #run(Path, Path, StatusThresholds, OutlierRules)} with the application's default thresholds and rules. */
    public static Map<String, Long> run(Path snapshotFolder, Path workFolder) throws SQLException, IOException {
        return run(snapshotFolder, workFolder, StatusThresholds.DEFAULT, OutlierRules.DEFAULT);
    }

    /**
     * Computes every mart of {@link #MARTS} into a fresh {@code baseline.duckdb} in {@code workFolder} (replaced if
     * there), one table each.
     *
     * @return milliseconds per step, in the order run: {@link #LOAD}, then each mart (a mart's time includes what it
     *         is the first to compute, as in {@code RefreshMarts.run})
     */
    public static Map<String, Long> run(Path snapshotFolder, Path workFolder, StatusThresholds thresholds,
            OutlierRules rules) throws SQLException, IOException {
        Path snapshot = snapshotFolder.toAbsolutePath();
        if (Files.exists(snapshot.resolve("refresh_commune.parquet"))) {
            throw new IllegalArgumentException(snapshot + " is an incremental snapshot: the baseline reads full ones");
        }
        Files.createDirectories(workFolder);
        Path database = database(workFolder);
        Files.deleteIfExists(database);
        Files.deleteIfExists(Path.of(database + ".wal"));
        Map<String, Long> elapsed = new LinkedHashMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + database);
             Statement sql = duckdb.createStatement()) {
            sql.execute("SET threads = 2");
            // Beside the benchmark's own JVM: DuckDB's default, 80 % of the machine, would not leave it room at 30 M cells.
            sql.execute("SET memory_limit = '8GB'");
            sql.execute("SET preserve_insertion_order = false");
            // Days of instants are UTC days, as in the Spark jobs.
            sql.execute("SET TimeZone = 'UTC'");
            Baseline baseline = new Baseline(sql, snapshot, thresholds, rules);
            timed(LOAD, elapsed, baseline::load);
            timed("participation_base", elapsed, baseline::bases);
            timed("participation_cell_code", elapsed, baseline::cellCodes);
            timed("participation_cube", elapsed, baseline::cube);
            timed("convergence_link", elapsed, baseline::convergenceLinks);
            timed("lineage_item", elapsed, baseline::lineageItems);
            timed("indicator_item", elapsed, baseline::indicatorItems);
            timed("participation_rate", elapsed, baseline::rates);
            timed("indicator", elapsed, baseline::indicators);
            timed("convergence", elapsed, baseline::convergence);
            timed("data_quality", elapsed, baseline::dataQuality);
            timed("outlier", elapsed, baseline::outliers);
            timed(CHECKPOINT, elapsed, () -> sql.execute("CHECKPOINT"));
        }
        return elapsed;
    }

    /** The database file {@link #run} writes its marts into. */
    public static Path database(Path workFolder) {
        return workFolder.toAbsolutePath().resolve("baseline.duckdb");
    }

    private interface Step {
        void run() throws SQLException;
    }

    private static void timed(String name, Map<String, Long> elapsed, Step step) throws SQLException {
        long start = System.nanoTime();
        step.run();
        elapsed.put(name, (System.nanoTime() - start) / 1_000_000);
    }

    /** The statements of one run. */
    private static final class Baseline {

        private final Statement sql;
        private final Path snapshot;
        private final StatusThresholds thresholds;
        private final OutlierRules rules;

        Baseline(Statement sql, Path snapshot, StatusThresholds thresholds, OutlierRules rules) {
            this.sql = sql;
            this.snapshot = snapshot;
            this.thresholds = thresholds;
            this.rules = rules;
        }

        /**
         * The reference tables as they are; the activities with their place, cohort, month, semester, a dense
         * number ({@code aid}) and their base's ({@code base_key}, Spark's numbering: bases in order of their
         * columns, nulls first); the communes reported on; the grain: one key per activity and cell code (set 15's
         * level one), its participants summed.
         */
        void load() throws SQLException {
            for (String table : REFERENCE) {
                sql.execute("CREATE TEMP TABLE s_" + table + " AS SELECT * FROM " + parquet(table));
            }
            int offset = single("SELECT base_offset FROM s_snapshot_info").intValue();
            sql.execute("""
                    CREATE TEMP TABLE act AS
                    SELECT (row_number() OVER ())::INTEGER AS aid,
                           (dense_rank() OVER (ORDER BY a.commune_code, a.mechanism, a.month NULLS FIRST) + %d)::INTEGER
                               AS base_key,
                           a.source_id, a.item_id, a.commune_code, c.province_code, c.region_code, p.cohort, a.mechanism,
                           a.status, a.theme, a.initiator, a.indh_project_ref, a.start_date, a.end_date, a.updated_at,
                           a.ingested_at, a.month, year(a.start_date) AS year,
                           year(a.start_date) || CASE WHEN month(a.start_date) <= 6 THEN 'S1' ELSE 'S2' END AS semester
                    FROM (SELECT *, CAST(date_trunc('month', start_date) AS DATE) AS month FROM %s) a
                    JOIN s_commune c ON c.code = a.commune_code
                    LEFT JOIN s_programme_commune p ON p.commune_code = a.commune_code""".formatted(offset,
                    parquet("activity")));
            long activities = single("SELECT count(*) FROM act");
            long bases = single("SELECT coalesce(max(base_key), 0) FROM act");
            if (activities > ACTIVITY_MASK || bases > MAX_BASE) {
                throw new IllegalStateException("%,d activities or %,d bases: more than a grain key holds"
                        .formatted(activities, bases));
            }
            sql.execute("""
                    CREATE TEMP TABLE communes AS
                    SELECT c.code AS commune_code, c.province_code, c.region_code, p.cohort
                    FROM s_commune c LEFT JOIN s_programme_commune p ON p.commune_code = c.code
                    WHERE p.commune_code IS NOT NULL OR c.code IN (SELECT commune_code FROM act)""");
            sql.execute("""
                    CREATE TEMP TABLE semesters AS
                    SELECT semester FROM act WHERE semester IS NOT NULL
                    UNION SELECT semester FROM s_indicator_target""");
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < CELL_COLUMNS.size(); i++) {
                String column = CELL_COLUMNS.get(i).equals("disability")
                        ? "CASE WHEN c.disability IS NULL THEN 'UNKNOWN' WHEN c.disability THEN 'YES' ELSE 'NO' END"
                        : "c." + CELL_COLUMNS.get(i);
                StringBuilder field = new StringBuilder("CASE " + column);
                for (int v = 0; v < CELL_VALUES.get(i).size(); v++) {
                    field.append(" WHEN '").append(CELL_VALUES.get(i).get(v)).append("' THEN ").append(v + 1);
                }
                field.append(" ELSE error('unknown ").append(CELL_COLUMNS.get(i)).append(": ' || ").append(column)
                        .append(") END");
                fields.add("((" + field + ")::BIGINT << " + (30 + SHIFT[i]) + ")");
            }
            sql.execute("""
                    CREATE TEMP TABLE grain AS
                    SELECT (a.base_key::BIGINT << 40) | %s | a.aid AS k, sum(c.participants)::BIGINT AS p
                    FROM %s c JOIN act a ON a.source_id = c.source_id AND a.item_id = c.item_id
                    GROUP BY 1""".formatted(
                    String.join(" | ", fields), parquet("participation_cell")));
        }

        /** {@code mart_participation_base}: each base once, with what it is. */
        void bases() throws SQLException {
            sql.execute("""
                    CREATE TABLE participation_base AS
                    SELECT base_key, first(commune_code) AS commune_code, first(province_code) AS province_code,
                           first(region_code) AS region_code, first(cohort) AS cohort, first(mechanism) AS mechanism,
                           first(month) AS month, first(year) AS year, first(semester) AS semester
                    FROM act GROUP BY base_key""");
        }

        /** {@code mart_participation_cell_code}: every code of every set in Spark's encoding, with its values. */
        void cellCodes() throws SQLException {
            List<String> dimensions = new ArrayList<>();
            for (int i = 0; i < CELL_COLUMNS.size(); i++) {
                List<String> rows = new ArrayList<>(List.of("(0, NULL)"));
                for (int v = 0; v < CELL_VALUES.get(i).size(); v++) {
                    rows.add("(" + (v + 1) + ", '" + CELL_VALUES.get(i).get(v) + "')");
                }
                dimensions.add("(VALUES " + String.join(", ", rows) + ") d" + i + "(i, v)");
            }
            sql.execute("""
                    CREATE TABLE participation_cell_code AS
                    SELECT (d0.i * 1000 + d1.i * 100 + d2.i * 10 + d3.i)::INTEGER AS cell_code, d0.v AS gender,
                           d1.v AS age_band, d2.v AS disability, d3.v AS role
                    FROM %s""".formatted(String.join(" CROSS JOIN ", dimensions)));
        }

        /**
         * {@code mart_participation_cube}. Level one of set {@code s}: one row per base, activity and projected code
         * with its participants, made from its parent in {@link #PARENTS} (the grain itself is set 15's); level two:
         * those rows counted (the distinct activities) and summed per base and code. A set's level one is kept as a
         * table ({@code l<s>}) only while a coarser set is made from it; the coarsest, one row per activity with
         * cells, is kept as {@code item_total} for lineage and outliers.
         */
        void cube() throws SQLException {
            sql.execute("""
                    CREATE TABLE participation_cube (base_key INTEGER, cell_set INTEGER, cell_code INTEGER,
                                                     participants BIGINT, activities BIGINT)""");
            tallied(SETS - 1, "grain");
            for (int dimensions = 3; dimensions >= 0; dimensions--) {
                for (int set = 0; set < SETS; set++) {
                    if (Integer.bitCount(set) != dimensions) {
                        continue;
                    }
                    String levelOne = "SELECT k & %d AS k, sum(p)::BIGINT AS p FROM %s GROUP BY 1".formatted(keyMask(set),
                            levelOne(PARENTS[set]));
                    if (set == 0 || isParent(set)) {
                        sql.execute("CREATE TEMP TABLE " + levelOne(set) + " AS " + levelOne);
                        tallied(set, levelOne(set));
                    } else {
                        tallied(set, "(" + levelOne + ")");
                    }
                }
                for (int set = 0; set < SETS - 1; set++) {
                    if (Integer.bitCount(set) == dimensions + 1 && isParent(set)) {
                        sql.execute("DROP TABLE " + levelOne(set));
                    }
                }
            }
        }

        private static boolean isParent(int set) {
            return IntStream.of(PARENTS).anyMatch(parent -> parent == set);
        }

        /** The table of a set's level one. */
        private static String levelOne(int set) {
            return set == SETS - 1 ? "grain" : set == 0 ? "item_total" : "l" + set;
        }

        /** Set {@code set}'s rows of the cube from its level one ({@code k, p}), the code in Spark's encoding. */
        private void tallied(int set, String levelOne) throws SQLException {
            String code = "(g & 1023)";
            List<String> digits = new ArrayList<>();
            for (int i = 0; i < CELL_COLUMNS.size(); i++) {
                digits.add("((" + code + " >> " + SHIFT[i] + ") & " + FIELD[i] + ") * " + DIGIT[i]);
            }
            sql.execute("""
                    INSERT INTO participation_cube
                    SELECT (g >> 10)::INTEGER, %d, (%s)::INTEGER, p, activities
                    FROM (SELECT k >> 30 AS g, sum(p)::BIGINT AS p, count(*) AS activities FROM %s GROUP BY 1)"""
                    .formatted(set, String.join(" + ", digits), levelOne));
        }

        /** The key mask that keeps a grain key's base, activity and the cell dimensions of {@code set}. */
        private static long keyMask(int set) {
            long dropped = 0;
            for (int i = 0; i < CELL_COLUMNS.size(); i++) {
                if ((set & (1 << i)) == 0) {
                    dropped |= (long) FIELD[i] << (30 + SHIFT[i]);
                }
            }
            return ~dropped;
        }

        /** The INDH links (explicit, or inferred where the activity names no project), then {@code mart_convergence_link}. */
        void convergenceLinks() throws SQLException {
            sql.execute("""
                    CREATE TEMP TABLE links AS
                    SELECT a.aid, p.ref AS indh_project_ref, p.programme_no, false AS inferred
                    FROM act a JOIN s_indh_project p ON p.ref = a.indh_project_ref
                    UNION ALL
                    SELECT a.aid, p.ref, p.programme_no, true
                    FROM act a JOIN s_indh_project p ON p.commune_code = a.commune_code AND p.theme = a.theme
                    WHERE a.indh_project_ref IS NULL AND a.start_date IS NOT NULL
                      AND (p.start_date IS NULL OR p.start_date <= coalesce(a.end_date, a.start_date))
                      AND (p.end_date IS NULL OR p.end_date >= a.start_date)""");
            sql.execute("""
                    CREATE TABLE convergence_link AS
                    SELECT a.source_id, a.item_id, l.indh_project_ref, l.programme_no, l.inferred, a.commune_code, a.mechanism
                    FROM links l JOIN act a USING (aid)""");
        }

        /** {@code mart_lineage_item}: every activity with its participants (0 without cells). */
        void lineageItems() throws SQLException {
            sql.execute("""
                    CREATE TABLE lineage_item AS
                    SELECT a.source_id, a.item_id, a.commune_code, a.province_code, a.region_code, a.cohort, a.mechanism,
                           a.start_date, a.semester, a.updated_at, a.ingested_at, coalesce(t.participants, 0) AS participants
                    FROM act a LEFT JOIN (SELECT (k & %d)::INTEGER AS aid, p AS participants FROM item_total) t USING (aid)"""
                    .formatted(ACTIVITY_MASK));
        }

        /**
         * Each dated activity's numerator and denominator of every computed indicator ({@code item_terms}: one
         * pass over the grain for what the cells give, cell conditions tested on the packed code), then
         * {@code mart_indicator_item}: the non-zero ones, one row per activity and indicator.
         */
        void indicatorItems() throws SQLException {
            List<Definition> computed = definitions().stream().filter(d -> !d.computation().equals("MANUAL")).toList();
            if (computed.isEmpty()) {
                sql.execute("""
                        CREATE TABLE indicator_item (indicator_code VARCHAR, source_id VARCHAR, item_id VARCHAR,
                            commune_code VARCHAR, semester VARCHAR, cumulative BOOLEAN, numerator DOUBLE, denominator DOUBLE)""");
                return;
            }
            List<String> perActivity = new ArrayList<>();
            List<String> terms = new ArrayList<>();
            for (int k = 0; k < computed.size(); k++) {
                Definition d = computed.get(k);
                String filterCells = cellCondition(d.filter());
                String shareCells = cellCondition(d.share());
                String filterActivity = activityCondition(d.filter());
                String shareActivity = activityCondition(d.share());
                if (d.ofCells()) {
                    perActivity.add("sum(p) FILTER (WHERE " + filterCells + ")::BIGINT AS pf" + k);
                    perActivity.add("sum(p) FILTER (WHERE " + filterCells + " AND " + shareCells + ")::BIGINT AS ps" + k);
                    terms.add("CASE WHEN " + filterActivity + " AND " + shareActivity + " THEN ps" + k + " END AS n" + k);
                    terms.add("CASE WHEN " + filterActivity + " THEN pf" + k + " END AS d" + k);
                    continue;
                }
                String passes = filterActivity;
                if (d.filter().hasCellConditions()) {
                    perActivity.add("bool_or(" + filterCells + ") AS af" + k);
                    passes += " AND coalesce(af" + k + ", false)";
                }
                String sharePasses = shareActivity;
                if (d.share().hasCellConditions()) {
                    perActivity.add("bool_or(" + shareCells + ") AS as" + k);
                    sharePasses += " AND coalesce(as" + k + ", false)";
                }
                terms.add(switch (d.computation()) {
                    case "SUM_TADAFOR_FUNDING" -> "CASE WHEN " + passes + " THEN f.tadafor_mad END";
                    case "SHARE_OF_ACTIVITIES" -> "CASE WHEN (" + passes + ") AND (" + sharePasses + ") THEN 1 ELSE 0 END";
                    default -> "CASE WHEN " + passes + " THEN 1 ELSE 0 END";
                } + " AS n" + k);
                terms.add("CASE WHEN " + passes + " THEN 1 ELSE 0 END AS d" + k);
            }
            String cells = perActivity.isEmpty() ? "" : """
                    LEFT JOIN (SELECT aid, %s
                               FROM (SELECT (k & %d)::INTEGER AS aid, ((k >> 30) & 1023)::INTEGER AS code, p FROM grain)
                               GROUP BY aid) t USING (aid)""".formatted(String.join(", ", perActivity), ACTIVITY_MASK);
            sql.execute("""
                    CREATE TEMP TABLE item_terms AS
                    SELECT a.aid, a.source_id, a.item_id, a.commune_code, a.semester%s
                    FROM (SELECT *, aid IN (SELECT aid FROM links) AS indh_linked FROM act WHERE semester IS NOT NULL) a
                    %s
                    LEFT JOIN s_co_construction_project f ON f.source_id = a.source_id AND f.item_id = a.item_id"""
                    .formatted(terms.stream().map(t -> ", " + t).collect(Collectors.joining()), cells));
            sql.execute("CREATE TABLE indicator_item AS " + IntStream.range(0, computed.size()).mapToObj(k -> """
                            SELECT '%s' AS indicator_code, source_id, item_id, commune_code, semester, %s AS cumulative,
                                   coalesce(n%d, 0)::DOUBLE AS numerator, coalesce(d%d, 0)::DOUBLE AS denominator
                            FROM item_terms WHERE coalesce(n%d, 0) <> 0 OR coalesce(d%d, 0) <> 0""".formatted(
                            computed.get(k).code(), computed.get(k).cumulative(), k, k, k, k))
                    .collect(Collectors.joining(" UNION ALL ")));
        }

        /** {@code mart_participation_rate}: the cube's finest rows per commune and semester, then every scope. */
        void rates() throws SQLException {
            sql.execute("""
                    CREATE TEMP TABLE rate_per_commune AS
                    WITH p AS (
                        SELECT b.commune_code, b.semester, sum(c.participants)::BIGINT AS participants,
                               sum(c.participants) FILTER (WHERE c.cell_code // 1000 IN (1, 2))::BIGINT AS known_gender,
                               sum(c.participants) FILTER (WHERE c.cell_code // 1000 = 1)::BIGINT AS women,
                               sum(c.participants) FILTER (WHERE c.cell_code // 100 %% 10 <> 6)::BIGINT AS known_age,
                               sum(c.participants) FILTER (WHERE c.cell_code // 100 %% 10 IN (2, 3))::BIGINT AS youth,
                               sum(c.participants) FILTER (WHERE c.cell_code // 10 %% 10 <> 3)::BIGINT AS known_disability,
                               sum(c.participants) FILTER (WHERE c.cell_code // 10 %% 10 = 2)::BIGINT AS disabled
                        FROM participation_cube c JOIN participation_base b USING (base_key)
                        WHERE c.cell_set = 15 AND b.semester IS NOT NULL GROUP BY ALL),
                    %s
                    SELECT c.commune_code, c.province_code, c.region_code, s.semester,
                           coalesce(p.participants, 0) AS participants, coalesce(p.known_gender, 0) AS known_gender,
                           coalesce(p.women, 0) AS women, coalesce(p.known_age, 0) AS known_age, coalesce(p.youth, 0) AS youth,
                           coalesce(p.known_disability, 0) AS known_disability, coalesce(p.disabled, 0) AS disabled,
                           pop.population, pop.population_female, pop.population_male, pop.population_youth,
                           pop.population_disabled
                    FROM communes c CROSS JOIN semesters s
                    LEFT JOIN p ON p.commune_code = c.commune_code AND p.semester = s.semester
                    LEFT JOIN pop ON pop.commune_code = c.commune_code""".formatted(POPULATION));
            sql.execute("""
                    CREATE TABLE participation_rate AS
                    SELECT scope, semester, participants, population,
                           CASE WHEN population > 0 THEN participants::DOUBLE * 1000 / population END AS participants_per_1000,
                           known_gender, women, %1$s AS women_share, %2$s AS women_population_share,
                           CASE WHEN %2$s > 0 THEN %1$s / %2$s END AS women_index,
                           known_age, youth, %3$s AS youth_share, %4$s AS youth_population_share,
                           CASE WHEN %4$s > 0 THEN %3$s / %4$s END AS youth_index,
                           known_disability, disabled, %5$s AS disability_share, %6$s AS disability_prevalence,
                           CASE WHEN %6$s > 0 THEN %5$s / %6$s END AS disability_index
                    FROM (%7$s)""".formatted(ratio("women", "known_gender"),
                    ratio("population_female", "(population_female + population_male)"), ratio("youth", "known_age"),
                    ratio("population_youth", "population"), ratio("disabled", "known_disability"),
                    ratio("population_disabled", "population"),
                    scoped("semester, sum(participants) AS participants, sum(known_gender) AS known_gender, "
                            + "sum(women) AS women, sum(known_age) AS known_age, sum(youth) AS youth, "
                            + "sum(known_disability) AS known_disability, sum(disabled) AS disabled, "
                            + "sum(population) AS population, sum(population_female) AS population_female, "
                            + "sum(population_male) AS population_male, sum(population_youth) AS population_youth, "
                            + "sum(population_disabled) AS population_disabled", "rate_per_commune")));
        }

        /**
         * {@code mart_indicator}: the items' terms summed per commune and semester, on the grid of communes and
         * semesters, cumulated where cumulative, a commune counted once for {@code COUNT_COMMUNES}, summed up every
         * scope, then divided; the manual ones from {@code indicator_value}; targets and statuses.
         */
        void indicators() throws SQLException {
            List<Definition> definitions = definitions();
            List<Definition> computed = definitions.stream().filter(d -> !d.computation().equals("MANUAL")).toList();
            List<String> manual = definitions.stream().filter(d -> d.computation().equals("MANUAL"))
                    .map(Definition::code).toList();
            List<String> actuals = new ArrayList<>();
            if (!computed.isEmpty()) {
                String sums = IntStream.range(0, computed.size())
                        .mapToObj(k -> "sum(n%1$d)::%2$s AS n%1$d, sum(d%1$d)::%2$s AS d%1$d".formatted(k, AMOUNT))
                        .collect(Collectors.joining(", "));
                String unpivoted = IntStream.range(0, computed.size()).mapToObj(k -> """
                                SELECT '%s' AS indicator_code, '%s' AS computation, %s AS cumulative, commune_code,
                                       province_code, region_code, semester, coalesce(n%d, 0) AS num, coalesce(d%d, 0) AS den
                                FROM grid""".formatted(computed.get(k).code(), computed.get(k).computation(),
                                computed.get(k).cumulative(), k, k))
                        .collect(Collectors.joining(" UNION ALL "));
                sql.execute("""
                        CREATE TEMP TABLE indicator_per_commune AS
                        WITH t AS (SELECT commune_code, semester, %s FROM item_terms GROUP BY ALL),
                        grid AS (SELECT c.commune_code, c.province_code, c.region_code, s.semester, t.* EXCLUDE (commune_code, semester)
                                 FROM communes c CROSS JOIN semesters s
                                 LEFT JOIN t ON t.commune_code = c.commune_code AND t.semester = s.semester),
                        u AS (%s),
                        cumulated AS (
                            SELECT indicator_code, computation, commune_code, province_code, region_code, semester,
                                   CASE WHEN cumulative THEN sum(num) OVER upto ELSE num END AS num,
                                   CASE WHEN cumulative THEN sum(den) OVER upto ELSE den END AS den
                            FROM u
                            WINDOW upto AS (PARTITION BY indicator_code, commune_code ORDER BY semester
                                            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))
                        SELECT indicator_code, computation, commune_code, province_code, region_code, semester,
                               CASE WHEN computation = 'COUNT_COMMUNES' THEN CASE WHEN num > 0 THEN 1 ELSE 0 END ELSE num END
                                   ::%s AS num,
                               den::%s AS den
                        FROM cumulated""".formatted(sums, unpivoted, AMOUNT, AMOUNT));
                actuals.add("""
                        SELECT indicator_code, scope, semester,
                               CASE WHEN share THEN CASE WHEN den > 0 THEN num::DOUBLE * 100 / den::DOUBLE END
                                    ELSE num::DOUBLE END AS actual,
                               CASE WHEN share THEN num::DOUBLE END AS numerator, CASE WHEN share THEN den::DOUBLE END AS denominator
                        FROM (SELECT *, computation IN ('SHARE_OF_ACTIVITIES', 'SHARE_OF_PARTICIPANTS') AS share FROM (%s))"""
                        .formatted(scoped("indicator_code, semester, computation, sum(num) AS num, sum(den) AS den",
                                "indicator_per_commune")));
            }
            if (!manual.isEmpty()) {
                actuals.add("""
                        SELECT m.code AS indicator_code, g.scope, g.semester, v.value AS actual, NULL::DOUBLE AS numerator,
                               NULL::DOUBLE AS denominator
                        FROM (%s) g CROSS JOIN (VALUES %s) m(code)
                        LEFT JOIN s_indicator_value v ON v.indicator_code = m.code AND v.scope = g.scope
                             AND v.semester = g.semester""".formatted(
                        scoped("semester", "communes CROSS JOIN semesters"),
                        manual.stream().map(code -> "('" + code + "')").collect(Collectors.joining(", "))));
            }
            if (actuals.isEmpty()) {
                actuals.add("""
                        SELECT NULL::VARCHAR AS indicator_code, NULL::VARCHAR AS scope, NULL::VARCHAR AS semester,
                               NULL::DOUBLE AS actual, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator LIMIT 0""");
            }
            sql.execute("""
                    CREATE TABLE indicator AS
                    SELECT r.indicator_code, r.scope, r.semester, r.actual, t.target,
                           CASE WHEN r.actual IS NULL OR t.target IS NULL THEN 'NO_DATA'
                                WHEN t.target = 0 OR r.actual / t.target >= %s THEN 'ON_TRACK'
                                WHEN r.actual / t.target >= %s THEN 'AT_RISK'
                                ELSE 'OFF_TRACK' END AS status,
                           r.numerator, r.denominator
                    FROM (%s) r
                    LEFT JOIN s_indicator_target t ON t.indicator_code = r.indicator_code AND t.scope = r.scope
                         AND t.semester = r.semester""".formatted(thresholds.onTrack(), thresholds.atRisk(),
                    String.join(" UNION ALL ", actuals)));
        }

        /** {@code mart_convergence}: linked activities and funding per commune and INDH programme, then every scope. */
        void convergence() throws SQLException {
            sql.execute("""
                    CREATE TEMP TABLE convergence_per_commune AS
                    WITH linked AS (SELECT aid, programme_no, bool_or(inferred) AS inferred FROM links GROUP BY ALL),
                    per AS (
                        SELECT a.commune_code, l.programme_no, count(*) AS linked_activities,
                               count(*) FILTER (WHERE NOT l.inferred) AS explicit_activities,
                               count(*) FILTER (WHERE l.inferred) AS inferred_activities,
                               count(*) FILTER (WHERE a.mechanism = 'CO_CONSTRUCTION_PROJECT') AS linked_co_construction,
                               sum(f.indh_mad) FILTER (WHERE a.mechanism = 'CO_CONSTRUCTION_PROJECT') AS indh_co_financing_mad,
                               sum(f.tadafor_mad) FILTER (WHERE a.mechanism = 'CO_CONSTRUCTION_PROJECT') AS tadafor_mad
                        FROM linked l JOIN act a USING (aid)
                        LEFT JOIN s_co_construction_project f ON f.source_id = a.source_id AND f.item_id = a.item_id
                        GROUP BY ALL),
                    active AS (
                        SELECT commune_code, programme_no FROM s_indh_project
                        WHERE status = 'IN_PROGRESS' AND commune_code IS NOT NULL
                        UNION
                        SELECT c.commune_code, p.programme_no FROM s_indh_project p JOIN communes c ON c.province_code = p.province_code
                        WHERE p.status = 'IN_PROGRESS' AND p.commune_code IS NULL)
                    SELECT c.commune_code, c.province_code, c.region_code, n.programme_no,
                           coalesce(per.linked_activities, 0) AS linked_activities,
                           coalesce(per.explicit_activities, 0) AS explicit_activities,
                           coalesce(per.inferred_activities, 0) AS inferred_activities,
                           coalesce(per.linked_co_construction, 0) AS linked_co_construction,
                           coalesce(per.indh_co_financing_mad, 0)::%1$s AS indh_co_financing_mad,
                           coalesce(per.tadafor_mad, 0)::%1$s AS tadafor_mad,
                           CASE WHEN c.cohort IS NOT NULL THEN 1 ELSE 0 END AS programme_communes,
                           CASE WHEN c.cohort IS NOT NULL AND active.commune_code IS NOT NULL THEN 1 ELSE 0 END
                               AS communes_with_active_indh
                    FROM communes c CROSS JOIN (SELECT DISTINCT programme_no FROM s_indh_project) n
                    LEFT JOIN per ON per.commune_code = c.commune_code AND per.programme_no = n.programme_no
                    LEFT JOIN active ON active.commune_code = c.commune_code AND active.programme_no = n.programme_no"""
                    .formatted(AMOUNT));
            sql.execute("""
                    CREATE TABLE convergence AS
                    SELECT scope, programme_no, linked_activities, explicit_activities, inferred_activities,
                           linked_co_construction, indh_co_financing_mad, tadafor_mad, programme_communes,
                           communes_with_active_indh,
                           CASE WHEN programme_communes > 0 THEN communes_with_active_indh::DOUBLE * 100 / programme_communes END
                               AS active_indh_share
                    FROM (%s)""".formatted(scoped("programme_no, sum(linked_activities) AS linked_activities, "
                    + "sum(explicit_activities) AS explicit_activities, sum(inferred_activities) AS inferred_activities, "
                    + "sum(linked_co_construction) AS linked_co_construction, "
                    + "sum(indh_co_financing_mad) AS indh_co_financing_mad, sum(tadafor_mad) AS tadafor_mad, "
                    + "sum(programme_communes) AS programme_communes, "
                    + "sum(communes_with_active_indh) AS communes_with_active_indh", "convergence_per_commune")));
        }

        /** {@code mart_data_quality}: unknowns from the cube's finest rows, delays from the activities, sources' freshness. */
        void dataQuality() throws SQLException {
            sql.execute("""
                    CREATE TABLE data_quality AS
                    WITH a AS (
                        SELECT commune_code, count(*) AS activities, count(*) FILTER (WHERE start_date IS NULL) AS undated,
                               quantile_cont(date_diff('day', start_date, CAST(updated_at AS DATE)), 0.5) AS report_delay,
                               quantile_cont(date_diff('day', start_date, CAST(ingested_at AS DATE)), 0.5) AS arrival_delay,
                               max(updated_at) AS last_updated_at
                        FROM act GROUP BY ALL),
                    p AS (
                        SELECT b.commune_code, sum(c.participants)::BIGINT AS participants,
                               sum(c.participants) FILTER (WHERE c.cell_code // 1000 = 3)::BIGINT AS unknown_gender,
                               sum(c.participants) FILTER (WHERE c.cell_code // 100 %% 10 = 6)::BIGINT AS unknown_age,
                               sum(c.participants) FILTER (WHERE c.cell_code // 10 %% 10 = 3)::BIGINT AS unknown_disability
                        FROM participation_cube c JOIN participation_base b USING (base_key)
                        WHERE c.cell_set = 15 GROUP BY ALL),
                    f AS (
                        SELECT s.commune_code, count(*) AS sources, max(w.last_success_at) AS last_success_at
                        FROM s_source s LEFT JOIN s_watermark w ON w.source_id = s.id GROUP BY ALL)
                    SELECT c.commune_code, c.province_code, c.region_code, c.cohort,
                           coalesce(a.activities, 0) AS activities, coalesce(a.undated, 0) AS undated_activities,
                           coalesce(p.participants, 0) AS participants, coalesce(p.unknown_gender, 0) AS unknown_gender,
                           coalesce(p.unknown_age, 0) AS unknown_age, coalesce(p.unknown_disability, 0) AS unknown_disability,
                           %s AS unknown_gender_share, %s AS unknown_age_share, %s AS unknown_disability_share,
                           a.report_delay AS median_report_delay_days, a.arrival_delay AS median_arrival_delay_days,
                           a.last_updated_at, coalesce(f.sources, 0) AS sources, f.last_success_at,
                           floor((floor(epoch(i.taken_at)) - floor(epoch(f.last_success_at))) / 3600)::BIGINT
                               AS hours_since_success
                    FROM communes c LEFT JOIN a USING (commune_code) LEFT JOIN p USING (commune_code)
                    LEFT JOIN f USING (commune_code) CROSS JOIN s_snapshot_info i""".formatted(
                    ratio("coalesce(p.unknown_gender, 0)", "coalesce(p.participants, 0)"),
                    ratio("coalesce(p.unknown_age, 0)", "coalesce(p.participants, 0)"),
                    ratio("coalesce(p.unknown_disability, 0)", "coalesce(p.participants, 0)")));
        }

        /**
         * {@code mart_outlier}: each activity's total against the median, MAD and mean absolute deviation of its
         * commune's (or, short of {@code minHistory} items, its province's) items of the same mechanism; each
         * commune's semester total against the median of its latest {@code lookbackSemesters} earlier ones (a
         * window frame, no self-join).
         */
        void outliers() throws SQLException {
            sql.execute("""
                    CREATE TEMP TABLE items AS
                    SELECT a.source_id, a.item_id, a.updated_at AS item_version, a.commune_code, a.province_code, a.mechanism,
                           a.semester, t.p AS value
                    FROM item_total t JOIN act a ON a.aid = (t.k & %d)::INTEGER""".formatted(ACTIVITY_MASK));
            String history = """
                    SELECT %1$s, mechanism, any_value(m.n) AS n, any_value(m.med) AS med,
                           quantile_cont(abs(i.value - m.med), 0.5) AS mad, avg(abs(i.value - m.med)) AS mean_ad
                    FROM items i JOIN (SELECT %1$s, mechanism, count(*) AS n, quantile_cont(value, 0.5) AS med
                                       FROM items GROUP BY ALL) m USING (%1$s, mechanism)
                    GROUP BY ALL""";
            sql.execute("""
                    CREATE TABLE outlier AS
                    WITH judged AS (
                        SELECT i.*, c.n >= %1$d AS own, CASE WHEN c.n >= %1$d THEN c.n ELSE p.n END AS history,
                               CASE WHEN c.n >= %1$d THEN c.med ELSE p.med END AS expected,
                               CASE WHEN c.n >= %1$d THEN c.mad ELSE p.mad END AS mad,
                               CASE WHEN c.n >= %1$d THEN c.mean_ad ELSE p.mean_ad END AS mean_ad
                        FROM items i JOIN (%2$s) c USING (commune_code, mechanism) JOIN (%3$s) p USING (province_code, mechanism)
                        WHERE c.n >= %1$d OR p.n >= %1$d),
                    scored AS (
                        SELECT *, CASE WHEN mad > 0 THEN (value - expected) * 0.6745 / mad
                                       WHEN mean_ad > 0 THEN (value - expected) / (mean_ad * 1.253314) END AS score
                        FROM judged),
                    totals AS (
                        SELECT commune_code, province_code, semester, sum(value)::BIGINT AS value
                        FROM items WHERE semester IS NOT NULL GROUP BY ALL),
                    earlier AS (
                        SELECT *, count(*) OVER back AS history, quantile_cont(value, 0.5) OVER back AS expected
                        FROM totals
                        WINDOW back AS (PARTITION BY commune_code ORDER BY semester ROWS BETWEEN %4$d PRECEDING AND 1 PRECEDING))
                    SELECT 'item' AS kind, source_id, item_id, item_version, commune_code, province_code, mechanism, semester,
                           value, expected, score, CASE WHEN own THEN 'commune' ELSE 'province' END AS basis, history
                    FROM scored WHERE abs(score) > %5$s
                    UNION ALL
                    SELECT 'commune-semester', NULL, NULL, NULL, commune_code, province_code, NULL, semester, value, expected,
                           value / expected, 'previous-semesters', history
                    FROM earlier
                    WHERE history >= %6$d AND (value / expected > %7$s OR value / expected < %8$s)""".formatted(
                    rules.minHistory(), history.formatted("commune_code"), history.formatted("province_code"),
                    rules.lookbackSemesters(), rules.zThreshold(), rules.minPreviousSemesters(), rules.jumpFactor(),
                    1 / rules.jumpFactor()));
        }

        /** The indicator definitions, by code. */
        private List<Definition> definitions() throws SQLException {
            List<Definition> definitions = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery(
                    "SELECT code, computation, activity_filter, share_filter, cumulative FROM s_indicator ORDER BY code")) {
                while (rows.next()) {
                    String code = rows.getString(1);
                    try {
                        definitions.add(new Definition(code, rows.getString(2), IndicatorFilter.parse(rows.getString(3)),
                                IndicatorFilter.parse(rows.getString(4)), rows.getBoolean(5)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("indicator " + code + ": " + e.getMessage(), e);
                    }
                }
            }
            return definitions;
        }

        private Long single(String query) throws SQLException {
            try (ResultSet row = sql.executeQuery(query)) {
                row.next();
                return row.getLong(1);
            }
        }

        private String parquet(String table) {
            return "read_parquet('" + snapshot.resolve(table + ".parquet").toString().replace("'", "''") + "')";
        }
    }

    /** An indicator's definition, its filters parsed by the analytics module's parser. */
    private record Definition(String code, String computation, IndicatorFilter filter, IndicatorFilter share,
            boolean cumulative) {

        boolean ofCells() {
            return computation.equals("SUM_PARTICIPANTS") || computation.equals("SHARE_OF_PARTICIPANTS");
        }
    }

    private static int[] parents() {
        int[] parents = new int[SETS];
        parents[SETS - 1] = -1;
        for (int set = 0; set < SETS - 1; set++) {
            long fewest = Long.MAX_VALUE;
            for (int i = 0; i < CELL_COLUMNS.size(); i++) {
                int finer = set | (1 << i);
                long codes = 1;
                for (int j = 0; j < CELL_COLUMNS.size(); j++) {
                    codes *= (finer & (1 << j)) != 0 ? CELL_VALUES.get(j).size() : 1;
                }
                if (finer != set && codes < fewest) {
                    fewest = codes;
                    parents[set] = finer;
                }
            }
        }
        return parents;
    }

    /** A filter's conditions on the activity, in SQL over {@code act}'s columns ({@code true} without any). */
    private static String activityCondition(IndicatorFilter filter) {
        List<String> conditions = new ArrayList<>();
        for (IndicatorFilter.Condition condition : filter.activityConditions()) {
            boolean bool = condition.column().equals("indh_linked");
            conditions.add("a." + condition.column() + " IN (" + condition.values().stream()
                    .map(value -> bool ? value : "'" + value.replace("'", "''") + "'").collect(Collectors.joining(", ")) + ")");
        }
        return conditions.isEmpty() ? "true" : "(" + String.join(" AND ", conditions) + ")";
    }

    /** A filter's conditions on the cells, in SQL over the packed {@code code} ({@code true} without any). */
    private static String cellCondition(IndicatorFilter filter) {
        List<String> conditions = new ArrayList<>();
        for (IndicatorFilter.Condition condition : filter.cellConditions()) {
            int i = CELL_COLUMNS.indexOf(condition.column());
            List<String> indices = new ArrayList<>();
            for (String value : condition.values()) {
                int index = CELL_VALUES.get(i).indexOf(value);
                if (index < 0) {
                    throw new IllegalArgumentException("no " + condition.column() + " is " + value);
                }
                indices.add(String.valueOf(index + 1));
            }
            conditions.add("((code >> " + SHIFT[i] + ") & " + FIELD[i] + ") IN (" + String.join(", ", indices) + ")");
        }
        return conditions.isEmpty() ? "true" : "(" + String.join(" AND ", conditions) + ")";
    }

    /** Each commune's population, by sex, aged 18–34 (two fifths of 15–19) and with a disability: CTE {@code pop}. */
    private static final String POPULATION = """
            y AS (
                SELECT territory_code AS commune_code,
                       sum(CASE WHEN age_band = '15-19' THEN pct * 0.4
                                WHEN age_band IN ('20-24', '25-29', '30-34') THEN pct END) AS youth_pct
                FROM s_census_age_share WHERE level = 'commune' AND sex = 'all' GROUP BY ALL),
            pop AS (
                SELECT cp.territory_code AS commune_code, cp.population_municipal AS population, cp.population_female,
                       cp.population_male, cp.population_municipal * y.youth_pct / 100.0 AS population_youth,
                       cp.population_municipal * cp.disability_pct / 100.0 AS population_disabled
                FROM s_census_population cp LEFT JOIN y ON y.commune_code = cp.territory_code
                WHERE cp.level = 'commune')""";

    /** {@code part} in percent of {@code whole}, null when the whole is not positive. */
    private static String ratio(String part, String whole) {
        return "(CASE WHEN " + whole + " > 0 THEN " + part + "::DOUBLE * 100 / " + whole + " END)";
    }

    /** The four levels of scope over a per-commune table: {@code SELECT <scope>, <select> … GROUP BY ALL}, united. */
    private static String scoped(String select, String from) {
        return Stream.of("'commune:' || commune_code", "'province:' || province_code", "'region:' || region_code",
                        "'programme'")
                .map(scope -> "SELECT " + scope + " AS scope, " + select + " FROM " + from + " GROUP BY ALL")
                .collect(Collectors.joining(" UNION ALL "));
    }
}
