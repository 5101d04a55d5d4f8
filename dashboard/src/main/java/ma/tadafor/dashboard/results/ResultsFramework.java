package ma.tadafor.dashboard.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarItemStyle;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.charts.line.LineSeries;
import org.icepear.echarts.charts.pie.PieDataItem;
import org.icepear.echarts.charts.pie.PieItemStyle;
import org.icepear.echarts.charts.pie.PieSeries;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.grid.Grid;
import org.icepear.echarts.components.series.LineStyle;
import org.icepear.echarts.components.text.Label;
import org.icepear.echarts.components.title.Title;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.icepear.echarts.origin.util.SeriesOption;
import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.chart.ChartView;
import ma.tadafor.dashboard.chart.Charts;
import ma.tadafor.dashboard.chart.Drill;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedActual;
import ma.tadafor.dashboard.export.Table;
import ma.tadafor.dashboard.indicators.Standings;
import ma.tadafor.dashboard.indicators.Standings.Standing;
import ma.tadafor.dashboard.page.ChartPage;
import ma.tadafor.dashboard.page.EmptyCharts;
import ma.tadafor.dashboard.page.PageView;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.framework.Projection;
import ma.tadafor.data.mart.IndicatorFigure;
import ma.tadafor.data.mart.IndicatorNarrative;
import ma.tadafor.data.mart.IndicatorPoint;
import ma.tadafor.data.mart.IndicatorTrendQueries;

/**
 * The results framework of one territory: R1–R4 and their indicators with baseline, target and
 * actual of a semester, achievement (actual ÷ target), status, the trend over semesters and the
 * programme's comment. Status always comes with its word, never by colour alone. Actuals and
 * statuses are the reader's from the disclosure layer (a suppressed actual reads "< 5"). Built once
 * per marts for each territory, semester, audience and language; a change of a target or a comment
 * is seen at once, as the framework's store empties the cache.
 */
@Service
class ResultsFramework implements ChartPage {

    private static final List<String> STATUSES = List.of("ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_DATA");

    private final Standings standings;
    private final IndicatorTrendQueries trends;
    private final Disclosure disclosure;
    private final Wording wording;
    private final MartCache cache;
    private final EmptyCharts empty;

    ResultsFramework(Standings standings, IndicatorTrendQueries trends, Disclosure disclosure, Wording wording,
            MartCache cache, EmptyCharts empty) {
        this.standings = standings;
        this.trends = trends;
        this.disclosure = disclosure;
        this.wording = wording;
        this.cache = cache;
        this.empty = empty;
    }

    /**
     * {@code actual} null when there is none or it is suppressed, which {@code suppressed} tells apart;
     * {@code programmeTarget} when the territory has no target of its own and the target, status and
     * projection are the programme's ({@link Standings}).
     */
    record Row(String code, String label, String unit, Double baseline, Double target, Double actual, boolean suppressed,
               Double achievement, String status, String statusLabel, boolean programmeTarget, Double projected,
               String projectedStatus, String projectedLabel, String narrative, String narrativeFr, String narrativeAr) {
    }

    record Result(String code, String label, List<Row> indicators) {
    }

    record Framework(String scope, String semester, List<String> semesters, List<Result> results) {
    }

    record FrameworkData(String scope, String semester, List<ChartView> charts, List<ChartView> sparklines,
                         Map<String, Object> disclosure) implements ChartPage.Figures {
    }

    /** Semesters with figures or targets, oldest first; the chosen one defaults to the latest with an actual. */
    Framework framework(ViewScope scope, String semester, Audience audience, Locale locale) {
        return cache.get(List.of("framework", scope.key(), String.valueOf(semester), audience, locale.getLanguage()),
                () -> readFramework(scope, semester, audience, locale));
    }

