package ma.tadafor.dashboard.chart;

/** A data item of a {@link MapSeries}: the area's shown name, its value (null: no data) and where a click leads. */
public record MapArea(String name, Double value, String code, String drill) {
}
