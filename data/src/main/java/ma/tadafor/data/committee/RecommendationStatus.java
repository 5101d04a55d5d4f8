package ma.tadafor.data.committee;

import java.util.Set;

/**
 * The life-cycle of a recommendation: proposed at a meeting, accepted by its owner, in progress,
 * then done or dropped. Closed is final: a committee that wants more issues a new one.
 */
public enum RecommendationStatus {
    PROPOSED,
    ACCEPTED,
    IN_PROGRESS,
    DONE,
    DROPPED;

    public boolean open() {
        return this != DONE && this != DROPPED;
    }

    public boolean mayBecome(RecommendationStatus next) {
        return next != this && next().contains(next);
    }

    public Set<RecommendationStatus> next() {
        return switch (this) {
            case PROPOSED -> Set.of(ACCEPTED, IN_PROGRESS, DONE, DROPPED);
            case ACCEPTED -> Set.of(IN_PROGRESS, DONE, DROPPED);
            case IN_PROGRESS -> Set.of(DONE, DROPPED);
            case DONE, DROPPED -> Set.of();
        };
    }
}
