package ma.tadafor.dashboard.overview;

import static ma.tadafor.data.mart.ParticipationDimension.COMMUNE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.chart.ChartView;
import ma.tadafor.dashboard.chart.Charts;
import ma.tadafor.dashboard.chart.Drill;
import ma.tadafor.dashboard.disclosure.PublishedCount;
import ma.tadafor.dashboard.export.Table;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.TerritoryQueries;

/** The overview's ranking of the programme communes in view by participants per 1,000 inhabitants. */
@Component
class CommuneRanking {

    private static final int RANKED_IN_CHART = 25;

    private final TerritoryQueries territories;

    CommuneRanking(TerritoryQueries territories) {
        this.territories = territories;
    }

    /** The communes in view by participants per 1,000 inhabitants; a bar opens the commune. */
    ChartView of(ParticipationInView view, String semester) {
        boolean rtl = view.rtl();
        ViewScope scope = view.scope();
        ViewFilters links = view.filters().withSemester(semester);
        Map<String, PublishedCount> participants = new LinkedHashMap<>();
        view.participation(List.of(COMMUNE), semester).rows()
                .forEach(row -> participants.put((String) row.value(COMMUNE), row.participants()));
        Predicate<Commune> inView = commune -> scope.programme()
                || switch (scope.level()) {
                    case REGION -> commune.regionCode().equals(scope.territory().code());
                    case PROVINCE -> commune.provinceCode().equals(scope.territory().code());
                    case COMMUNE -> commune.code().equals(scope.territory().code());
                };
        record Ranked(Commune commune, PublishedCount participants, Double per1000) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Commune commune : territories.communes(view.user().scope(), true)) {
            if (inView.test(commune)) {
                PublishedCount count = participants.getOrDefault(commune.code(), PublishedCount.ZERO);
                Long population = commune.population().total();
                ranked.add(new Ranked(commune, count, population == null || population == 0 || count.suppressed()
                        ? null : ParticipationInView.round(count.perturbed() * 1000.0 / population)));
            }
        }
        ranked.sort(Comparator.comparing((Ranked r) -> r.per1000() == null ? -1 : r.per1000()).reversed());
        List<String> names = ranked.stream()
                .map(r -> view.name(r.commune().nameFr(), r.commune().nameAr())).toList();
        // The chart shows the leading communes legibly; the table lists them all.
        List<Ranked> shown = ranked.subList(0, Math.min(RANKED_IN_CHART, ranked.size()));
        Drill[] bars = shown.stream().map(r -> new Drill().setDrill(links.url("/", "commune:" + r.commune().code()))
                .setValue(r.per1000())).toArray(Drill[]::new);
        Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis"))
                .setYAxis(Charts.sideCategories(names.subList(0, shown.size()), rtl))
                .setXAxis(Charts.bottomValues(rtl))
                .setSeries(new BarSeries().setName(view.text("column.per1000")).setColor(Charts.PALETTE[2]).setData(bars));
        List<List<Object>> table = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Ranked r = ranked.get(i);
            table.add(List.of(r.commune().code(), names.get(i), r.participants().shown(),
                    r.commune().population().total() == null ? "" : r.commune().population().total(),
                    r.per1000() == null ? "" : r.per1000()));
        }
        return view.chart("ranking", option, new Table("communes-" + semester,
                List.of(view.text("column.code"), view.text("column.commune"), view.text("column.participants"),
                        view.text("column.population"), view.text("column.per1000")), table));
    }
}
