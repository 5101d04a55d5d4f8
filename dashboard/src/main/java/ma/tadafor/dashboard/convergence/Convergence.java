package ma.tadafor.dashboard.convergence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.icepear.echarts.origin.util.SeriesOption;
import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.chart.ChartView;
import ma.tadafor.dashboard.chart.Charts;
import ma.tadafor.dashboard.export.Table;
import ma.tadafor.dashboard.page.ChartPage;
import ma.tadafor.dashboard.page.EmptyCharts;
import ma.tadafor.dashboard.page.PageView;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.convergence.ConvergenceLink;
import ma.tadafor.data.convergence.ConvergenceQueries;
import ma.tadafor.data.convergence.ProgrammeConvergence;

/**
 * Convergence with INDH for one territory: activities linked to INDH projects per INDH programme
 * (explicit links, and inferred ones that a committee should confirm), co-financing, and the links.
 */
@Service
class Convergence implements ChartPage {

    static final int LINKS_SHOWN = 200;

    private final ConvergenceQueries convergence;
    private final Wording wording;
    private final MartCache cache;
    private final EmptyCharts empty;

    Convergence(ConvergenceQueries convergence, Wording wording, MartCache cache, EmptyCharts empty) {
        this.convergence = convergence;
        this.wording = wording;
        this.cache = cache;
        this.empty = empty;
    }

    record ConvergenceData(String scope, List<ChartView> charts) implements ChartPage.Figures {
    }

    @Override
    public String path() {
        return "/convergence";
    }

    /** Built once per marts for each view: it reads only the convergence marts. */
    @Override
    public ConvergenceData figures(PageView page) {
        return cache.get(page.key("convergence"), () -> compute(page.user(), page.scope(), page.locale()));
    }

    private ConvergenceData compute(SignedInUser user, ViewScope scope, Locale locale) {
        boolean rtl = Wording.arabic(locale);
        List<ProgrammeConvergence> programmes = convergence.byProgramme(scope.key());
        List<String> names = programmes.stream().map(p -> programme(p.programmeNo(), p.programmeNameFr(), locale)).toList();
        return new ConvergenceData(scope.key(), empty.explained(List.of(activities(programmes, names, rtl, locale),
                financing(programmes, names, rtl, locale), linksChart(user, scope, locale)), user, scope, locale));
    }

    String programme(int number, String nameFr, Locale locale) {
        return wording.textOr("indh.programme." + number, nameFr == null ? "INDH " + number : nameFr, locale);
    }

    private ChartView activities(List<ProgrammeConvergence> programmes, List<String> names, boolean rtl, Locale locale) {
        Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis")).setLegend(Charts.legend(rtl))
                .setYAxis(Charts.sideCategories(names, rtl))
                .setXAxis(Charts.bottomValues(rtl))
                .setSeries(new SeriesOption[] {
                        new BarSeries().setName(text("convergence.explicit", locale)).setStack("links").setColor(Charts.PALETTE[0])
                                .setData(programmes.stream().map(p -> (Number) p.explicitActivities()).toArray()),
                        new BarSeries().setName(text("convergence.inferred", locale)).setStack("links").setColor(Charts.PALETTE[1])
                                .setData(programmes.stream().map(p -> (Number) p.inferredActivities()).toArray())});
        List<List<Object>> table = new ArrayList<>();
        for (int i = 0; i < programmes.size(); i++) {
            ProgrammeConvergence p = programmes.get(i);
            table.add(Arrays.asList(p.programmeNo(), names.get(i), p.linkedActivities(), p.explicitActivities(),
                    p.inferredActivities(), p.linkedCoConstruction(), p.programmeCommunes(), p.communesWithActiveIndh(),
                    p.activeIndhShare() == null ? null : Math.round(p.activeIndhShare() * 10) / 10.0));
        }
        return chart("activities", option, new Table("indh-convergence", List.of(text("convergence.column.number", locale),
                text("convergence.column.programme", locale), text("convergence.column.linked", locale),
                text("convergence.explicit", locale), text("convergence.inferred", locale),
                text("convergence.column.coConstruction", locale), text("convergence.column.communes", locale),
                text("convergence.column.activeIndh", locale), text("convergence.column.activeShare", locale)), table), locale);
    }

