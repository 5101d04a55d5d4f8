package ma.tadafor.data.committee;

/** What a recommendation is about: a commune (HCP code), an indicator (R2.6) or an INDH project (its ref). */
public record RecommendationLink(Kind kind, String ref) {

    public enum Kind {
        COMMUNE,
        INDICATOR,
        INDH_PROJECT
    }
}
