package ma.tadafor.dashboard.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarItemStyle;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.icepear.echarts.origin.util.SeriesOption;
import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.chart.ChartView;
import ma.tadafor.dashboard.chart.Charts;
import ma.tadafor.dashboard.chart.Drill;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedCompleteness;
import ma.tadafor.dashboard.export.Table;
import ma.tadafor.dashboard.page.ChartPage;
import ma.tadafor.dashboard.page.EmptyCharts;
import ma.tadafor.dashboard.page.PageView;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.quality.CommuneQuality;
import ma.tadafor.data.quality.DataQualityQueries;

/**
 * Data quality of the communes in view: how fresh each commune's sources are (stale ones in the
 * alert colour and named so in the table) and how many participants lack gender, age or disability.
 */
@Service
class DataQuality implements ChartPage {

    private static final int SHOWN = 25;
    private static final String FRESH = "#009E73";
    private static final String STALE = "#D55E00";

    private final DataQualityQueries quality;
    private final Disclosure disclosure;
    private final Wording wording;
    private final MartCache cache;
    private final EmptyCharts empty;

    DataQuality(DataQualityQueries quality, Disclosure disclosure, Wording wording, MartCache cache, EmptyCharts empty) {
        this.quality = quality;
        this.disclosure = disclosure;
        this.wording = wording;
        this.cache = cache;
        this.empty = empty;
    }

    record QualityData(String scope, long stale, List<ChartView> charts) implements ChartPage.Figures {
    }

    @Override
    public String path() {
        return "/quality";
    }

    /** Built once per marts for each view: it reads the data quality mart. */
    @Override
    public QualityData figures(PageView page) {
        return cache.get(page.key("quality"), () -> compute(page.user(), page.scope(), page.locale()));
    }

    private QualityData compute(SignedInUser user, ViewScope scope, Locale locale) {
        boolean rtl = Wording.arabic(locale);
        List<CommuneQuality> communes = quality.communes(user.scope(), scope.programme() ? null : scope.territory().code());
        long stale = communes.stream().filter(CommuneQuality::stale).count();
        Map<String, PublishedCompleteness> completeness = new LinkedHashMap<>();
        communes.forEach(c -> completeness.put(c.communeCode(), disclosure.completeness(c, Audience.of(user))));
        ChartView freshness = freshness(communes, rtl, locale);
        ChartView unknowns = unknowns(communes, completeness, rtl, locale);
        List<ChartView> explained = empty.explained(List.of(freshness, unknowns), user, scope, locale);
        // Here a zero is a figure (0 hours since a pull, 0 % unknown): only a chart without any commune says why.
        boolean pulled = communes.stream().anyMatch(c -> c.hoursSinceSuccess() != null);
        boolean participants = completeness.values().stream().anyMatch(c -> c.participants().perturbed() > 0);
        return new QualityData(scope.key(), stale, List.of(pulled ? freshness : explained.get(0),
                participants ? unknowns : explained.get(1)));
    }

    /** Communes with sources, stalest first; the table also lists those reporting by upload only. */
    private ChartView freshness(List<CommuneQuality> communes, boolean rtl, Locale locale) {
        List<CommuneQuality> pulled = communes.stream().filter(c -> c.hoursSinceSuccess() != null)
                .sorted(Comparator.comparing(CommuneQuality::hoursSinceSuccess).reversed()).limit(SHOWN).toList();
        Drill[] bars = pulled.stream().map(c -> (Drill) new Drill().setDrill("/commune?scope=commune:" + c.communeCode())
                .setValue(c.hoursSinceSuccess()).setItemStyle(new BarItemStyle().setColor(c.stale() ? STALE : FRESH)))
                .toArray(Drill[]::new);
        Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis"))
                .setYAxis(Charts.sideCategories(pulled.stream().map(c -> name(c, rtl)).toList(), rtl))
                .setXAxis(Charts.bottomValues(rtl).setName(text("quality.hours", locale)))
                .setSeries(new BarSeries().setName(text("quality.column.hours", locale)).setData(bars));
        List<List<Object>> table = new ArrayList<>();
        for (CommuneQuality c : communes) {
            table.add(Arrays.asList(c.communeCode(), name(c, rtl), c.sources(),
                    c.lastSuccessAt() == null ? "" : c.lastSuccessAt().toString(),
                    c.hoursSinceSuccess() == null ? "" : c.hoursSinceSuccess(),
                    text(c.sources() == 0 ? "quality.state.upload" : c.stale() ? "quality.state.stale" : "quality.state.fresh", locale)));
        }
        return chart("freshness", option, new Table("data-freshness", List.of(text("column.code", locale),
                text("column.commune", locale), text("commune.sources", locale), text("quality.column.lastSuccess", locale),
                text("quality.column.hours", locale), text("quality.column.state", locale)), table), locale);
    }

    private ChartView unknowns(List<CommuneQuality> communes, Map<String, PublishedCompleteness> completeness, boolean rtl,
            Locale locale) {
        List<CommuneQuality> worst = communes.stream()
                .filter(c -> completeness.get(c.communeCode()).participants().perturbed() > 0)
                .sorted(Comparator.comparing((CommuneQuality c) -> completeness.get(c.communeCode()).worstShare()).reversed())
                .limit(SHOWN).toList();
        String[] keys = {"commune.unknown.gender", "commune.unknown.age", "commune.unknown.disability"};
        SeriesOption[] series = new SeriesOption[3];
        for (int k = 0; k < 3; k++) {
            int kind = k;
            series[k] = new BarSeries().setName(text(keys[k], locale))
                    .setData(worst.stream().map(c -> (Number) round(share(completeness.get(c.communeCode()), kind))).toArray());
        }
        Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis")).setLegend(Charts.legend(rtl))
                .setYAxis(Charts.sideCategories(worst.stream().map(c -> name(c, rtl)).toList(), rtl))
                .setXAxis(Charts.bottomValues(rtl).setName("%"))
                .setSeries(series);
        List<List<Object>> table = new ArrayList<>();
        for (CommuneQuality c : communes) {
            PublishedCompleteness shown = completeness.get(c.communeCode());
            table.add(Arrays.asList(c.communeCode(), name(c, rtl), c.activities(), c.undatedActivities(),
                    shown.participants().shown(), round(shown.unknownGenderShare()), round(shown.unknownAgeShare()),
                    round(shown.unknownDisabilityShare()),
                    round(c.medianReportDelayDays()), round(c.medianArrivalDelayDays())));
        }
        return chart("unknowns", option, new Table("data-completeness", List.of(text("column.code", locale),
                text("column.commune", locale), text("column.activities", locale), text("quality.column.undated", locale),
                text("column.participants", locale), text(keys[0], locale), text(keys[1], locale), text(keys[2], locale),
                text("quality.column.reportDelay", locale), text("quality.column.arrivalDelay", locale)), table), locale);
    }

    private static Double share(PublishedCompleteness c, int kind) {
        return switch (kind) {
            case 0 -> c.unknownGenderShare();
            case 1 -> c.unknownAgeShare();
            default -> c.unknownDisabilityShare();
        };
    }

    private ChartView chart(String id, Option option, Table table, Locale locale) {
        return new ChartView(id, text("quality.chart." + id, locale), text("quality.chart." + id + ".description", locale),
                Charts.json(option), table, null);
    }

    private String text(String key, Locale locale) {
        return wording.text(key, locale);
    }

    private static String name(CommuneQuality c, boolean rtl) {
        return rtl && c.nameAr() != null ? c.nameAr() : c.nameFr();
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }
}
