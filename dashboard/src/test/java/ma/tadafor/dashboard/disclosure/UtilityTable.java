package ma.tadafor.dashboard.disclosure;

import static ma.tadafor.data.mart.ParticipationDimension.AGE_BAND;
import static ma.tadafor.data.mart.ParticipationDimension.COMMUNE;
import static ma.tadafor.data.mart.ParticipationDimension.DISABILITY;
import static ma.tadafor.data.mart.ParticipationDimension.GENDER;
import static ma.tadafor.data.mart.ParticipationDimension.MECHANISM;
import static ma.tadafor.data.mart.ParticipationDimension.PROVINCE;
import static ma.tadafor.data.mart.ParticipationDimension.REGION;
import static ma.tadafor.data.mart.ParticipationDimension.SEMESTER;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.dashboard.analytics.AnalyticsProperties;
import ma.tadafor.data.Warehouse;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationQueries;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.territory.TerritorialScope;

/**
 * What protection costs, level by level and for the breakdowns the pages show (per semester): of
 * the non-zero counts, how many are suppressed, and how far the published ones are from the exact
 * ones (mean and largest absolute deviation, largest relative deviation of the level's totals).
 */
final class UtilityTable {

    /** A level of territory and the dimension that splits the programme into it (none for the programme). */
    private static final Map<String, ParticipationDimension> LEVELS = levels();
    private static final Map<String, List<ParticipationDimension>> BREAKDOWNS = breakdowns();

    /** Totals of at least this many participants move by at most 0.5 %: ±3 is 0.5 % of 600. */
    static final long LARGE_TOTAL = 600;

    record Line(String level, String breakdown, int counts, int suppressed, double meanDeviation, long maxDeviation,
                Totals totals) {
    }

    /** The level's totals (each territory in each semester): how many, how many large, and how far they move. */
    record Totals(int count, int large, double meanDeviationPercent, double maxLargeDeviationPercent) {
    }

    private UtilityTable() {
    }

    /**
     * Measures a warehouse whose marts are refreshed, e.g. the benchmark's at 10 M cells:
     * {@code UtilityTable <warehouse.duckdb> <output.md>}.
     */
    public static void main(String[] args) throws IOException {
        try (HikariDataSource warehouse = Warehouse.open(Path.of(args[0]), 2)) {
            Disclosure disclosure = new Disclosure(new ParticipationQueries(warehouse), new AnalyticsProperties("local[1]",
                    "127.0.0.1", Path.of("target"), 1, List.of(), Map.of(), new AnalyticsProperties.Status(0.9, 0.6), new AnalyticsProperties.WarmUp(0)));
            Files.writeString(Path.of(args[1]), markdown(measure(disclosure)));
        }
    }

    static List<Line> measure(Disclosure disclosure) {
        List<Line> lines = new ArrayList<>();
        LEVELS.forEach((level, territory) -> BREAKDOWNS.forEach((name, breakdown) -> {
            List<ParticipationDimension> groupBy = new ArrayList<>();
            if (territory != null) {
                groupBy.add(territory);
            }
            groupBy.add(SEMESTER);
            groupBy.addAll(breakdown);
            lines.add(line(disclosure, level, name, groupBy, territory));
        }));
        return lines;
    }

    static String markdown(List<Line> lines) {
        StringBuilder table = new StringBuilder("| level | breakdown (per semester) | non-zero counts | suppressed | "
                + "mean deviation | largest deviation |\n|---|---|---|---|---|---|\n");
        for (Line line : lines) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.1f %% | %.2f | %d |%n", line.level(),
                    line.breakdown(), line.counts(), line.counts() == 0 ? 0.0 : line.suppressed() * 100.0 / line.counts(),
                    line.meanDeviation(), line.maxDeviation()));
        }
        table.append("\n| level | totals (territory × semester) | of " + LARGE_TOTAL + " or more | mean deviation of a total "
                + "| largest deviation of a total of " + LARGE_TOTAL + " or more |\n|---|---|---|---|---|\n");
        lines.stream().filter(line -> line.breakdown().equals("total")).forEach(line -> table.append(String.format(
                Locale.ROOT, "| %s | %,d | %,d | %.3f %% | %.3f %% |%n", line.level(), line.totals().count(),
                line.totals().large(), line.totals().meanDeviationPercent(), line.totals().maxLargeDeviationPercent())));
        return table.toString();
    }

    private static Line line(Disclosure disclosure, String level, String name, List<ParticipationDimension> groupBy,
            ParticipationDimension territory) {
        int counts = 0;
        int suppressed = 0;
        long deviations = 0;
        long maxDeviation = 0;
        for (Pair pair : pairs(disclosure, groupBy)) {
            counts++;
            if (pair.published().suppressed()) {
                suppressed++;
            } else {
                deviations += pair.deviation();
                maxDeviation = Math.max(maxDeviation, pair.deviation());
            }
        }
        int shown = counts - suppressed;
        return new Line(level, name, counts, suppressed, shown == 0 ? 0 : (double) deviations / shown, maxDeviation,
                totals(disclosure, territory));
    }

    private static Totals totals(Disclosure disclosure, ParticipationDimension territory) {
        int count = 0;
        int large = 0;
        double sum = 0;
        double worst = 0;
        for (Pair pair : pairs(disclosure, territory == null ? List.of(SEMESTER) : List.of(territory, SEMESTER))) {
            if (!pair.published().suppressed()) {
                double deviation = pair.deviation() * 100.0 / pair.exact();
                count++;
                sum += deviation;
                if (pair.exact() >= LARGE_TOTAL) {
                    large++;
                    worst = Math.max(worst, deviation);
                }
            }
        }
        return new Totals(count, large, count == 0 ? 0 : sum / count, worst);
    }

    /** A non-zero count, exact and as published. */
    private record Pair(long exact, PublishedCount published) {

        long deviation() {
            return Math.abs(published.perturbed() - exact);
        }
    }

    /** Every non-zero count of a question over the whole programme, exact and as published. */
    private static List<Pair> pairs(Disclosure disclosure, List<ParticipationDimension> groupBy) {
        ParticipationQuery query = new ParticipationQuery(groupBy, Map.of(), null, null);
        PublishedParticipation exact = disclosure.participation(query, TerritorialScope.NATIONAL, Audience.EXACT);
        PublishedParticipation published = disclosure.participation(query, TerritorialScope.NATIONAL, Audience.PROTECTED);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < exact.rows().size(); i++) {
            long value = exact.rows().get(i).participants().perturbed();
            if (value > 0) {
                pairs.add(new Pair(value, published.rows().get(i).participants()));
            }
        }
        return pairs;
    }

    private static Map<String, ParticipationDimension> levels() {
        Map<String, ParticipationDimension> levels = new LinkedHashMap<>();
        levels.put("programme", null);
        levels.put("region", REGION);
        levels.put("province", PROVINCE);
        levels.put("commune", COMMUNE);
        return levels;
    }

    private static Map<String, List<ParticipationDimension>> breakdowns() {
        Map<String, List<ParticipationDimension>> breakdowns = new LinkedHashMap<>();
        breakdowns.put("total", List.of());
        breakdowns.put("gender", List.of(GENDER));
        breakdowns.put("age band", List.of(AGE_BAND));
        breakdowns.put("disability", List.of(DISABILITY));
        breakdowns.put("mechanism", List.of(MECHANISM));
        breakdowns.put("age band × gender", List.of(AGE_BAND, GENDER));
        breakdowns.put("disability × gender × age band", List.of(DISABILITY, GENDER, AGE_BAND));
        return breakdowns;
    }

}
