package ma.tadafor.dashboard.disclosure;

/**
 * How complete a commune's figures are, as it may be shown: its participants and the shares of them
 * (percent) whose gender, age or disability is unknown, each from protected counts.
 */
public record PublishedCompleteness(PublishedCount participants, Double unknownGenderShare, Double unknownAgeShare,
                                    Double unknownDisabilityShare) {

    /** The largest of the three shares, 0 where none is known. */
    public double worstShare() {
        double worst = 0;
        for (Double share : new Double[] {unknownGenderShare, unknownAgeShare, unknownDisabilityShare}) {
            worst = share == null ? worst : Math.max(worst, share);
        }
        return worst;
    }
}
