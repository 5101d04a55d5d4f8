package ma.tadafor.data.mart;

/** One indicator in one semester of a scope: actual, target and status (null actual or target: none). */
public record IndicatorPoint(String code, String semester, IndicatorActual actual, Double target, String status) {
}
