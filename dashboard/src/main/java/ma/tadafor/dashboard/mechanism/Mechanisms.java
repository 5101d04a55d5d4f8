package ma.tadafor.dashboard.mechanism;

import static ma.tadafor.data.mart.ParticipationDimension.COMMUNE;
import static ma.tadafor.data.mart.ParticipationDimension.PROVINCE;
import static ma.tadafor.data.mart.ParticipationDimension.REGION;
import static ma.tadafor.data.mart.ParticipationDimension.ROLE;
import static ma.tadafor.data.mart.ParticipationDimension.SEMESTER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.charts.funnel.FunnelDataItem;
import org.icepear.echarts.charts.funnel.FunnelLabel;
import org.icepear.echarts.charts.funnel.FunnelSeries;
import org.icepear.echarts.charts.line.LineSeries;
import org.icepear.echarts.charts.pie.PieDataItem;
import org.icepear.echarts.charts.pie.PieSeries;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.icepear.echarts.origin.util.SeriesOption;
import org.springframework.stereotype.Service;

import ma.tadafor.dashboard.chart.ChartView;
import ma.tadafor.dashboard.chart.Charts;
import ma.tadafor.dashboard.chart.Drill;
import ma.tadafor.dashboard.export.Table;
import ma.tadafor.dashboard.page.ChartPage;
import ma.tadafor.dashboard.page.EmptyCharts;
import ma.tadafor.dashboard.page.PageView;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedCount;
import ma.tadafor.dashboard.disclosure.PublishedParticipation;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.dashboard.wording.Numbers;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.mart.PetitionFunnelQueries;
import ma.tadafor.data.mart.PetitionFunnelQueries.StageDuration;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * Any mechanism (or all) under every filter: where it happens (the level below the view), how it
 * grew over semesters, who took part by role, and for petitions the funnel from submission to
 * implementation. Every count of participants goes through the disclosure layer, whatever the
 * level or the filters.
 */
@Service
class Mechanisms implements ChartPage {

    private final Disclosure disclosure;
    private final PetitionFunnelQueries petitions;
    private final TerritoryQueries territories;
    private final Wording wording;
    private final MartCache cache;
    private final EmptyCharts empty;

    Mechanisms(Disclosure disclosure, PetitionFunnelQueries petitions, TerritoryQueries territories,
            Wording wording, MartCache cache, EmptyCharts empty) {
        this.disclosure = disclosure;
        this.petitions = petitions;
        this.territories = territories;
        this.wording = wording;
        this.cache = cache;
        this.empty = empty;
    }

    record MechanismData(String scope, List<ChartView> charts) implements ChartPage.Figures {
    }

    @Override
    public String path() {
        return "/mechanisms";
    }

    /**
     * Built once per marts for each view. The funnel reads the facts, which change only by a pull or an
     * upload, each followed by a refresh of the marts: kept with them, it shows the facts the marts were
     * computed from, like every other figure of the page.
     */
    @Override
    public MechanismData figures(PageView page) {
        return cache.get(page.key("mechanisms"), () -> compute(page.user(), page.scope(), page.filters(), page.locale()));
    }

    private MechanismData compute(SignedInUser user, ViewScope scope, ViewFilters filters, Locale locale) {
        View view = new View(user, scope, filters, locale);
        List<ChartView> charts = new ArrayList<>();
        if (scope.level() != Territory.Level.COMMUNE) {
            charts.add(view.territories());
        }
        charts.add(view.semesters());
        charts.add(view.roles());
        if (filters.mechanism() == null || filters.mechanism().equals("PETITION")) {
            charts.add(view.funnel());
        }
        return new MechanismData(scope.key(), empty.explained(charts, user, scope, locale));
    }

    private final class View {

        private final SignedInUser user;
        private final ViewScope scope;
        private final ViewFilters filters;
        private final Locale locale;
        private final boolean rtl;

        View(SignedInUser user, ViewScope scope, ViewFilters filters, Locale locale) {
            this.user = user;
            this.scope = scope;
            this.filters = filters;
            this.locale = locale;
            this.rtl = Wording.arabic(locale);
        }

        /** Participants by region, province or commune: the level below the view; a bar opens it. */
        ChartView territories() {
            ParticipationDimension child = scope.programme() ? REGION
                    : scope.level() == Territory.Level.REGION ? PROVINCE : COMMUNE;
            Territory.Level level = child == REGION ? Territory.Level.REGION
                    : child == PROVINCE ? Territory.Level.PROVINCE : Territory.Level.COMMUNE;
            List<String> names = new ArrayList<>();
            List<Drill> bars = new ArrayList<>();
            List<List<Object>> table = new ArrayList<>();
            for (PublishedParticipation.Row row : query(List.of(child), true).rows()) {
                String code = (String) row.value(child);
                Territory territory = territories.find(level, code).orElse(null);
                String name = territory == null ? code : rtl && territory.nameAr() != null ? territory.nameAr() : territory.nameFr();
                String key = level.name().toLowerCase(Locale.ROOT) + ":" + code;
                names.add(name);
                bars.add((Drill) new Drill().setDrill(filters.url("/mechanisms", key))
                        .setValue(row.participants().value()));
                table.add(List.of(code, name, shown(row.activities()), row.participants().shown()));
            }
            Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis"))
                    .setYAxis(Charts.sideCategories(names, rtl))
                    .setXAxis(Charts.bottomValues(rtl))
                    .setSeries(new BarSeries().setName(text("column.participants")).setData(bars.toArray(Drill[]::new)));
            return chart("territories", option, new Table("mechanism-territories", List.of(text("column.code"),
                    text("column.territory"), text("column.activities"), text("column.participants")), table));
        }

