package ma.tadafor.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.analytics.quality.OutlierRules;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.activity.ParticipationCell;
import ma.tadafor.data.activity.Withdrawal;
import ma.tadafor.data.disclosure.DisclosureSecret;
import ma.tadafor.data.mart.MartStore;
import ma.tadafor.data.mart.WarehouseSnapshot;
import ma.tadafor.data.quality.OutlierStore;
import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;

/**
 * Issue 18: over a random sequence of pulls, uploads, withdrawals and late items, the marts that
 * incremental refreshes leave are, row for row, those a full rebuild computes. Two warehouses get the
 * same changes; one is refreshed incrementally after each, the other rebuilt in full, and every mart
 * is compared (bases by what they are, not by their numbers, which are surrogates).
 */
class IncrementalRefreshTest {

    private static final int STEPS = 4;
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path folder;

    @Test
    void incrementalRefreshesLeaveTheMartsAFullRebuildComputes() throws Exception {
        long seed = Long.getLong("incremental.seed", new Random().nextLong());
        Random random = new Random(seed);
        List<DemoCommune> communes = ProgrammeCommunes.all().subList(0, 8);
        // Enough items per province and mechanism for the outlier rules to judge them.
        DemoDataGenerator generator = new DemoDataGenerator(seed, 0.08);
        int flagged = 0;
        try (HikariDataSource incremental = DemoWarehouse.open(folder.resolve("incremental.duckdb"));
             HikariDataSource full = DemoWarehouse.open(folder.resolve("full.duckdb"))) {
            // Six communes with data; the last two get their first activities by upload.
            Map<String, List<Activity>> published = new LinkedHashMap<>();
            for (DemoCommune commune : communes.subList(0, 6)) {
                published.put(commune.code(), new ArrayList<>(generator.activities(commune).toList()));
            }
            for (HikariDataSource warehouse : List.of(incremental, full)) {
                DemoWarehouse.fill(warehouse, generator, communes.subList(0, 6));
                sameArrival(warehouse, 0);
            }
            // One deployment's secret in both, so that both compute the same cell keys.
            DisclosureSecret.ensure(incremental);
            String secret = text(incremental, "SELECT secret FROM disclosure_secret");
            try (Connection connection = full.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM disclosure_secret");
                statement.execute("INSERT INTO disclosure_secret VALUES ('" + secret + "', now())");
            }
            MartRefresh incrementally = refresh(incremental, "incremental");
            MartRefresh fully = refresh(full, "full");
            assertThat(incrementally.run("first", false).scope().reason()).isEqualTo("no partials kept");
            fully.run("first", true);

            for (int step = 1; step <= STEPS; step++) {
                List<String> changes = new ArrayList<>();
                Map<String, Changes> batch = changes(random, step, communes, generator, published, changes);
                for (HikariDataSource warehouse : List.of(incremental, full)) {
                    ActivityStore store = new ActivityStore(warehouse);
                    batch.forEach((source, change) -> store.apply(source, change.commune(), change.activities(),
                            change.withdrawals()));
                    sameArrival(warehouse, step);
                }
                MartRefresh.Outcome quick = incrementally.run("incremental-" + step, false);
                MartRefresh.Outcome rebuilt = fully.run("full-" + step, true);
                String what = "seed " + seed + " (-Dincremental.seed), step " + step + ": " + changes;
                assertThat(quick.failure()).as(what).isNull();
                assertThat(rebuilt.failure()).as(what).isNull();
                assertThat(quick.scope().full()).as(what).isFalse();
                assertThat((long) quick.scope().communes()).as(what + ": only the communes changed are recomputed")
                        .isLessThanOrEqualTo(batch.values().stream().map(Changes::commune).distinct().count());
                assertThat(rebuilt.scope().full()).isTrue();
                Map<String, List<String>> marts = marts(incremental);
                flagged += marts.get("outlier").size();
                Map<String, List<String>> rebuiltMarts = marts(full);
                for (String mart : rebuiltMarts.keySet()) {
                    List<String> extra = new ArrayList<>(marts.get(mart));
                    extra.removeAll(rebuiltMarts.get(mart));
                    List<String> missing = new ArrayList<>(rebuiltMarts.get(mart));
                    missing.removeAll(marts.get(mart));
                    assertThat(marts.get(mart)).as(what + ": mart " + mart + ", rows not rebuilt " + extra.subList(0,
                            Math.min(5, extra.size())) + ", rows missing " + missing.subList(0, Math.min(5, missing.size())))
                            .isEqualTo(rebuiltMarts.get(mart));
                }
            }
        }
        assertThat(flagged).as("seed " + seed + ": outliers flagged, and compared, in some step").isPositive();
    }

    private record Changes(String commune, List<Activity> activities, List<Withdrawal> withdrawals) {
    }

