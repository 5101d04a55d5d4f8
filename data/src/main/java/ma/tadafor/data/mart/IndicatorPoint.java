package ma.tadafor.data.mart;

/** One indicator in one semester of a scope: actual, target and status (null actual or target: none). */
public record IndicatorPoint(String code, String semester, Double actual, Double target, String status) {
}
