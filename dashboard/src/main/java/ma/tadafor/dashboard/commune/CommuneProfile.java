package ma.tadafor.dashboard.commune;

import static ma.tadafor.data.mart.ParticipationDimension.MECHANISM;
import static ma.tadafor.data.mart.ParticipationDimension.SEMESTER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.charts.line.LineSeries;
import org.icepear.echarts.components.series.LineStyle;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.icepear.echarts.origin.util.SeriesOption;
import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.chart.ChartView;
import ma.tadafor.dashboard.chart.Charts;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedCompleteness;
import ma.tadafor.dashboard.disclosure.PublishedParticipation;
import ma.tadafor.dashboard.disclosure.PublishedRate;
import ma.tadafor.dashboard.export.Table;
import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.page.ChartPage;
import ma.tadafor.dashboard.page.EmptyCharts;
import ma.tadafor.dashboard.page.PageView;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.mart.ParticipationRate;
import ma.tadafor.data.mart.ParticipationRateQueries;
import ma.tadafor.data.quality.CommuneQuality;
import ma.tadafor.data.quality.DataQualityQueries;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * One commune at a glance: which participation mechanisms it runs (any activity with
 * participants since the programme began), its activity over time, its participation against its
 * census population, and how complete and fresh its data is.
 */
@Service
class CommuneProfile implements ChartPage {

    private final Disclosure disclosure;
    private final ParticipationRateQueries rates;
    private final DataQualityQueries quality;
    private final Wording wording;
    private final MartCache cache;
    private final EmptyCharts empty;
    private final TerritoryQueries territories;

    CommuneProfile(Disclosure disclosure, ParticipationRateQueries rates, DataQualityQueries quality,
            Wording wording, MartCache cache, TerritoryQueries territories, EmptyCharts empty) {
        this.territories = territories;
        this.disclosure = disclosure;
        this.rates = rates;
        this.quality = quality;
        this.wording = wording;
        this.cache = cache;
        this.empty = empty;
    }

    record Profile(String scope, List<ChartView> charts) implements ChartPage.Figures {
    }

    /** The commune the page opens for {@code scope}: itself, or the first programme commune under a wider one. */
    ViewScope commune(ViewScope scope, SignedInUser user) {
        if (scope.level() == Territory.Level.COMMUNE) {
            return scope;
        }
        String prefix = scope.programme() ? "" : scope.territory().code() + ".";
        Commune first = territories.communes(user.scope(), true).stream().filter(c -> c.code().startsWith(prefix))
                .findFirst().orElseThrow(() -> new InvalidParameterException("scope",
                        "no programme commune lies in " + scope.key()));
        return ViewScope.resolve("commune:" + first.code(), user.scope(), territories);
    }

    /** The commune's data quality row, if the marts have one. */
    CommuneQuality freshness(SignedInUser user, ViewScope commune) {
        return cache.get(List.of("commune-quality", user.scope(), commune.key()), () -> quality.communes(user.scope(),
                commune.territory().code()).stream().findFirst()).orElse(null);
    }

    @Override
    public String path() {
        return "/commune";
    }

    /** Built once per marts for each view: every figure comes from the marts. */
    @Override
    public Profile figures(PageView page) {
        return cache.get(page.key("commune"), () -> compute(page.user(), commune(page.scope(), page.user()), page.locale()));
    }

    private Profile compute(SignedInUser user, ViewScope commune, Locale locale) {
        boolean rtl = Wording.arabic(locale);
        Audience audience = Audience.of(user);
        PublishedParticipation figures = disclosure.participation(new ParticipationQuery(List.of(SEMESTER, MECHANISM),
                commune.filter(), null, null), user.scope(), audience);
        PublishedParticipation byMechanism = disclosure.participation(new ParticipationQuery(List.of(MECHANISM),
                commune.filter(), null, null), user.scope(), audience);
        List<ChartView> charts = new ArrayList<>();
        charts.add(mechanisms(byMechanism, figures, rtl, locale));
        charts.add(timeline(figures, rtl, locale));
        charts.add(census(rates.semesters(commune.key()).stream().map(rate -> new Rate(rate, disclosure.rate(rate, audience)))
                .toList(), rtl, locale));
        CommuneQuality row = freshness(user, commune);
        if (row != null) {
            charts.add(unknowns(disclosure.completeness(row, audience), rtl, locale));
        }
        return new Profile(commune.key(), empty.explained(charts, user, commune, locale));
    }

