package ma.tadafor.data.activity;

/** A text in French and/or Arabic; either may be null. */
public record LocalizedText(String fr, String ar) {
}
