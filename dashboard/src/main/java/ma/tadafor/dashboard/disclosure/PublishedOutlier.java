package ma.tadafor.dashboard.disclosure;

/**
 * An outlier's figures as they may be shown: its participants and the median it was judged against,
 * protected like any count for everyone but the administrator; its score only for the administrator
 * (null otherwise), since an exact ratio or z-score beside two protected counts would undo their noise.
 */
public record PublishedOutlier(PublishedCount value, PublishedCount expected, Double score) {
}