    private Framework readFramework(ViewScope scope, String semester, Audience audience, Locale locale) {
        List<IndicatorPoint> points = trends.trend(scope.key());
        List<String> semesters = new ArrayList<>(new TreeSet<>(points.stream().map(IndicatorPoint::semester).toList()));
        String chosen = semester != null ? semester : points.stream().filter(p -> p.actual().known())
                .map(IndicatorPoint::semester).max(String::compareTo)
                .orElse(semesters.isEmpty() ? null : semesters.get(semesters.size() - 1));
        if (chosen == null) {
            return new Framework(scope.key(), null, semesters, List.of());
        }
        boolean arabic = Wording.arabic(locale);
        Map<String, IndicatorNarrative> narratives = trends.narratives(scope.key(), chosen).stream()
                .collect(Collectors.toMap(IndicatorNarrative::code, Function.identity()));
        Map<String, List<Row>> byResult = new LinkedHashMap<>();
        for (Standing standing : standings.of(scope.key(), chosen, audience)) {
            IndicatorFigure figure = standing.figure();
            IndicatorNarrative narrative = narratives.get(figure.code());
            PublishedActual actual = standing.actual();
            Projection projection = standing.projection();
            byResult.computeIfAbsent(figure.result(), r -> new ArrayList<>()).add(new Row(figure.code(),
                    Wording.name(figure.labelFr(), figure.labelAr(), locale), figure.unit(),
                    figure.baseline(), standing.target(), actual.value(), actual.suppressed(),
                    standing.programmeTarget() ? null : achievement(actual.value(), standing.target()), standing.status(),
                    text("status." + standing.statusWord(), locale), standing.programmeTarget(), projection.value(),
                    projection.status(), text("projection." + projection.status(), locale),
                    narrative == null ? null : arabic && narrative.textAr() != null ? narrative.textAr() : narrative.textFr(),
                    narrative == null ? null : narrative.textFr(), narrative == null ? null : narrative.textAr()));
        }
        List<Result> results = new ArrayList<>();
        byResult.forEach((code, rows) -> results.add(new Result(code, text("result." + code, locale), rows)));
        return new Framework(scope.key(), chosen, semesters, results);
    }

    @Override
    public String path() {
        return "/results";
    }

    @Override
    public FrameworkData figures(PageView page) {
        ViewScope scope = page.scope();
        String semester = page.filters().semester();
        Audience audience = Audience.of(page.user());
        Locale locale = page.locale();
        return cache.get(List.of("framework-charts", scope.key(), String.valueOf(semester), audience, locale.getLanguage()),
                () -> charts(page.user(), scope, semester, audience, locale));
    }

    private FrameworkData charts(SignedInUser user, ViewScope scope, String semester, Audience audience, Locale locale) {
        Framework framework = framework(scope, semester, audience, locale);
        if (framework.semester() == null) {
            return new FrameworkData(scope.key(), null, List.of(), List.of(), Disclosure.describe(audience));
        }
        boolean rtl = Wording.arabic(locale);
        List<Row> rows = framework.results().stream().flatMap(result -> result.indicators().stream()).toList();
        List<ChartView> charts = empty.explained(List.of(achievementChart(rows, framework.semester(), rtl, locale),
                statusChart(rows, framework.semester(), rtl, locale)), user, scope, locale);
        return new FrameworkData(scope.key(), framework.semester(), charts,
                sparklines(rows, scope.key(), framework.semesters(), audience, rtl, locale), Disclosure.describe(audience));
    }

    private ChartView achievementChart(List<Row> rows, String semester, boolean rtl, Locale locale) {
        List<Row> measured = rows.stream().filter(row -> row.achievement() != null).toList();
        List<String> codes = measured.stream().map(Row::code).toList();
        Drill[] bars = measured.stream().map(row -> (Drill) new Drill().setValue(row.achievement())
                .setItemStyle(new BarItemStyle().setColor(Charts.STATUS_COLOURS.get(row.status())))).toArray(Drill[]::new);
        Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis"))
                .setYAxis(Charts.sideCategories(codes, rtl))
                .setXAxis(Charts.bottomValues(rtl).setName("%"))
                .setSeries(new BarSeries().setName(text("results.column.achievement", locale)).setData(bars));
        if (measured.isEmpty()) {
            // an empty chart says why: no target of the territory's own to measure against
            option.setTitle(new Title().setText(text("results.chart.achievement.none", locale)).setLeft("center").setTop("middle")
                    .setTextStyle(new Label().setFontSize(13).setFontWeight("normal").setColor("#5b6b7b")));
        }
        List<List<Object>> table = new ArrayList<>();
        for (Row row : rows) {
            table.add(java.util.Arrays.asList(row.code(), row.label(), row.unit(), row.baseline(), row.target(),
                    row.suppressed() ? text("disclosure.suppressed", locale) : row.actual(), row.achievement(),
                    row.statusLabel(), row.projected(), row.projectedLabel()));
        }
        return new ChartView("achievement", text("results.chart.achievement", locale),
                text("results.chart.achievement.description", locale), Charts.json(option),
                new Table("results-framework-" + semester, List.of(text("results.column.code", locale),
                        text("results.column.indicator", locale), text("results.column.unit", locale),
                        text("results.column.baseline", locale), text("results.column.target", locale),
                        text("results.column.actual", locale), text("results.column.achievement", locale),
                        text("results.column.status", locale), text("results.column.projected", locale),
                        text("results.column.projectedStatus", locale)), table), null);
    }

