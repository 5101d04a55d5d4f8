package ma.tadafor.dashboard.overview;

import static ma.tadafor.data.mart.ParticipationDimension.AGE_BAND;
import static ma.tadafor.data.mart.ParticipationDimension.DISABILITY;
import static ma.tadafor.data.mart.ParticipationDimension.GENDER;
import static ma.tadafor.data.mart.ParticipationDimension.MECHANISM;
import static ma.tadafor.data.mart.ParticipationDimension.SEMESTER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.charts.pie.PieDataItem;
import org.icepear.echarts.charts.pie.PieItemStyle;
import org.icepear.echarts.charts.pie.PieSeries;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.grid.Grid;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.icepear.echarts.origin.util.SeriesOption;
import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.chart.ChartView;
import ma.tadafor.dashboard.chart.Charts;
import ma.tadafor.dashboard.disclosure.PublishedParticipation;
import ma.tadafor.dashboard.export.Table;
import ma.tadafor.data.activity.AgeBand;

/**
 * Who takes part, as the overview breaks it down: participants by semester and gender, by
 * mechanism, by age and sex (a pyramid) and by disability, each chart with its table.
 */
@Component
class ParticipationBreakdowns {

    private static final List<String> GENDERS = List.of("F", "M", "U");
    private static final List<String> DISABILITIES = List.of("NO", "YES", "UNKNOWN");

    ChartView bySemester(ParticipationInView view, List<String> semesters) {
        boolean rtl = view.rtl();
        PublishedParticipation rows = view.participation(List.of(SEMESTER, GENDER), null);
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
            series[g] = new BarSeries().setName(view.text("gender." + GENDERS.get(g))).setStack("gender")
                    .setColor(colours[g])
                    .setData(bySemester.values().stream().map(counts -> (Number) counts[gender]).toArray());
        }
        option.setSeries(series);
        List<List<Object>> table = new ArrayList<>();
        bySemester.forEach((semester, counts) -> table.add(List.of(semester, counts[0], counts[1], counts[2],
                counts[0] + counts[1] + counts[2])));
        return view.chart("semesters", option, new Table("participation-by-semester",
                List.of(view.text("column.semester"), view.text("gender.F"), view.text("gender.M"), view.text("gender.U"),
                        view.text("column.participants")), table));
    }

    ChartView mechanisms(ParticipationInView view, String semester) {
        boolean rtl = view.rtl();
        List<PublishedParticipation.Row> rows = new ArrayList<>(view.participation(List.of(MECHANISM), semester).rows());
        rows.sort(Comparator.comparingLong((PublishedParticipation.Row row) -> row.participants().shownOrZero()).reversed());
        List<String> names = rows.stream().map(row -> view.text("mechanism." + row.value(MECHANISM))).toList();
        Option option = Charts.base(rtl).setLegend(Charts.legend(rtl))
                .setTooltip(new Tooltip().setTrigger("axis"))
                .setYAxis(Charts.sideCategories(names, rtl))
                .setXAxis(Charts.bottomValues(rtl))
                .setSeries(new SeriesOption[] {
                        new BarSeries().setName(view.text("column.participants"))
                                .setData(rows.stream().map(row -> (Number) row.participants().value()).toArray()),
                        new BarSeries().setName(view.text("column.activities"))
                                .setData(rows.stream().map(row -> (Number) row.activities()).toArray())});
        List<List<Object>> table = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            table.add(List.of(names.get(i), shown(rows.get(i).activities()), rows.get(i).participants().shown()));
        }
        return view.chart("mechanisms", option, new Table("mechanisms-" + semester,
                List.of(view.text("column.mechanism"), view.text("column.activities"), view.text("column.participants")), table));
    }

    /** Two grids back to back, men on one side and women on the other: no negative numbers to explain. */
    ChartView pyramid(ParticipationInView view, String semester) {
        boolean rtl = view.rtl();
        PublishedParticipation figures = view.participation(List.of(AGE_BAND, GENDER), semester);
        List<String> bands = List.of(AgeBand.UNDER_18, AgeBand.AGE_18_24, AgeBand.AGE_25_34, AgeBand.AGE_35_59,
                AgeBand.AGE_60_PLUS).stream().map(AgeBand::code).toList();
        Number[][] values = new Number[2][bands.size()];
        List<List<Object>> table = new ArrayList<>();
        for (PublishedParticipation.Row row : figures.rows()) {
            String band = (String) row.value(AGE_BAND);
            String gender = (String) row.value(GENDER);
            table.add(List.of(view.text("ageBand." + band), view.text("gender." + gender), row.participants().shown()));
            int side = List.of("M", "F").indexOf(gender);
            if (side >= 0 && bands.contains(band)) {
                values[side][bands.indexOf(band)] = row.participants().value();
            }
        }
        List<String> bandNames = bands.stream().map(band -> view.text("ageBand." + band)).toList();
        // Men on the left in French, on the right in Arabic; each half grows outwards from the middle,
        // both on one scale, so that bars of equal length are equal counts.
        int menGrid = rtl ? 1 : 0;
        long largest = Arrays.stream(values).flatMap(Arrays::stream).filter(Objects::nonNull)
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
                        new BarSeries().setName(view.text("gender.M")).setColor(Charts.MEN)
                                .setXAxisIndex(menGrid).setYAxisIndex(menGrid).setData(values[0]),
                        new BarSeries().setName(view.text("gender.F")).setColor(Charts.WOMEN)
                                .setXAxisIndex(1 - menGrid).setYAxisIndex(1 - menGrid).setData(values[1])});
        return view.chart("pyramid", option, new Table("age-sex-" + semester,
                List.of(view.text("column.ageBand"), view.text("column.gender"), view.text("column.participants")), table));
    }

    ChartView disability(ParticipationInView view, String semester) {
        boolean rtl = view.rtl();
        PublishedParticipation figures = view.participation(List.of(DISABILITY), semester);
        List<PieDataItem> slices = new ArrayList<>();
        List<List<Object>> table = new ArrayList<>();
        String[] colours = {Charts.MEN, Charts.PALETTE[1], Charts.UNKNOWN};
        for (PublishedParticipation.Row row : figures.rows()) {
            String value = (String) row.value(DISABILITY);
            String name = view.text("disability." + value);
            table.add(List.of(name, row.participants().shown()));
            if (!row.participants().suppressed()) {
                slices.add(new PieDataItem().setName(name).setValue(row.participants().value())
                        .setItemStyle(new PieItemStyle()
                                .setColor(colours[Math.max(0, DISABILITIES.indexOf(value))])));
            }
        }
        Option option = Charts.base(rtl).setLegend(Charts.legend(rtl))
                .setSeries(new PieSeries().setName(view.text("overview.chart.disability"))
                        .setRadius(new String[] {"40%", "70%"}).setCenter(new String[] {"50%", "55%"})
                        .setData(slices.toArray(PieDataItem[]::new)));
        return view.chart("disability", option, new Table("disability-" + semester,
                List.of(view.text("column.disability"), view.text("column.participants")), table));
    }

    /** Activities beside suppressed participants are not shown either. */
    private static Object shown(Long activities) {
        return activities == null ? "" : activities;
    }

    /** A scale's end above {@code value}: 1, 1.5, 2, 2.5 … times a power of ten (4,837 → 5,000). */
    static long roundedUp(long value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        return (long) (Math.ceil(value / power * 2) / 2 * power);
    }
}
