package ma.tadafor.data.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Where an indicator ends at its current pace: the least-squares straight line through its
 * semesters' actuals, read at the semester of its end target (the last one that has a target).
 * One method fits every unit of the framework: a cumulative count grows by its average gain per
 * semester, a count within the semester and a share follow their level's trend. A count is never
 * projected below 0, a share never above 100 %. Once the end semester has its actual, that actual is
 * the projection. The target will be met when the projection reaches it (every indicator of the
 * framework is "higher is better", as its status is); {@code NO_DATA} without an end target or
 * without two actuals to give a pace.
 *
 * <p>It is computed from whatever actuals it is given: the disclosure layer's for a protected reader,
 * so that it is a function of figures that reader already sees.
 */
public record Projection(Double value, String status) {

    public static final String WILL_MEET = "WILL_MEET";
    public static final String WILL_MISS = "WILL_MISS";
    public static final String NO_DATA = "NO_DATA";

    private static final Projection NONE = new Projection(null, NO_DATA);

    /** No projection: no end target, or no pace yet. */
    public static Projection none() {
        return NONE;
    }

    /**
     * @param actuals  semester ({@code 2024S1}) to its actual, null where there is none or it is not shown
     * @param targets  semester to its target, null where there is none
     * @param percent  a share: capped at 100
     */
    public static Projection of(SortedMap<String, Double> actuals, SortedMap<String, Double> targets, boolean percent) {
        String end = targets.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey)
                .reduce((first, second) -> second).orElse(null);
        if (end == null) {
            return NONE;
        }
        double target = targets.get(end);
        Double reached = actuals.get(end);
        if (reached != null) {
            return judged(reached, target);
        }
        List<double[]> points = new ArrayList<>();
        actuals.forEach((semester, actual) -> {
            if (actual != null && semester.compareTo(end) <= 0) {
                points.add(new double[] {index(semester), actual});
            }
        });
        if (points.size() < 2) {
            return NONE;
        }
        double meanX = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double meanY = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double covariance = points.stream().mapToDouble(p -> (p[0] - meanX) * (p[1] - meanY)).sum();
        double variance = points.stream().mapToDouble(p -> (p[0] - meanX) * (p[0] - meanX)).sum();
        double projected = meanY + covariance / variance * (index(end) - meanX);
        projected = Math.max(0, percent ? Math.min(100, projected) : projected);
        return judged(Math.round(projected * 10) / 10.0, target);
    }

    private static Projection judged(double value, double target) {
        return new Projection(value, value >= target ? WILL_MEET : WILL_MISS);
    }

    /** Semesters as consecutive numbers: 2024S2 is one after 2024S1, 2025S1 one after 2024S2. */
    private static int index(String semester) {
        return Integer.parseInt(semester.substring(0, 4)) * 2 + semester.charAt(5) - '1';
    }
}