    /** A semester's rate as the mart holds it (for the population's shares) and as it may be shown. */
    private record Rate(ParticipationRate mart, PublishedRate shown) {
    }

    /**
     * @param totals    participation per mechanism, all semesters together (one protected count each)
     * @param semesters participation per semester and mechanism, for each mechanism's last semester
     */
    private ChartView mechanisms(PublishedParticipation totals, PublishedParticipation semesters, boolean rtl,
            Locale locale) {
        Map<String, Long> activities = new LinkedHashMap<>();
        Map<String, Object> participants = new LinkedHashMap<>();
        Arrays.stream(Mechanism.values()).forEach(m -> activities.put(m.name(), 0L));
        for (PublishedParticipation.Row row : totals.rows()) {
            String mechanism = (String) row.value(MECHANISM);
            activities.put(mechanism, row.activities() == null ? 0L : row.activities());
            participants.put(mechanism, row.participants().shown());
        }
        Map<String, String> lastSemester = new LinkedHashMap<>();
        for (PublishedParticipation.Row row : semesters.rows()) {
            String mechanism = (String) row.value(MECHANISM);
            String semester = (String) row.value(SEMESTER);
            if (semester != null && (lastSemester.get(mechanism) == null || semester.compareTo(lastSemester.get(mechanism)) > 0)) {
                lastSemester.put(mechanism, semester);
            }
        }
        List<String> names = activities.keySet().stream().map(m -> text("mechanism." + m, locale)).toList();
        Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis"))
                .setYAxis(Charts.sideCategories(names, rtl))
                .setXAxis(Charts.bottomValues(rtl))
                .setSeries(new BarSeries().setName(text("column.activities", locale))
                        .setData(activities.values().stream().map(count -> (Number) count).toArray()));
        List<List<Object>> table = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> entry : activities.entrySet()) {
            boolean inPlace = entry.getValue() > 0 || participants.containsKey(entry.getKey());
            table.add(List.of(names.get(i++), text(inPlace ? "commune.inPlace.yes" : "commune.inPlace.no", locale),
                    entry.getValue(), participants.getOrDefault(entry.getKey(), 0L),
                    lastSemester.getOrDefault(entry.getKey(), "")));
        }
        return chart("mechanisms", option, new Table("commune-mechanisms", List.of(text("column.mechanism", locale),
                text("commune.column.inPlace", locale), text("column.activities", locale),
                text("column.participants", locale), text("commune.column.lastSemester", locale)), table), locale);
    }

    /** Activities per semester, one stacked colour per mechanism. */
    private ChartView timeline(PublishedParticipation figures, boolean rtl, Locale locale) {
        List<String> semesters = new ArrayList<>(new TreeSet<>(figures.rows().stream()
                .map(row -> (String) row.value(SEMESTER)).filter(Objects::nonNull).toList()));
        Map<String, long[]> byMechanism = new LinkedHashMap<>();
        for (PublishedParticipation.Row row : figures.rows()) {
            String semester = (String) row.value(SEMESTER);
            if (semester != null && row.activities() != null) {
                byMechanism.computeIfAbsent((String) row.value(MECHANISM), m -> new long[semesters.size()])
                        [semesters.indexOf(semester)] += row.activities();
            }
        }
        List<SeriesOption> series = new ArrayList<>();
        List<List<Object>> table = new ArrayList<>();
        byMechanism.forEach((mechanism, counts) -> {
            String name = text("mechanism." + mechanism, locale);
            series.add(new BarSeries().setName(name).setStack("activities")
                    .setData(Arrays.stream(counts).mapToObj(c -> (Number) c).toArray()));
            for (int s = 0; s < semesters.size(); s++) {
                if (counts[s] > 0) {
                    table.add(List.of(semesters.get(s), name, counts[s]));
                }
            }
        });
        table.sort((a, b) -> ((String) a.get(0)).compareTo((String) b.get(0)));
        Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis"))
                .setLegend(Charts.legend(rtl).setType("scroll"))
                .setXAxis(Charts.bottomCategories(semesters, rtl))
                .setYAxis(Charts.sideValues(rtl))
                .setSeries(series.toArray(SeriesOption[]::new));
        return chart("timeline", option, new Table("commune-activities", List.of(text("column.semester", locale),
                text("column.mechanism", locale), text("column.activities", locale)), table), locale);
    }

    /** Women and ages 18–34 among participants (solid) against their share of the population (dashed). */
    private ChartView census(List<Rate> semesters, boolean rtl, Locale locale) {
        List<String> names = semesters.stream().map(r -> r.mart().semester()).toList();
        Number[] women = semesters.stream().map(r -> (Number) round(r.shown().womenShare())).toArray(Number[]::new);
        Number[] womenPopulation = semesters.stream().map(r -> (Number) round(r.mart().womenPopulationShare()))
                .toArray(Number[]::new);
        Number[] youth = semesters.stream().map(r -> (Number) round(r.shown().youthShare())).toArray(Number[]::new);
        Number[] youthPopulation = semesters.stream().map(r -> (Number) round(r.mart().youthPopulationShare()))
                .toArray(Number[]::new);
        LineStyle dashed = new LineStyle().setType("dashed");
        Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis"))
                .setLegend(Charts.legend(rtl))
                .setXAxis(Charts.bottomCategories(names, rtl))
                .setYAxis(Charts.sideValues(rtl).setName("%"))
                .setSeries(new SeriesOption[] {
                        new LineSeries().setName(text("commune.census.women", locale)).setColor(Charts.WOMEN).setData(women),
                        new LineSeries().setName(text("commune.census.womenPopulation", locale)).setColor(Charts.WOMEN)
                                .setLineStyle(dashed).setData(womenPopulation),
                        new LineSeries().setName(text("commune.census.youth", locale)).setColor(Charts.PALETTE[2]).setData(youth),
                        new LineSeries().setName(text("commune.census.youthPopulation", locale)).setColor(Charts.PALETTE[2])
                                .setLineStyle(dashed).setData(youthPopulation)});
        List<List<Object>> table = new ArrayList<>();
        for (int i = 0; i < semesters.size(); i++) {
            PublishedRate rate = semesters.get(i).shown();
            table.add(Arrays.asList(rate.semester(), rate.participants().shown(), round(rate.participantsPer1000()), women[i],
                    womenPopulation[i], youth[i], youthPopulation[i]));
        }
        return chart("census", option, new Table("commune-census", List.of(text("column.semester", locale),
                text("column.participants", locale), text("column.per1000", locale), text("commune.census.women", locale),
                text("commune.census.womenPopulation", locale), text("commune.census.youth", locale),
                text("commune.census.youthPopulation", locale)), table), locale);
    }

    private ChartView unknowns(PublishedCompleteness row, boolean rtl, Locale locale) {
        List<String> names = List.of(text("commune.unknown.gender", locale), text("commune.unknown.age", locale),
                text("commune.unknown.disability", locale));
        Number[] shares = {round(row.unknownGenderShare()), round(row.unknownAgeShare()), round(row.unknownDisabilityShare())};
        Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis"))
                .setYAxis(Charts.sideCategories(names, rtl))
                .setXAxis(Charts.bottomValues(rtl).setMax(100).setName("%"))
                .setSeries(new BarSeries().setName(text("commune.unknown", locale)).setColor(Charts.UNKNOWN).setData(shares));
        List<List<Object>> table = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            table.add(Arrays.asList(names.get(i), shares[i]));
        }
        return chart("unknowns", option, new Table("commune-unknowns", List.of(text("commune.unknown", locale),
                text("commune.column.share", locale)), table), locale);
    }

    private ChartView chart(String id, Option option, Table table, Locale locale) {
        return new ChartView(id, text("commune.chart." + id, locale), text("commune.chart." + id + ".description", locale),
                Charts.json(option), table, null);
    }

    private String text(String key, Locale locale) {
        return wording.text(key, locale);
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }
}
