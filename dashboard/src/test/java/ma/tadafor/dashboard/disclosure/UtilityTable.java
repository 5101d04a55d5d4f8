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

    record Line(String level, String breakdown, int counts, int suppressed, double meanDeviation, long maxDeviation,
                double maxTotalDeviationPercent) {
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
                    "127.0.0.1", Path.of("target"), 1, List.of(), Map.of(), new AnalyticsProperties.Status(0.9, 0.6)));
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
                + "mean deviation | largest deviation | largest deviation of a total |\n|---|---|---|---|---|---|---|\n");
        for (Line line : lines) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.1f %% | %.2f | %d | %.3f %% |%n", line.level(),
                    line.breakdown(), line.counts(), line.counts() == 0 ? 0.0 : line.suppressed() * 100.0 / line.counts(),
                    line.meanDeviation(), line.maxDeviation(), line.maxTotalDeviationPercent()));
        }
        return table.toString();
    }

    private static Line line(Disclosure disclosure, String level, String name, List<ParticipationDimension> groupBy,
            ParticipationDimension territory) {
        ParticipationQuery query = new ParticipationQuery(groupBy, Map.of(), null, null);
        PublishedParticipation exact = disclosure.participation(query, TerritorialScope.NATIONAL, Audience.EXACT);
        PublishedParticipation published = disclosure.participation(query, TerritorialScope.NATIONAL, Audience.PROTECTED);
        int counts = 0;
        int suppressed = 0;
        long deviations = 0;
        int shown = 0;
        long maxDeviation = 0;
        for (int i = 0; i < exact.rows().size(); i++) {
            long value = exact.rows().get(i).participants().perturbed();
            PublishedCount protectedCount = published.rows().get(i).participants();
            if (value == 0) {
                continue;
            }
            counts++;
            if (protectedCount.suppressed()) {
                suppressed++;
            } else {
                long deviation = Math.abs(protectedCount.perturbed() - value);
                deviations += deviation;
                shown++;
                maxDeviation = Math.max(maxDeviation, deviation);
            }
        }
        return new Line(level, name, counts, suppressed, shown == 0 ? 0 : (double) deviations / shown, maxDeviation,
                totalDeviation(disclosure, territory));
    }

    /** The largest relative deviation of a total of the level (each territory's participants in each semester). */
    private static double totalDeviation(Disclosure disclosure, ParticipationDimension territory) {
        List<ParticipationDimension> groupBy = territory == null ? List.of(SEMESTER) : List.of(territory, SEMESTER);
        ParticipationQuery query = new ParticipationQuery(groupBy, Map.of(), null, null);
        PublishedParticipation exact = disclosure.participation(query, TerritorialScope.NATIONAL, Audience.EXACT);
        PublishedParticipation published = disclosure.participation(query, TerritorialScope.NATIONAL, Audience.PROTECTED);
        double worst = 0;
        for (int i = 0; i < exact.rows().size(); i++) {
            long value = exact.rows().get(i).participants().perturbed();
            PublishedCount protectedCount = published.rows().get(i).participants();
            if (value > 0 && !protectedCount.suppressed()) {
                worst = Math.max(worst, Math.abs(protectedCount.perturbed() - value) * 100.0 / value);
            }
        }
        return worst;
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
