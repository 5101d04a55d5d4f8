package ma.tadafor.dashboard.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import ma.tadafor.dashboard.export.Table;

/**
 * One chart of a page as its script receives it: the ECharts option (JSON rendered by the
 * wrapper's engine, passed through as is), a text alternative, the same figures as a table (shown
 * under the chart and offered for download), for maps the geometry to register first and, for a
 * chart with nothing to show, why, in the reader's words (absent otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChartView(String id, String title, String description, @JsonRawValue String option, Table table,
                        GeoSource geo, String empty) {

    public ChartView(String id, String title, String description, String option, Table table, GeoSource geo) {
        this(id, title, description, option, table, geo, null);
    }

    /** This chart, saying why it shows nothing. */
    public ChartView emptyBecause(String why) {
        return new ChartView(id, title, description, option, table, geo, why);
    }

    /** The GeoJSON a map series names: registered under {@code name}, fetched from {@code url}. */
    public record GeoSource(String name, String url) {
    }
}
