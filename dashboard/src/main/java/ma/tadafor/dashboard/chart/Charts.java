package ma.tadafor.dashboard.chart;

import java.util.List;
import java.util.Map;

import org.icepear.echarts.Option;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.grid.Grid;
import org.icepear.echarts.components.legend.Legend;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.icepear.echarts.render.Engine;

/**
 * Building blocks of every chart: an accessible palette, and the right-to-left mirroring ECharts
 * does not do by itself. In Arabic, horizontal category axes run right to left ({@code inverse}),
 * value axes of vertical charts stand on the right, horizontal bars grow leftwards from the right,
 * and legends are right-aligned.
 */
public final class Charts {

    /** Okabe–Ito: told apart by the common colour-vision deficiencies. */
    public static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#000000"};
    public static final String WOMEN = "#CC79A7";
    public static final String MEN = "#0072B2";
    public static final String UNKNOWN = "#9E9E9E";
    /** Light to dark, for choropleths. */
    public static final String[] SEQUENTIAL = {"#E6F2EC", "#9BCFB4", "#3E9C73", "#0B6E4F", "#053B2A"};

    /** An indicator's status (the word always goes with it: never colour alone). */
    public static final Map<String, String> STATUS_COLOURS = Map.of("ON_TRACK", "#00734f", "AT_RISK", "#a35f00",
            "OFF_TRACK", "#b33c00", "NO_DATA", "#6b6b6b");

    private static final Engine ENGINE = new Engine();

    private Charts() {
    }

    public static Option base(boolean rtl) {
        return new Option()
                .setColor(PALETTE)
                .setAria(Map.of("enabled", true))
                .setTextStyle(Map.of("fontFamily", rtl ? "Noto Naskh Arabic, Amiri, Tahoma, sans-serif"
                        : "Noto Sans, Segoe UI, Tahoma, sans-serif"))
                .setTooltip(new Tooltip().setTrigger("item"))
                // room on both sides for the last value label, which containLabel lets stick out half its width
                .setGrid(new Grid().setContainLabel(true).setLeft(20).setRight(20).setTop(36).setBottom(8));
    }

    public static Legend legend(boolean rtl) {
        Legend legend = new Legend().setTop(0);
        return rtl ? legend.setRight(0).setAlign("right") : legend.setLeft(0).setAlign("left");
    }

    /** Categories along the bottom, read in the page's direction. */
    public static CategoryAxis bottomCategories(List<String> names, boolean rtl) {
        return new CategoryAxis().setData(names.toArray()).setInverse(rtl);
    }

    /** The value axis of a vertical chart, on the reading side. */
    public static ValueAxis sideValues(boolean rtl) {
        return new ValueAxis().setPosition(rtl ? "right" : "left");
    }

    /** Categories down the reading side of a horizontal bar chart, the first on top; long names end in "…". */
    public static CategoryAxis sideCategories(List<String> names, boolean rtl) {
        return new CategoryAxis().setData(names.toArray()).setInverse(true).setPosition(rtl ? "right" : "left")
                .setAxisLabel(Map.of("width", 180, "overflow", "truncate"));
    }

    /** The value axis of a horizontal bar chart: bars grow away from the reading side. */
    public static ValueAxis bottomValues(boolean rtl) {
        return new ValueAxis().setInverse(rtl);
    }

    public static String json(Option option) {
        return ENGINE.renderJsonOption(option);
    }
}
