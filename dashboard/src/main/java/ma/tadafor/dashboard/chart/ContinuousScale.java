package ma.tadafor.dashboard.chart;

import java.util.Map;

import org.icepear.echarts.components.visualMap.ContinousVisualMap;

/** A continuous visual map with {@code inRange}, which the wrapper's model (ECharts 5.2) leaves out. */
public class ContinuousScale extends ContinousVisualMap {

    private static final long serialVersionUID = 1L;

    private Map<String, Object> inRange;

    public ContinuousScale() {
        setType("continuous");
    }

    public ContinuousScale setInRangeColors(String... colors) {
        this.inRange = Map.of("color", colors);
        return this;
    }
}
