package ma.tadafor.dashboard.chart;

import java.util.Map;

import org.icepear.echarts.charts.scatter.ScatterSeries;

/**
 * ECharts' {@code map} series (a choropleth), which the wrapper lacks. It shares the generic
 * series fields the wrapper models (name, data, label, item style, emphasis, tooltip), so it
 * extends a wrapper series and adds the map's own fields; the wrapper's Gson serialiser writes
 * them into the option like any other.
 */
public class MapSeries extends ScatterSeries {

    private static final long serialVersionUID = 1L;

    /** The name the GeoJSON was registered under ({@code echarts.registerMap}). */
    private String map;
    /** The GeoJSON property that names a feature: our codes, not the geoBoundaries names. */
    private String nameProperty;
    /** Feature code → the name shown (French or Arabic); data items use the shown name. */
    private Map<String, String> nameMap;
    private Boolean roam;

    public MapSeries() {
        setType("map");
    }

    public MapSeries setMap(String map) {
        this.map = map;
        return this;
    }

    public MapSeries setNameProperty(String nameProperty) {
        this.nameProperty = nameProperty;
        return this;
    }

    public MapSeries setNameMap(Map<String, String> nameMap) {
        this.nameMap = nameMap;
        return this;
    }

    public MapSeries setRoam(Boolean roam) {
        this.roam = roam;
        return this;
    }
}
