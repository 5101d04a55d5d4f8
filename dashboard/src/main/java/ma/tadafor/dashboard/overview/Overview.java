package ma.tadafor.dashboard.overview;

import static ma.tadafor.data.mart.ParticipationDimension.AGE_BAND;
import static ma.tadafor.data.mart.ParticipationDimension.COMMUNE;
import static ma.tadafor.data.mart.ParticipationDimension.DISABILITY;
import static ma.tadafor.data.mart.ParticipationDimension.GENDER;
import static ma.tadafor.data.mart.ParticipationDimension.MECHANISM;
import static ma.tadafor.data.mart.ParticipationDimension.SEMESTER;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.charts.pie.PieDataItem;
import org.icepear.echarts.charts.pie.PieSeries;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.grid.Grid;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.icepear.echarts.origin.util.SeriesOption;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import ma.tadafor.dashboard.chart.ChartView;
import ma.tadafor.dashboard.chart.Charts;
import ma.tadafor.dashboard.chart.ContinuousScale;
import ma.tadafor.dashboard.chart.Drill;
import ma.tadafor.dashboard.chart.MapArea;
import ma.tadafor.dashboard.chart.MapSeries;
import ma.tadafor.dashboard.export.Table;
import ma.tadafor.dashboard.page.ChartPage;
import ma.tadafor.dashboard.page.PageView;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.dashboard.disclosure.Audience;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedCount;
import ma.tadafor.dashboard.disclosure.PublishedParticipation;
import ma.tadafor.dashboard.disclosure.PublishedRate;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.dashboard.warehouse.MartCache;
import ma.tadafor.dashboard.wording.Numbers;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.activity.AgeBand;
import ma.tadafor.data.mart.AreaRate;
import ma.tadafor.data.mart.ParticipationDimension;
import ma.tadafor.data.mart.ParticipationQuery;
import ma.tadafor.data.mart.ParticipationRateQueries;
import ma.tadafor.data.territory.Commune;
import ma.tadafor.data.territory.Territory;
import ma.tadafor.data.territory.TerritoryQueries;

/**
 * The overview of one territory and semester: headline figures against the previous semester and
 * six charts, every figure read through the caller's scope and the disclosure layer. Suppressed
 * counts are null in charts and "< 5" in tables.
 */
@Service
class Overview implements ChartPage {

    private static final int RANKED_IN_CHART = 25;
    private static final List<String> GENDERS = List.of("F", "M", "U");
    private static final List<String> DISABILITIES = List.of("NO", "YES", "UNKNOWN");

    private final Disclosure disclosure;
    private final ParticipationRateQueries rates;
    private final TerritoryQueries territories;
    private final Wording wording;
    private final MartCache cache;

    Overview(Disclosure disclosure, ParticipationRateQueries rates, TerritoryQueries territories,
            Wording wording, MartCache cache) {
        this.disclosure = disclosure;
        this.rates = rates;
        this.territories = territories;
        this.wording = wording;
        this.cache = cache;
    }

    /** A headline figure; {@code lineage}: its "where does this number come from?" page, when it is one participation figure. */
    record Headline(String key, String label, String value, String previous, String change, String lineage) {

        Headline(String key, String label, String value, String previous, String change) {
            this(key, label, value, previous, change, null);
        }

        Headline withLineage(String page) {
            return new Headline(key, label, value, previous, change, page);
        }
    }

    /**
     * The participation filter (API name and value) of each headline figure that is one participation
     * figure, or of its items: communes and activities are counted from the same items as the
     * participants. The youth share spans two age bands, which a lineage (one value a filter) cannot ask.
     */
    private static final Map<String, List<String>> LINEAGE = Map.of("communes", List.of(), "activities", List.of(),
            "participants", List.of(), "women", List.of("gender", "F"), "disability", List.of("disability", "YES"),
            "petitions", List.of("mechanism", "PETITION"), "budgets", List.of("mechanism", "PARTICIPATORY_BUDGET"));

    record OverviewData(String scope, String semester, String previous, List<String> semesters,
                        List<Headline> headline, List<ChartView> charts) implements ChartPage.Figures {
    }

    /** The semesters with participation in view, oldest first: the choices of the semester filter. */
    List<String> semesters(SignedInUser user, ViewScope scope, ViewFilters filters, Locale locale) {
        return new Figures(user, scope, filters, locale).semesters();
    }

