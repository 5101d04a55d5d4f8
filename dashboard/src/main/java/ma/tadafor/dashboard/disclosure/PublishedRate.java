package ma.tadafor.dashboard.disclosure;

/**
 * Participation of a scope in a semester against the census, as it may be shown: the participants
 * (null when suppressed), their number per 1,000 inhabitants, and the shares among participants
 * of known value (percent) with their representation indices (share ÷ population share, 1 at
 * parity), each computed from protected counts and null without a denominator.
 */
public record PublishedRate(String semester, PublishedCount participants, Long population, Double participantsPer1000,
                            Double womenShare, Double womenIndex, Double youthShare, Double youthIndex,
                            Double disabilityShare, Double disabilityIndex) {
}
