package ma.tadafor.dashboard.chart;

import org.icepear.echarts.charts.bar.BarDataItem;

/**
 * A bar that opens another view when clicked: ECharts hands the data item to the click handler
 * of {@code static/js/charts.js}, which follows {@code drill} (a path on this site).
 */
public class Drill extends BarDataItem {

    private static final long serialVersionUID = 1L;

    private String drill;

    public Drill setDrill(String drill) {
        this.drill = drill;
        return this;
    }
}
