package ma.tadafor.data.mart;

/**
 * Participation of one scope in one semester against its census population: shares among
 * participants of known value (percent), and representation indices (share ÷ population share,
 * 1 is parity). Any figure may be null when its denominator is zero or unknown.
 */
public record ParticipationRate(String semester, long participants, Long population, Double participantsPer1000,
                                Double womenShare, Double womenIndex, Double youthShare, Double youthIndex,
                                Double disabilityShare, Double disabilityIndex) {
}
