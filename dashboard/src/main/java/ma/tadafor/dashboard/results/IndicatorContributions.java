package ma.tadafor.dashboard.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.chart.ChartView;
import ma.tadafor.dashboard.chart.Charts;
import ma.tadafor.dashboard.chart.Drill;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedActual;
import ma.tadafor.dashboard.disclosure.PublishedCount;
import ma.tadafor.dashboard.export.Table;
import ma.tadafor.dashboard.page.ChartPage;
import ma.tadafor.dashboard.page.EmptyCharts;
import ma.tadafor.dashboard.page.PageView;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.framework.IndicatorDefinition;
import ma.tadafor.data.framework.ResultsFrameworkStore;
import ma.tadafor.data.mart.IndicatorContributionQueries;
import ma.tadafor.data.mart.IndicatorContributionQueries.Contribution;

/**
 * One indicator of a territory broken down by its communes: each commune's actual and, for a
 * share, the numerator and denominator the territory's share adds up from. Counts of participants
 * are the reader's from the disclosure layer, shares computed from them: a suppressed one reads
 * "< 5", and the territory's protected figure may differ slightly from the sum of its communes'.
 */
@Service
class IndicatorContributions implements ChartPage {

    private static final int IN_CHART = 20;

    private final ResultsFrameworkStore framework;
    private final IndicatorContributionQueries contributions;
    private final Disclosure disclosure;
    private final Wording wording;
    private final MartCache cache;
    private final EmptyCharts empty;
    private final ResultsFramework results;

    IndicatorContributions(ResultsFrameworkStore framework, IndicatorContributionQueries contributions,
            Disclosure disclosure, Wording wording, MartCache cache, ResultsFramework results, EmptyCharts empty) {
        this.framework = framework;
        this.results = results;
        this.contributions = contributions;
        this.disclosure = disclosure;
        this.wording = wording;
        this.cache = cache;
        this.empty = empty;
    }

    record IndicatorData(String code, String scope, String semester, List<ChartView> charts,
                         Map<String, Object> disclosure) implements ChartPage.Figures {
    }

    IndicatorDefinition definition(String code) {
        return framework.indicator(code).orElseThrow(() -> new InvalidParameterException("code", "no indicator " + code));
    }

    @Override
    public String path() {
        return "/results/indicators/{code}";
    }

    /**
     * The view's semester, else the one the results page opens on. Built once per marts and framework
     * for each view: the caller's scope, the audience, the territory, the semester and the language.
     */
    @Override
    public IndicatorData figures(PageView page) {
        SignedInUser user = page.user();
        ViewScope scope = page.scope();
        Locale locale = page.locale();
        Audience audience = Audience.of(user);
        String code = page.path().get("code");
        String semester = page.filters().semester() != null ? page.filters().semester()
                : results.framework(scope, null, audience, locale).semester();
        return cache.get(List.of("contributions", code, user.scope(), audience, scope.key(), String.valueOf(semester),
                locale.getLanguage()), () -> compute(code, user, audience, scope, semester, locale));
    }

    private IndicatorData compute(String code, SignedInUser user, Audience audience, ViewScope scope, String semester,
            Locale locale) {
        IndicatorDefinition indicator = definition(code);
        boolean rtl = Wording.arabic(locale);
        boolean share = indicator.computation().startsWith("SHARE_");
        List<Contribution> communes = semester == null ? List.of() : contributions.contributions(code, semester,
                user.scope(), scope.programme() ? null : scope.territory().code());
        List<PublishedActual> actuals = communes.stream().map(c -> disclosure.actual(c.actual(), null, audience)).toList();

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < communes.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> actuals.get(i).value() == null ? Double.NEGATIVE_INFINITY
                : actuals.get(i).value()).reversed());
        String suppressed = text("disclosure.suppressed", locale);
        List<String> names = new ArrayList<>();
        List<Drill> bars = new ArrayList<>();
        List<List<Object>> table = new ArrayList<>();
        for (int i : order) {
            Contribution commune = communes.get(i);
            PublishedActual actual = actuals.get(i);
            String name = rtl ? commune.nameAr() : commune.nameFr();
            names.add(name);
            bars.add((Drill) new Drill().setDrill(new ViewFilters(semester, null, null, null, null)
                    .url("/results/indicators/" + code, "commune:" + commune.communeCode()))
                    .setValue(actual.value()));
            List<Object> row = new ArrayList<>(Arrays.asList(commune.communeCode(), name,
                    actual.suppressed() ? suppressed : rounded(actual.value())));
            if (share) {
                row.add(term(actual.numerator(), suppressed));
                row.add(term(actual.denominator(), suppressed));
            }
            table.add(row);
        }
        // The chart shows the leading communes legibly; the table lists them all.
        int shown = Math.min(IN_CHART, names.size());
        Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis"))
                .setYAxis(Charts.sideCategories(names.subList(0, shown), rtl))
                .setXAxis(Charts.bottomValues(rtl).setName(share ? "%" : null))
                .setSeries(new BarSeries().setName(text("results.column.actual", locale))
                        .setData(bars.subList(0, shown).toArray(Drill[]::new)));
        List<String> columns = new ArrayList<>(List.of(text("column.code", locale), text("column.commune", locale),
                text("results.column.actual", locale)));
        if (share) {
            columns.add(text("results.column.numerator", locale));
            columns.add(text("results.column.denominator", locale));
        }
        String description = text(share ? "results.chart.contributions.share" : "results.chart.contributions.description",
                locale) + (audience.exact() ? "" : " " + text("disclosure.totals", locale));
        ChartView chart = new ChartView("contributions", text("results.chart.contributions", locale), description,
                Charts.json(option), new Table("indicator-" + code + "-communes-" + semester, columns, table), null);
        return new IndicatorData(code, scope.key(), semester, empty.explained(List.of(chart), user, scope, locale),
                Disclosure.describe(audience));
    }

    /** A term of a share as the layer published it with the share. */
    private static Object term(PublishedCount count, String suppressed) {
        return count == null ? null : count.suppressed() ? suppressed : count.value();
    }

    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }

    private String text(String key, Locale locale) {
        return wording.text(key, locale);
    }
}