    /**
     * The overview, built once per marts for each view: every figure comes from the marts (and the
     * reference territories), so the same view answers the same until the next refresh. The view is
     * what the figures depend on: the caller's scope, their audience (exact or protected), the territory,
     * the filters and the language.
     */
    @Override
    public String path() {
        return "/overview";
    }

    @Override
    public OverviewData figures(PageView page) {
        SignedInUser user = page.user();
        ViewScope scope = page.scope();
        ViewFilters filters = page.filters();
        Locale locale = page.locale();
        return cache.get(List.of("overview", user.scope(), Audience.of(user), scope.key(), filters,
                locale.getLanguage()), () -> compute(user, scope, filters, locale));
    }

    private OverviewData compute(SignedInUser user, ViewScope scope, ViewFilters filters, Locale locale) {
        Figures figures = new Figures(user, scope, filters, locale);
        List<String> semesters = figures.semesters();
        String semester = filters.semester() != null ? filters.semester()
                : semesters.isEmpty() ? null : semesters.get(semesters.size() - 1);
        if (semester == null) {
            return new OverviewData(scope.key(), null, null, semesters, List.of(), List.of());
        }
        String previous = ViewFilters.previous(semester);
        List<ChartView> charts = new ArrayList<>();
        charts.add(figures.bySemester(semesters));
        charts.add(figures.mechanisms(semester));
        charts.add(figures.pyramid(semester));
        charts.add(figures.disability(semester));
        ChartView map = figures.map(semester, filters.withSemester(semester));
        if (map != null) {
            charts.add(map);
        }
        charts.add(figures.ranking(semester, filters.withSemester(semester)));
        return new OverviewData(scope.key(), semester, previous, semesters, figures.headline(semester, previous), charts);
    }

    /** The figures of one request: scope, filters and language stay fixed while the charts are built. */
    private final class Figures {

        private final SignedInUser user;
        private final ViewScope scope;
        private final ViewFilters filters;
        private final Locale locale;
        private final boolean rtl;
        private final Audience audience;

        Figures(SignedInUser user, ViewScope scope, ViewFilters filters, Locale locale) {
            this.user = user;
            this.scope = scope;
            this.filters = filters;
            this.locale = locale;
            this.rtl = Wording.arabic(locale);
            this.audience = Audience.of(user);
        }

        List<String> semesters() {
            return query(List.of(SEMESTER), null).rows().stream().map(row -> (String) row.value(SEMESTER))
                    .filter(Objects::nonNull).toList();
        }

        List<Headline> headline(String semester, String previous) {
            Map<String, PublishedParticipation> now = new LinkedHashMap<>();
            Map<String, PublishedParticipation> before = new LinkedHashMap<>();
            for (ParticipationDimension dimension : List.of(COMMUNE, GENDER, AGE_BAND, DISABILITY, MECHANISM)) {
                now.put(dimension.apiName(), query(List.of(dimension), semester));
                before.put(dimension.apiName(), query(List.of(dimension), previous));
            }
            List<Headline> headline = new ArrayList<>();
            headline.add(count("communes", communesActive(now), communesActive(before)));
            headline.add(count("activities", now.get("commune").totalActivities(), before.get("commune").totalActivities()));
            headline.add(count("participants", now.get("commune").total(), before.get("commune").total()));
            headline.add(share("women", now.get("gender"), before.get("gender"), GENDER, "F"::equals, "U"::equals));
            headline.add(share("youth", now.get("ageBand"), before.get("ageBand"), AGE_BAND,
                    band -> band.equals("18-24") || band.equals("25-34"), "UNKNOWN"::equals));
            headline.add(share("disability", now.get("disability"), before.get("disability"), DISABILITY, "YES"::equals,
                    "UNKNOWN"::equals));
            headline.add(count("petitions", activities(now.get("mechanism"), "PETITION"),
                    activities(before.get("mechanism"), "PETITION")));
            headline.add(count("budgets", activities(now.get("mechanism"), "PARTICIPATORY_BUDGET"),
                    activities(before.get("mechanism"), "PARTICIPATORY_BUDGET")));
            return headline.stream().map(h -> LINEAGE.containsKey(h.key()) ? h.withLineage(lineage(LINEAGE.get(h.key()), semester))
                    : h).toList();
        }

