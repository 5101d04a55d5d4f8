package ma.tadafor.data.convergence;

/** An activity linked to an INDH project; {@code inferred} links are to be confirmed by the committee. */
public record ConvergenceLink(String communeCode, String communeNameFr, String communeNameAr, String mechanism,
                              String activityTitleFr, String activityTitleAr, String projectRef, String projectTitleFr,
                              String projectTitleAr, int programmeNo, boolean inferred) {
}
