package ma.tadafor.data.mart;

/**
 * An indicator of the results framework for one scope and semester: its definition's labels,
 * baseline, and the target, actual and status of the latest mart refresh; {@code demo} when its
 * baseline or target is the demo's invention, not the programme's (the status then measures nothing real).
 */
public record IndicatorFigure(String code, String result, String labelFr, String labelAr, String unit, Double baseline,
                              Double target, IndicatorActual actual, String status, boolean demo) {
}