        /** The lineage page of the view's participation in {@code semester}, narrowed by {@code filter} (name, value). */
        private String lineage(List<String> filter, String semester) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/lineage").queryParam("scope", scope.key())
                    .queryParam("semester", semester);
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("mechanism", this.filters.mechanism());
            filters.put("gender", this.filters.gender());
            filters.put("ageBand", this.filters.ageBand());
            filters.put("disability", this.filters.disability() == null ? null : this.filters.disability().equals("true") ? "YES" : "NO");
            if (!filter.isEmpty()) {
                filters.put(filter.get(0), filter.get(1));
            }
            filters.forEach((name, value) -> {
                if (value != null) {
                    uri.queryParam(name, value);
                }
            });
            return uri.encode().build().toUriString();
        }

        ChartView bySemester(List<String> semesters) {
            PublishedParticipation rows = query(List.of(SEMESTER, GENDER), null);
            Map<String, long[]> bySemester = new LinkedHashMap<>();
            semesters.forEach(semester -> bySemester.put(semester, new long[3]));
            for (PublishedParticipation.Row row : rows.rows()) {
                long[] counts = bySemester.get((String) row.value(SEMESTER));
                if (counts != null) {
                    counts[GENDERS.indexOf((String) row.value(GENDER))] += row.participants().shownOrZero();
                }
            }
            Option option = Charts.base(rtl).setLegend(Charts.legend(rtl))
                    .setTooltip(new Tooltip().setTrigger("axis"))
                    .setXAxis(Charts.bottomCategories(semesters, rtl))
                    .setYAxis(Charts.sideValues(rtl));
            String[] colours = {Charts.WOMEN, Charts.MEN, Charts.UNKNOWN};
            SeriesOption[] series = new SeriesOption[3];
            for (int g = 0; g < 3; g++) {
                int gender = g;
                series[g] = new BarSeries().setName(text("gender." + GENDERS.get(g))).setStack("gender")
                        .setColor(colours[g])
                        .setData(bySemester.values().stream().map(counts -> (Number) counts[gender]).toArray());
            }
            option.setSeries(series);
            List<List<Object>> table = new ArrayList<>();
            bySemester.forEach((semester, counts) -> table.add(List.of(semester, counts[0], counts[1], counts[2],
                    counts[0] + counts[1] + counts[2])));
            return chart("semesters", option, new Table("participation-by-semester",
                    List.of(text("column.semester"), text("gender.F"), text("gender.M"), text("gender.U"),
                            text("column.participants")), table));
        }

