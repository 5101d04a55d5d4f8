package ma.tadafor.dashboard.page;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.chart.ChartView;
import ma.tadafor.dashboard.disclosure.PublishedCount;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.quality.DataQualityQueries;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Why a chart shows nothing, decided here for every chart page. A chart shows nothing when no value
 * of its series is above zero; then, in this order: its table holds a "&lt; 5", so every figure in
 * view is below the disclosure threshold ({@code chart.empty.suppressed}); nothing of the territory
 * has reached the marts yet, no commune in it with a source pulled or an activity, or no analytics
 * run at all ({@code chart.empty.notPulled}); else the selection has no data
 * ({@code chart.empty.noData}).
 */
@Component
public class EmptyCharts {

    private final DataQualityQueries quality;
    private final MartCache cache;
    private final Wording wording;
    private final JsonMapper json;

    EmptyCharts(DataQualityQueries quality, MartCache cache, Wording wording, JsonMapper json) {
        this.quality = quality;
        this.cache = cache;
        this.wording = wording;
        this.json = json;
    }

    /** {@code charts}, each that shows nothing saying why. */
    public List<ChartView> explained(List<ChartView> charts, SignedInUser user, ViewScope scope, Locale locale) {
        return charts.stream().map(chart -> shows(chart) ? chart
                : chart.emptyBecause(wording.text("chart.empty." + reason(chart, user, scope), locale))).toList();
    }

    private String reason(ChartView chart, SignedInUser user, ViewScope scope) {
        boolean suppressed = chart.table().rows().stream().flatMap(List::stream).anyMatch(PublishedCount.SUPPRESSED::equals);
        return suppressed ? "suppressed" : pulled(user, scope) ? "noData" : "notPulled";
    }

    private boolean shows(ChartView chart) {
        JsonNode all = json.readTree(chart.option()).path("series");
        // the wrapper writes a chart's only series as an object, several as an array
        for (JsonNode series : all.isObject() ? List.of(all) : all) {
            for (JsonNode item : series.path("data")) {
                if (positive(item.isObject() ? item.path("value") : item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean positive(JsonNode value) {
        if (value.isArray()) {
            for (JsonNode part : value) {
                if (positive(part)) {
                    return true;
                }
            }
            return false;
        }
        return value.isNumber() && value.asDouble() > 0;
    }

    /** Whether the marts hold anything of the territory: a commune of it with a source pulled or an activity. */
    private boolean pulled(SignedInUser user, ViewScope scope) {
        return cache.get(List.of("pulled", user.scope(), scope.key()), () -> quality.communes(user.scope(),
                scope.programme() ? null : scope.territory().code()).stream()
                .anyMatch(commune -> commune.lastSuccessAt() != null || commune.activities() > 0));
    }
}