    private ChartView statusChart(List<Row> rows, String semester, boolean rtl, Locale locale) {
        Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(Row::status, Collectors.counting()));
        List<PieDataItem> slices = new ArrayList<>();
        List<List<Object>> table = new ArrayList<>();
        for (String status : STATUSES) {
            long count = counts.getOrDefault(status, 0L);
            table.add(List.of(text("status." + status, locale), count));
            if (count > 0) {
                slices.add(new PieDataItem().setName(text("status." + status, locale)).setValue(count)
                        .setItemStyle(new PieItemStyle().setColor(Charts.STATUS_COLOURS.get(status))));
            }
        }
        Option option = Charts.base(rtl).setLegend(Charts.legend(rtl))
                .setSeries(new PieSeries().setName(text("results.column.status", locale))
                        .setRadius(new String[] {"40%", "70%"}).setCenter(new String[] {"50%", "55%"})
                        .setData(slices.toArray(PieDataItem[]::new)));
        return new ChartView("status", text("results.chart.status", locale), text("results.chart.status.description", locale),
                Charts.json(option), new Table("indicator-status-" + semester,
                        List.of(text("results.column.status", locale), text("results.column.indicators", locale)), table), null);
    }

    /**
     * One small line per indicator of the table: actual (solid) and target (dashed) over the semesters,
     * without axes; one without an actual in any semester says why instead, in the reader's words
     * (never measured in the scope, or every actual protected).
     */
    private List<ChartView> sparklines(List<Row> rows, String scope, List<String> semesters, Audience audience, boolean rtl,
            Locale locale) {
        Map<String, Map<String, IndicatorPoint>> byCode = new LinkedHashMap<>();
        for (IndicatorPoint point : trends.trend(scope)) {
            byCode.computeIfAbsent(point.code(), c -> new LinkedHashMap<>()).put(point.semester(), point);
        }
        List<ChartView> lines = new ArrayList<>();
        for (Row row : rows) {
            String code = row.code();
            Map<String, IndicatorPoint> points = byCode.getOrDefault(code, Map.of());
            Map<String, PublishedActual> published = new LinkedHashMap<>();
            points.forEach((semester, point) -> published.put(semester, disclosure.actual(point.actual(), point.target(), audience)));
            Number[] actual = semesters.stream().map(s -> published.get(s) == null ? null : (Number) published.get(s).value())
                    .toArray(Number[]::new);
            Number[] target = semesters.stream().map(s -> points.get(s) == null ? null : (Number) points.get(s).target())
                    .toArray(Number[]::new);
            Option option = new Option().setAnimation(false)
                    .setTooltip(new Tooltip().setTrigger("axis"))
                    .setGrid(new Grid().setLeft(2).setRight(2).setTop(4).setBottom(4))
                    .setXAxis(new CategoryAxis().setData(semesters.toArray()).setInverse(rtl).setShow(false))
                    .setYAxis(new ValueAxis().setShow(false))
                    .setSeries(new SeriesOption[] {
                            new LineSeries().setName(text("results.column.actual", locale)).setData(actual)
                                    .setColor(Charts.PALETTE[0]).setShowSymbol(false).setConnectNulls(true),
                            new LineSeries().setName(text("results.column.target", locale)).setData(target)
                                    .setColor(Charts.UNKNOWN).setShowSymbol(false).setConnectNulls(true)
                                    .setLineStyle(new LineStyle().setType("dashed"))});
            long known = java.util.Arrays.stream(actual).filter(Objects::nonNull).count();
            ChartView line = new ChartView(code, code, text("results.sparkline", locale, known, semesters.size()),
                    Charts.json(option), null, null);
            boolean someProtected = published.values().stream().anyMatch(PublishedActual::suppressed);
            lines.add(known > 0 ? line : line.emptyBecause(text(someProtected ? "results.sparkline.suppressed"
                    : "results.sparkline.unmeasured", locale)));
        }
        return lines;
    }

    private static Double achievement(Double actual, Double target) {
        if (actual == null || target == null) {
            return null;
        }
        return target == 0 ? 100.0 : Math.round(actual * 1000.0 / target) / 10.0;
    }

    private String text(String key, Locale locale, Object... arguments) {
        return wording.text(key, locale, arguments);
    }
}