        /** Every semester (the semester filter does not apply: this is the trend it sits in). */
        ChartView semesters() {
            List<PublishedParticipation.Row> rows = query(List.of(SEMESTER), false).rows().stream()
                    .filter(row -> row.value(SEMESTER) != null).toList();
            List<String> semesters = rows.stream().map(row -> (String) row.value(SEMESTER)).toList();
            Number[] participants = new Number[rows.size()];
            Number[] activities = new Number[rows.size()];
            List<List<Object>> table = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                participants[i] = rows.get(i).participants().value();
                activities[i] = rows.get(i).activities();
                table.add(List.of(semesters.get(i), shown(rows.get(i).activities()), rows.get(i).participants().shown()));
            }
            Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis")).setLegend(Charts.legend(rtl))
                    .setXAxis(Charts.bottomCategories(semesters, rtl))
                    .setYAxis(new ValueAxis[] {Charts.sideValues(rtl), new ValueAxis().setPosition(rtl ? "left" : "right")})
                    .setSeries(new SeriesOption[] {
                            new BarSeries().setName(text("column.participants")).setData(participants),
                            new LineSeries().setName(text("column.activities")).setYAxisIndex(1).setData(activities)});
            return chart("semesters", option, new Table("mechanism-semesters", List.of(text("column.semester"),
                    text("column.activities"), text("column.participants")), table));
        }

        ChartView roles() {
            List<PieDataItem> slices = new ArrayList<>();
            List<List<Object>> table = new ArrayList<>();
            for (PublishedParticipation.Row row : query(List.of(ROLE), true).rows()) {
                String name = text("role." + row.value(ROLE));
                table.add(List.of(name, row.participants().shown()));
                if (!row.participants().suppressed()) {
                    slices.add(new PieDataItem().setName(name).setValue(row.participants().value()));
                }
            }
            Option option = Charts.base(rtl).setLegend(Charts.legend(rtl))
                    .setSeries(new PieSeries().setName(text("column.role")).setRadius(new String[] {"35%", "65%"})
                            .setCenter(new String[] {"50%", "58%"}).setData(slices.toArray(PieDataItem[]::new)));
            return chart("roles", option, new Table("mechanism-roles", List.of(text("column.role"),
                    text("column.participants")), table));
        }

        /**
         * Petitions by the stage they reached, in the chosen semester (every filter on people is moot
         * here), each stage labelled with the median days it took from the one before.
         */
        ChartView funnel() {
            LocalDate from = null;
            LocalDate to = null;
            if (filters.semester() != null) {
                int year = Integer.parseInt(filters.semester().substring(0, 4));
                boolean first = filters.semester().endsWith("S1");
                from = LocalDate.of(year, first ? 1 : 7, 1);
                to = first ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
            }
            String under = scope.programme() ? null : scope.territory().code();
            Map<String, Long> funnel = petitions.funnel(user.scope(), under, from, to);
            Map<String, StageDuration> durations = new LinkedHashMap<>();
            petitions.durations(user.scope(), under, from, to).forEach(duration -> durations.put(duration.to(), duration));
            List<FunnelDataItem> stages = new ArrayList<>();
            List<List<Object>> table = new ArrayList<>();
            long submitted = funnel.getOrDefault("SUBMITTED", 0L);
            funnel.forEach((stage, count) -> {
                String name = text("petition." + stage);
                StageDuration duration = durations.get(stage);
                Double median = duration == null || duration.medianDays() == null ? null
                        : Math.round(duration.medianDays() * 10) / 10.0;
                String label = name + " : " + count + (median == null ? "" : "\n" + text("mechanisms.funnel.median",
                        Numbers.decimal(median, 1)));
                stages.add(new FunnelDataItem().setName(name).setValue(count).setLabel(new FunnelLabel().setFormatter(label)));
                table.add(Arrays.asList(name, count,
                        submitted == 0 ? "" : Math.round(count * 1000.0 / submitted) / 10.0,
                        median, duration == null ? null : duration.petitions()));
            });
            Option option = Charts.base(rtl).setLegend(Charts.legend(rtl))
                    .setSeries(new FunnelSeries().setName(text("mechanism.PETITION")).setSort("none")
                            // room beside and below for the labels, which carry the medians
                            .setTop(40).setBottom(36).setLeft(rtl ? "40%" : "5%").setWidth("55%")
                            .setLabel(new FunnelLabel().setPosition(rtl ? "left" : "right"))
                            .setData(stages.toArray()));
            return chart("funnel", option, new Table("petition-funnel", List.of(text("column.stage"),
                    text("column.petitions"), text("column.ofSubmitted"), text("column.medianDays"),
                    text("column.petitionsTimed")), table));
        }

        private PublishedParticipation query(List<ParticipationDimension> groupBy, boolean inSemester) {
            Map<ParticipationDimension, List<Object>> where = new LinkedHashMap<>(scope.filter());
            where.putAll(filters.participation());
            if (inSemester && filters.semester() != null) {
                where.put(SEMESTER, List.of(filters.semester()));
            }
            return disclosure.participation(new ParticipationQuery(groupBy, where, null, null), user.scope(),
                    Audience.of(user));
        }


        /** Activities beside suppressed participants are not shown either. */
        private Object shown(Long activities) {
            return activities == null ? "" : activities;
        }

        private ChartView chart(String id, Option option, Table table) {
            return new ChartView(id, text("mechanisms.chart." + id), text("mechanisms.chart." + id + ".description"),
                    Charts.json(option), table, null);
        }

        private String text(String key, Object... arguments) {
            return wording.text(key, locale, arguments);
        }
    }
}
