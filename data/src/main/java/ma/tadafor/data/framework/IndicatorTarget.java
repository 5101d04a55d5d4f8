package ma.tadafor.data.framework;

/** A semester target of an indicator for a scope; {@code demo} when the demo invented it. */
public record IndicatorTarget(String indicatorCode, String scope, String semester, double target, boolean demo) {
}
