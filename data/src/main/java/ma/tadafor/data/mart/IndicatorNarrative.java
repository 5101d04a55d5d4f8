package ma.tadafor.data.mart;

/** The programme's comment on an indicator for one scope and semester, in French and Arabic (either may be null). */
public record IndicatorNarrative(String code, String textFr, String textAr) {
}
