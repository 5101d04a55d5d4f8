package ma.tadafor.dashboard.overview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.icepear.echarts.Option;
import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.chart.ChartView;
import ma.tadafor.dashboard.chart.Charts;
import ma.tadafor.dashboard.chart.ContinuousScale;
import ma.tadafor.dashboard.chart.MapArea;
import ma.tadafor.dashboard.chart.MapSeries;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.disclosure.PublishedRate;
import ma.tadafor.dashboard.export.Table;
import ma.tadafor.dashboard.page.ViewFilters;
import ma.tadafor.dashboard.page.ViewScope;
import ma.tadafor.data.mart.AreaRate;
import ma.tadafor.data.mart.ParticipationRateQueries;
import ma.tadafor.data.territory.Territory;

/**
 * The overview's map: participants per 1,000 inhabitants of the semester, by region or province,
 * through the disclosure layer's published rates; a click opens the area.
 */
@Component
class ParticipationMap {

    private final ParticipationRateQueries rates;
    private final Disclosure disclosure;

    ParticipationMap(ParticipationRateQueries rates, Disclosure disclosure) {
        this.rates = rates;
        this.disclosure = disclosure;
    }

    /** Regions at programme level, else the provinces of the territory's region, coloured by participants per 1,000. */
    ChartView of(ParticipationInView view, String semester) {
        boolean rtl = view.rtl();
        ViewScope scope = view.scope();
        ViewFilters links = view.filters().withSemester(semester);
        boolean regions = scope.programme();
        String region = regions ? null : scope.territory().regionCode();
        List<AreaRate> areas = rates.areas(regions ? Territory.Level.REGION : Territory.Level.PROVINCE, region, semester,
                view.user().scope());
        if (areas.isEmpty()) {
            return null;
        }
        Map<String, String> names = new LinkedHashMap<>();
        List<MapArea> data = new ArrayList<>();
        List<List<Object>> table = new ArrayList<>();
        double max = 0;
        for (AreaRate area : areas) {
            String name = view.name(area.nameFr(), area.nameAr());
            names.put(area.code(), name);
            PublishedRate rate = area.rate() == null ? null : disclosure.rate(area.rate(), view.audience());
            Double per1000 = rate == null ? null : rate.participantsPer1000();
            if (per1000 != null) {
                max = Math.max(max, per1000);
            }
            String key = (regions ? "region:" : "province:") + area.code();
            data.add(new MapArea(name, per1000 == null ? null : ParticipationInView.round(per1000), area.code(), links.url("/", key)));
            table.add(List.of(area.code(), name, rate == null ? 0L : rate.participants().shown(),
                    rate == null || rate.population() == null ? "" : rate.population(),
                    per1000 == null ? "" : ParticipationInView.round(per1000)));
        }
        String geoName = regions ? "regions" : "provinces-" + region;
        ContinuousScale scale = new ContinuousScale().setInRangeColors(Charts.SEQUENTIAL);
        scale.setMin(0).setMax(Math.max(1, Math.ceil(max))).setCalculable(true).setOrient("vertical").setBottom(8)
                .setText(new String[] {view.text("overview.map.high"), view.text("overview.map.low")});
        if (rtl) {
            scale.setRight(8);
        } else {
            scale.setLeft(8);
        }
        Option option = Charts.base(rtl).setVisualMap(scale)
                .setSeries(new MapSeries().setMap(geoName).setNameProperty("code").setNameMap(names).setRoam(false)
                        .setName(view.text("column.per1000")).setData(data.toArray()));
        ChartView chart = view.chart("map", option, new Table("participation-map-" + semester,
                List.of(view.text("column.code"), view.text("column.territory"), view.text("column.participants"),
                        view.text("column.population"), view.text("column.per1000")), table));
        return new ChartView(chart.id(), chart.title(), chart.description(), chart.option(), chart.table(),
                new ChartView.GeoSource(geoName, regions ? "/geo/regions.json" : "/geo/provinces.json?region=" + region));
    }
}
