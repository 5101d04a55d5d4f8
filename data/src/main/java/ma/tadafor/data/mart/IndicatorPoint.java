package ma.tadafor.data.mart;

/**
 * One indicator in one semester of a scope: actual, target and status (null actual or target: none),
 * and the indicator's unit ({@code count}, {@code percent} or {@code mad}).
 */
public record IndicatorPoint(String code, String semester, IndicatorActual actual, Double target, String status,
                             String unit) {
}
