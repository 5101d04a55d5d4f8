package ma.tadafor.data.mart;

/**
 * An indicator of the results framework for one scope and semester: its definition's labels,
 * baseline, and the target, actual and status of the latest mart refresh.
 */
public record IndicatorFigure(String code, String result, String labelFr, String labelAr, String unit, Double baseline,
                              Double target, IndicatorActual actual, String status) {
}