    /**
     * One to three sources' changes: a portal's pull (new versions with other counts or another date, a
     * late item dated in an earlier semester, a withdrawal) or a first upload for a commune without data.
     */
    private static Map<String, Changes> changes(Random random, int step, List<DemoCommune> communes,
            DemoDataGenerator generator, Map<String, List<Activity>> published, List<String> described) {
        Map<String, Changes> batch = new HashMap<>();
        Instant at = START.plus(Duration.ofDays(step));
        int sources = 1 + random.nextInt(3);
        for (int s = 0; s < sources; s++) {
            DemoCommune commune = communes.get(random.nextInt(communes.size()));
            List<Activity> items = published.get(commune.code());
            if (items == null) {
                List<Activity> uploaded = generator.activities(commune).limit(5)
                        .map(a -> version(a, at, a.startDate(), a.participation())).toList();
                published.put(commune.code(), new ArrayList<>(uploaded));
                batch.put("upload-" + commune.code(), new Changes(commune.code(), uploaded, List.of()));
                described.add("upload " + commune.code());
                continue;
            }
            String source = DemoWarehouse.source(commune);
            if (batch.containsKey(source)) {
                continue;
            }
            List<Activity> versions = new ArrayList<>();
            List<Withdrawal> withdrawals = new ArrayList<>();
            for (int change = 0; change < 1 + random.nextInt(4) && items.size() > 1; change++) {
                int index = random.nextInt(items.size());
                Activity item = items.get(index);
                switch (random.nextInt(4)) {
                    case 0 -> {
                        List<ParticipationCell> cells = new ArrayList<>(item.participation());
                        ParticipationCell cell = cells.isEmpty() ? null : cells.remove(random.nextInt(cells.size()));
                        if (cell != null) {
                            // Now and then far more than the item's history: an outlier for the rules to flag.
                            cells.add(new ParticipationCell(cell.gender(), cell.ageBand(), cell.disability(), cell.role(),
                                    random.nextInt(3) == 0 ? 400 + random.nextInt(400) : 1 + random.nextInt(40)));
                        }
                        items.set(index, version(item, at, item.startDate(), cells));
                        versions.removeIf(v -> v.id().equals(item.id()));
                        versions.add(items.get(index));
                    }
                    case 1 -> {
                        items.set(index, version(item, at, item.startDate() == null ? null
                                : item.startDate().plusMonths(1 + random.nextInt(7)), item.participation()));
                        versions.removeIf(v -> v.id().equals(item.id()));
                        versions.add(items.get(index));
                    }
                    case 2 -> {
                        Activity late = new Activity(item.id() + "-late-" + step, at, item.mechanism(), item.status(),
                                item.startDate() == null ? null : item.startDate().minusMonths(6), item.endDate(),
                                item.title(), item.theme(), item.initiator(), item.participation(), item.funding(),
                                item.associations(), item.indhProjectRef());
                        items.add(late);
                        versions.add(late);
                    }
                    default -> {
                        items.remove(index);
                        versions.removeIf(v -> v.id().equals(item.id()));
                        withdrawals.add(new Withdrawal(item.id(), at));
                    }
                }
            }
            batch.put(source, new Changes(commune.code(), versions, withdrawals));
            described.add("pull " + commune.code() + ": " + versions.size() + " items, " + withdrawals.size() + " withdrawn");
        }
        return batch;
    }

    private static Activity version(Activity item, Instant at, java.time.LocalDate start, List<ParticipationCell> cells) {
        return new Activity(item.id(), at, item.mechanism(), item.status(), start, item.endDate(), item.title(), item.theme(),
                item.initiator(), cells, item.funding(), item.associations(), item.indhProjectRef());
    }

    private static String text(HikariDataSource warehouse, String sql) throws SQLException {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    /** Both warehouses record the same arrival instant for a step's items (the store stamps its own clock). */
    private static void sameArrival(HikariDataSource warehouse, int step) throws SQLException {
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE activity SET ingested_at = TIMESTAMPTZ '" + START.plus(Duration.ofDays(step))
                    + "' WHERE ingested_at > TIMESTAMPTZ '" + START.plus(Duration.ofDays(step)) + "'");
        }
    }

    private MartRefresh refresh(HikariDataSource warehouse, String name) {
        AnalyticsProperties properties = new AnalyticsProperties("local[2]", "127.0.0.1", folder.resolve(name), 2, List.of(),
                Map.of(), new AnalyticsProperties.Status(0.9, 0.6), new AnalyticsProperties.WarmUp(0));
        return new MartRefresh(properties, new SparkSessionProvider(properties), new WarehouseSnapshot(warehouse),
                new MartStore(warehouse), new MartCache(8), OutlierRules.DEFAULT, new OutlierStore(warehouse));
    }

    /** Every mart's rows, sorted, decimals to nine significant digits (sums of doubles depend on their order). */
    private static Map<String, List<String>> marts(HikariDataSource warehouse) throws SQLException {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("participation", "SELECT * FROM mart_participation");
        queries.put("participation_province", "SELECT * FROM mart_participation_province");
        queries.put("participation_base", "SELECT * EXCLUDE (base_key) FROM mart_participation_base");
        for (String mart : MartStore.MARTS) {
            if (!mart.startsWith("participation_base") && !mart.equals("participation_cube")) {
                queries.putIfAbsent(mart, "SELECT * FROM mart_" + mart);
            }
        }
        Map<String, List<String>> marts = new LinkedHashMap<>();
        try (Connection connection = warehouse.getConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> query : queries.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet row = statement.executeQuery(query.getValue())) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            Object value = row.getObject(c);
                            line.append(value instanceof Double d ? "%.9g".formatted(d) : String.valueOf(value)).append('|');
                        }
                        rows.add(line.toString());
                    }
                }
                rows.sort(null);
                marts.put(query.getKey(), rows);
            }
        }
        return marts;
    }
}
