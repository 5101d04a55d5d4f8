package ma.tadafor.dashboard.indicators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.data.framework.Projection;
import ma.tadafor.data.mart.IndicatorPoint;
import ma.tadafor.data.mart.IndicatorTrendQueries;

/**
 * Every indicator's {@link Projection} for a scope, as the API, the results page and the brief give
 * it: from the actuals the reader is shown (the disclosure layer's for everyone but {@code ADMIN}, a
 * suppressed one left out), so a projection tells nothing its reader's trend does not.
 */
@Service
public class Projections {

    private final IndicatorTrendQueries trends;
    private final Disclosure disclosure;
    private final MartCache cache;

    Projections(IndicatorTrendQueries trends, Disclosure disclosure, MartCache cache) {
        this.trends = trends;
        this.disclosure = disclosure;
        this.cache = cache;
    }

    /**
     * By indicator code, as it stood in {@code semester}: from the actuals of that semester and the
     * ones before (a brief of 2024S2 does not know 2025's); an indicator without an end target in
     * {@code scope} projects {@code NO_DATA}.
     */
    public Map<String, Projection> of(String scope, String semester, Audience audience) {
        return cache.get(List.of("projections", scope, semester, audience), () -> read(scope, semester, audience));
    }

    private Map<String, Projection> read(String scope, String semester, Audience audience) {
        Map<String, SortedMap<String, Double>> actuals = new LinkedHashMap<>();
        Map<String, SortedMap<String, Double>> targets = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (IndicatorPoint point : trends.trend(scope)) {
            actuals.computeIfAbsent(point.code(), c -> new TreeMap<>()).put(point.semester(),
                    point.semester().compareTo(semester) > 0 ? null
                            : disclosure.actual(point.actual(), point.target(), audience).value());
            targets.computeIfAbsent(point.code(), c -> new TreeMap<>()).put(point.semester(), point.target());
            units.put(point.code(), point.unit());
        }
        Map<String, Projection> projections = new LinkedHashMap<>();
        actuals.forEach((code, series) -> projections.put(code,
                Projection.of(series, targets.get(code), "percent".equals(units.get(code)))));
        return Map.copyOf(projections);
    }
}