    private ChartView financing(List<ProgrammeConvergence> programmes, List<String> names, boolean rtl, Locale locale) {
        Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis")).setLegend(Charts.legend(rtl))
                .setYAxis(Charts.sideCategories(names, rtl))
                .setXAxis(Charts.bottomValues(rtl).setName("MAD"))
                .setSeries(new SeriesOption[] {
                        new BarSeries().setName(text("convergence.column.indhMad", locale)).setColor(Charts.PALETTE[2])
                                .setData(programmes.stream().map(p -> (Number) mad(p.indhCoFinancingMad())).toArray()),
                        new BarSeries().setName(text("convergence.column.tadaforMad", locale)).setColor(Charts.PALETTE[3])
                                .setData(programmes.stream().map(p -> (Number) mad(p.tadaforMad())).toArray())});
        List<List<Object>> table = new ArrayList<>();
        for (int i = 0; i < programmes.size(); i++) {
            table.add(List.of(names.get(i), mad(programmes.get(i).indhCoFinancingMad()), mad(programmes.get(i).tadaforMad())));
        }
        return chart("financing", option, new Table("indh-co-financing", List.of(text("convergence.column.programme", locale),
                text("convergence.column.indhMad", locale), text("convergence.column.tadaforMad", locale)), table), locale);
    }

    /** Links by commune and programme, as a chart of counts; every link is listed in the table. */
    private ChartView linksChart(SignedInUser user, ViewScope scope, Locale locale) {
        boolean rtl = Wording.arabic(locale);
        List<ConvergenceLink> links = convergence.links(user.scope(), scope.programme() ? null : scope.territory().code(),
                LINKS_SHOWN);
        Map<String, long[]> byCommune = new LinkedHashMap<>();
        List<List<Object>> table = new ArrayList<>();
        for (ConvergenceLink link : links) {
            String commune = rtl && link.communeNameAr() != null ? link.communeNameAr() : link.communeNameFr();
            byCommune.computeIfAbsent(commune, c -> new long[2])[link.inferred() ? 1 : 0]++;
            table.add(Arrays.asList(link.communeCode(), commune, text("mechanism." + link.mechanism(), locale),
                    rtl && link.activityTitleAr() != null ? link.activityTitleAr() : link.activityTitleFr(),
                    link.projectRef(), rtl && link.projectTitleAr() != null ? link.projectTitleAr() : link.projectTitleFr(),
                    programme(link.programmeNo(), null, locale),
                    text(link.inferred() ? "convergence.inferred" : "convergence.explicit", locale)));
        }
        List<String> communes = new ArrayList<>(byCommune.keySet());
        Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis")).setLegend(Charts.legend(rtl))
                .setYAxis(Charts.sideCategories(communes, rtl))
                .setXAxis(Charts.bottomValues(rtl))
                .setSeries(new SeriesOption[] {
                        new BarSeries().setName(text("convergence.explicit", locale)).setStack("links").setColor(Charts.PALETTE[0])
                                .setData(byCommune.values().stream().map(c -> (Number) c[0]).toArray()),
                        new BarSeries().setName(text("convergence.inferred", locale)).setStack("links").setColor(Charts.PALETTE[1])
                                .setData(byCommune.values().stream().map(c -> (Number) c[1]).toArray())});
        return chart("links", option, new Table("indh-links", List.of(text("column.code", locale), text("column.commune", locale),
                text("column.mechanism", locale), text("convergence.column.activity", locale),
                text("convergence.column.project", locale), text("convergence.column.projectTitle", locale),
                text("convergence.column.programme", locale), text("convergence.column.link", locale)), table), locale);
    }

    private ChartView chart(String id, Option option, Table table, Locale locale) {
        return new ChartView(id, text("convergence.chart." + id, locale), text("convergence.chart." + id + ".description", locale),
                Charts.json(option), table, null);
    }

    private String text(String key, Locale locale) {
        return wording.text(key, locale);
    }

    private static Double mad(BigDecimal amount) {
        return amount == null ? 0.0 : amount.doubleValue();
    }
}