        ChartView mechanisms(String semester) {
            List<PublishedParticipation.Row> rows = new ArrayList<>(query(List.of(MECHANISM), semester).rows());
            rows.sort(Comparator.comparingLong((PublishedParticipation.Row row) -> row.participants().shownOrZero()).reversed());
            List<String> names = rows.stream().map(row -> text("mechanism." + row.value(MECHANISM))).toList();
            Option option = Charts.base(rtl).setLegend(Charts.legend(rtl))
                    .setTooltip(new Tooltip().setTrigger("axis"))
                    .setYAxis(Charts.sideCategories(names, rtl))
                    .setXAxis(Charts.bottomValues(rtl))
                    .setSeries(new SeriesOption[] {
                            new BarSeries().setName(text("column.participants"))
                                    .setData(rows.stream().map(row -> (Number) row.participants().value()).toArray()),
                            new BarSeries().setName(text("column.activities"))
                                    .setData(rows.stream().map(row -> (Number) row.activities()).toArray())});
            List<List<Object>> table = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                table.add(List.of(names.get(i), shown(rows.get(i).activities()), rows.get(i).participants().shown()));
            }
            return chart("mechanisms", option, new Table("mechanisms-" + semester,
                    List.of(text("column.mechanism"), text("column.activities"), text("column.participants")), table));
        }

        /** Two grids back to back, men on one side and women on the other: no negative numbers to explain. */
        ChartView pyramid(String semester) {
            PublishedParticipation figures = query(List.of(AGE_BAND, GENDER), semester);
            List<String> bands = List.of(AgeBand.UNDER_18, AgeBand.AGE_18_24, AgeBand.AGE_25_34, AgeBand.AGE_35_59,
                    AgeBand.AGE_60_PLUS).stream().map(AgeBand::code).toList();
            Number[][] values = new Number[2][bands.size()];
            List<List<Object>> table = new ArrayList<>();
            for (PublishedParticipation.Row row : figures.rows()) {
                String band = (String) row.value(AGE_BAND);
                String gender = (String) row.value(GENDER);
                table.add(List.of(text("ageBand." + band), text("gender." + gender), row.participants().shown()));
                int side = List.of("M", "F").indexOf(gender);
                if (side >= 0 && bands.contains(band)) {
                    values[side][bands.indexOf(band)] = row.participants().value();
                }
            }
            List<String> bandNames = bands.stream().map(band -> text("ageBand." + band)).toList();
            // Men on the left in French, on the right in Arabic; each half grows outwards from the middle,
            // both on one scale, so that bars of equal length are equal counts.
            int menGrid = rtl ? 1 : 0;
            long largest = java.util.Arrays.stream(values).flatMap(java.util.Arrays::stream).filter(Objects::nonNull)
                    .mapToLong(Number::longValue).max().orElse(0);
            Number scale = largest == 0 ? null : roundedUp(largest);
            Option option = Charts.base(rtl).setLegend(Charts.legend(rtl))
                    .setTooltip(new Tooltip().setTrigger("axis"))
                    .setGrid(new Grid[] {
                            new Grid().setContainLabel(true).setLeft("2%").setRight("52%").setTop(36).setBottom(8),
                            new Grid().setContainLabel(true).setLeft("52%").setRight("2%").setTop(36).setBottom(8)})
                    .setXAxis(new ValueAxis[] {new ValueAxis().setGridIndex(0).setInverse(true).setMin(0).setMax(scale),
                            new ValueAxis().setGridIndex(1).setMin(0).setMax(scale)})
                    .setYAxis(new CategoryAxis[] {
                            new CategoryAxis().setGridIndex(0).setData(bandNames.toArray()).setPosition("right")
                                    .setAxisLabel(Map.of("show", false)),
                            new CategoryAxis().setGridIndex(1).setData(bandNames.toArray()).setPosition("left")})
                    .setSeries(new SeriesOption[] {
                            new BarSeries().setName(text("gender.M")).setColor(Charts.MEN)
                                    .setXAxisIndex(menGrid).setYAxisIndex(menGrid).setData(values[0]),
                            new BarSeries().setName(text("gender.F")).setColor(Charts.WOMEN)
                                    .setXAxisIndex(1 - menGrid).setYAxisIndex(1 - menGrid).setData(values[1])});
            return chart("pyramid", option, new Table("age-sex-" + semester,
                    List.of(text("column.ageBand"), text("column.gender"), text("column.participants")), table));
        }

        ChartView disability(String semester) {
            PublishedParticipation figures = query(List.of(DISABILITY), semester);
            List<PieDataItem> slices = new ArrayList<>();
            List<List<Object>> table = new ArrayList<>();
            String[] colours = {Charts.MEN, Charts.PALETTE[1], Charts.UNKNOWN};
            for (PublishedParticipation.Row row : figures.rows()) {
                String value = (String) row.value(DISABILITY);
                String name = text("disability." + value);
                table.add(List.of(name, row.participants().shown()));
                if (!row.participants().suppressed()) {
                    slices.add(new PieDataItem().setName(name).setValue(row.participants().value())
                            .setItemStyle(new org.icepear.echarts.charts.pie.PieItemStyle()
                                    .setColor(colours[Math.max(0, DISABILITIES.indexOf(value))])));
                }
            }
            Option option = Charts.base(rtl).setLegend(Charts.legend(rtl))
                    .setSeries(new PieSeries().setName(text("overview.chart.disability"))
                            .setRadius(new String[] {"40%", "70%"}).setCenter(new String[] {"50%", "55%"})
                            .setData(slices.toArray(PieDataItem[]::new)));
            return chart("disability", option, new Table("disability-" + semester,
                    List.of(text("column.disability"), text("column.participants")), table));
        }

        /** Regions at programme level, else the provinces of the territory's region, coloured by participants per 1,000. */
        ChartView map(String semester, ViewFilters links) {
            boolean regions = scope.programme();
            String region = regions ? null : scope.territory().regionCode();
            List<AreaRate> areas = rates.areas(regions ? Territory.Level.REGION : Territory.Level.PROVINCE, region, semester,
                    user.scope());
            if (areas.isEmpty()) {
                return null;
            }
            Map<String, String> names = new LinkedHashMap<>();
            List<MapArea> data = new ArrayList<>();
            List<List<Object>> table = new ArrayList<>();
            double max = 0;
            for (AreaRate area : areas) {
                String name = rtl && area.nameAr() != null ? area.nameAr() : area.nameFr();
                names.put(area.code(), name);
                PublishedRate rate = area.rate() == null ? null : disclosure.rate(area.rate(), audience);
                Double per1000 = rate == null ? null : rate.participantsPer1000();
                if (per1000 != null) {
                    max = Math.max(max, per1000);
                }
                String key = (regions ? "region:" : "province:") + area.code();
                data.add(new MapArea(name, per1000 == null ? null : round(per1000), area.code(), links.url("/", key)));
                table.add(List.of(area.code(), name, rate == null ? 0L : rate.participants().shown(),
                        rate == null || rate.population() == null ? "" : rate.population(),
                        per1000 == null ? "" : round(per1000)));
            }
            String geoName = regions ? "regions" : "provinces-" + region;
            ContinuousScale scale = new ContinuousScale().setInRangeColors(Charts.SEQUENTIAL);
            scale.setMin(0).setMax(Math.max(1, Math.ceil(max))).setCalculable(true).setOrient("vertical").setBottom(8)
                    .setText(new String[] {text("overview.map.high"), text("overview.map.low")});
            if (rtl) {
                scale.setRight(8);
            } else {
                scale.setLeft(8);
            }
            Option option = Charts.base(rtl).setVisualMap(scale)
                    .setSeries(new MapSeries().setMap(geoName).setNameProperty("code").setNameMap(names).setRoam(false)
                            .setName(text("column.per1000")).setData(data.toArray()));
            ChartView view = chart("map", option, new Table("participation-map-" + semester,
                    List.of(text("column.code"), text("column.territory"), text("column.participants"),
                            text("column.population"), text("column.per1000")), table));
            return new ChartView(view.id(), view.title(), view.description(), view.option(), view.table(),
                    new ChartView.GeoSource(geoName, regions ? "/geo/regions.json" : "/geo/provinces.json?region=" + region));
        }

        /** The communes in view by participants per 1,000 inhabitants; a bar opens the commune. */
        ChartView ranking(String semester, ViewFilters links) {
            Map<String, PublishedCount> participants = new LinkedHashMap<>();
            query(List.of(COMMUNE), semester).rows()
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
            for (Commune commune : territories.communes(user.scope(), true)) {
                if (inView.test(commune)) {
                    PublishedCount count = participants.getOrDefault(commune.code(), PublishedCount.ZERO);
                    Long population = commune.population().total();
                    ranked.add(new Ranked(commune, count, population == null || population == 0 || count.suppressed()
                            ? null : round(count.perturbed() * 1000.0 / population)));
                }
            }
            ranked.sort(Comparator.comparing((Ranked r) -> r.per1000() == null ? -1 : r.per1000()).reversed());
            List<String> names = ranked.stream()
                    .map(r -> rtl && r.commune().nameAr() != null ? r.commune().nameAr() : r.commune().nameFr()).toList();
            // The chart shows the leading communes legibly; the table lists them all.
            List<Ranked> shown = ranked.subList(0, Math.min(RANKED_IN_CHART, ranked.size()));
            Drill[] bars = shown.stream().map(r -> new Drill().setDrill(links.url("/", "commune:" + r.commune().code()))
                    .setValue(r.per1000())).toArray(Drill[]::new);
            Option option = Charts.base(rtl).setTooltip(new Tooltip().setTrigger("axis"))
                    .setYAxis(Charts.sideCategories(names.subList(0, shown.size()), rtl))
                    .setXAxis(Charts.bottomValues(rtl))
                    .setSeries(new BarSeries().setName(text("column.per1000")).setColor(Charts.PALETTE[2]).setData(bars));
            List<List<Object>> table = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                Ranked r = ranked.get(i);
                table.add(List.of(r.commune().code(), names.get(i), r.participants().shown(),
                        r.commune().population().total() == null ? "" : r.commune().population().total(),
                        r.per1000() == null ? "" : r.per1000()));
            }
            return chart("ranking", option, new Table("communes-" + semester,
                    List.of(text("column.code"), text("column.commune"), text("column.participants"),
                            text("column.population"), text("column.per1000")), table));
        }

        /** The participation in view, of one semester or (null) of all. */
        private PublishedParticipation query(List<ParticipationDimension> groupBy, String semester) {
            Map<ParticipationDimension, List<Object>> where = new LinkedHashMap<>(scope.filter());
            where.putAll(filters.participation());
            if (semester != null) {
                where.put(SEMESTER, List.of(semester));
            }
            return disclosure.participation(new ParticipationQuery(groupBy, where, null, null), user.scope(), audience);
        }

        private Headline count(String key, PublishedCount now, PublishedCount before) {
            String change = now.suppressed() || before.suppressed() || before.perturbed() == 0 ? null
                    : signed((now.perturbed() - before.perturbed()) * 100.0 / before.perturbed(), " %");
            return new Headline(key, text("overview.headline." + key), now.suppressed() ? PublishedCount.SUPPRESSED : number(now.perturbed()),
                    before.suppressed() ? PublishedCount.SUPPRESSED : number(before.perturbed()), change);
        }

        private Headline count(String key, long now, long before) {
            String change = before == 0 ? null : signed((now - before) * 100.0 / before, " %");
            return new Headline(key, text("overview.headline." + key), number(now), number(before), change);
        }

        /**
         * A share of participants of known value, from the published rows: "< 5" when a count it is
         * made of is suppressed, since a share and its total would give the count back.
         */
        private Headline share(String key, PublishedParticipation now, PublishedParticipation before,
                ParticipationDimension dimension, Predicate<String> counted, Predicate<String> unknown) {
            Double nowShare = share(now, dimension, counted, unknown);
            Double beforeShare = share(before, dimension, counted, unknown);
            String label = text("overview.headline." + key);
            return new Headline(key, label, nowShare == null && hasSuppressed(now, dimension, counted) ? PublishedCount.SUPPRESSED
                    : percent(nowShare), percent(beforeShare),
                    nowShare == null || beforeShare == null ? null : signed(nowShare - beforeShare, " " + text("overview.points")));
        }

        private Double share(PublishedParticipation figures, ParticipationDimension dimension, Predicate<String> counted,
                Predicate<String> unknown) {
            long part = 0;
            long known = 0;
            for (PublishedParticipation.Row row : figures.rows()) {
                String value = String.valueOf(row.value(dimension));
                if (!unknown.test(value)) {
                    if (row.participants().suppressed()) {
                        return null;
                    }
                    known += row.participants().perturbed();
                    if (counted.test(value)) {
                        part += row.participants().perturbed();
                    }
                }
            }
            return known == 0 ? null : part * 100.0 / known;
        }

        private boolean hasSuppressed(PublishedParticipation figures, ParticipationDimension dimension,
                Predicate<String> counted) {
            return figures.rows().stream().anyMatch(row -> counted.test(String.valueOf(row.value(dimension)))
                    && row.participants().suppressed());
        }


        /** Activities beside suppressed participants are not shown either. */
        private Object shown(Long activities) {
            return activities == null ? "" : activities;
        }

        private ChartView chart(String id, Option option, Table table) {
            return new ChartView(id, text("overview.chart." + id), text("overview.chart." + id + ".description"),
                    Charts.json(option), table, null);
        }

        private String text(String key) {
            return wording.text(key, locale);
        }

        private String number(long value) {
            return Numbers.count(value);
        }

        private String percent(Double value) {
            return Numbers.percent(value);
        }

        private String signed(double value, String unit) {
            return Numbers.change(value, unit);
        }
    }

    /** A scale's end above {@code value}: 1, 1.5, 2, 2.5 … times a power of ten (4,837 → 5,000). */
    static long roundedUp(long value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        return (long) (Math.ceil(value / power * 2) / 2 * power);
    }

    /** Communes with at least one activity: a commune has a row only then. */
    private static long communesActive(Map<String, PublishedParticipation> figures) {
        return figures.get("commune").rows().size();
    }

    /** Activities of a mechanism; those of a row whose participants are suppressed are not shown. */
    private static long activities(PublishedParticipation figures, String mechanism) {
        return figures.rows().stream().filter(row -> mechanism.equals(row.value(MECHANISM)) && row.activities() != null)
                .mapToLong(PublishedParticipation.Row::activities).sum();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
