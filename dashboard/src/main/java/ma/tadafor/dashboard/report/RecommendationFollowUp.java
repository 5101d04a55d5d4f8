package ma.tadafor.dashboard.report;

import java.time.LocalDate;
import java.util.List;

import ma.tadafor.data.committee.Recommendation;
import ma.tadafor.data.committee.RecommendationStatus;

/**
 * How a province's committee follows up its recommendations: how many it issued, where they
 * stand, how many are overdue, and two rates: the share that had at least one follow-up note, and
 * the share implemented among those not dropped (null when there is none to count).
 */
record RecommendationFollowUp(int issued, int open, int done, int dropped, int overdue, Double followedUpShare,
                              Double implementedShare) {

    static RecommendationFollowUp of(List<Recommendation> recommendations, LocalDate today) {
        int issued = recommendations.size();
        int open = (int) recommendations.stream().filter(r -> r.status().open()).count();
        int done = count(recommendations, RecommendationStatus.DONE);
        int dropped = count(recommendations, RecommendationStatus.DROPPED);
        int overdue = (int) recommendations.stream().filter(r -> r.overdue(today)).count();
        int followedUp = (int) recommendations.stream().filter(r -> !r.notes().isEmpty()).count();
        return new RecommendationFollowUp(issued, open, done, dropped, overdue, percent(followedUp, issued),
                percent(done, issued - dropped));
    }

    private static int count(List<Recommendation> recommendations, RecommendationStatus status) {
        return (int) recommendations.stream().filter(r -> r.status() == status).count();
    }

    private static Double percent(int part, int whole) {
        return whole == 0 ? null : 100.0 * part / whole;
    }
}
