package ma.tadafor.ingestion.demo;

import static ma.tadafor.ingestion.demo.Seeds.cumulative;

import java.util.EnumMap;
import java.util.Map;

import ma.tadafor.data.activity.Mechanism;

/**
 * How a mechanism's activities look in a typical commune. Distributions are cumulative weights,
 * indexed like the enums: roles by {@code Role}, ages by {@code AgeBand} (without UNKNOWN),
 * themes by {@code Theme}, initiators by {@code Initiator}.
 *
 * @param idPrefix         the portal's item id prefix, as in {@code petition-2024-017}
 * @param weight           relative frequency among a commune's activities
 * @param minPeople        smallest number of participants
 * @param maxPeople        largest number of participants
 * @param womenShift       added to the commune's women share for this mechanism
 * @param disabilityFactor multiplies the commune's disability share for this mechanism
 */
record MechanismSpec(
        String idPrefix,
        double weight,
        int minPeople,
        int maxPeople,
        double[] roles,
        double[] ages,
        double womenShift,
        double disabilityFactor,
        double[] themes,
        double[] initiators) {

    //                                        UNDER_18 18-24 25-34 35-59 60+
    static final double[] ADULT_AGES = cumulative(2, 17, 26, 43, 12);
    /** Petitions need registered voters: no minors. */
    static final double[] VOTER_AGES = cumulative(0, 16, 27, 44, 13);
    static final double[] YOUTH_AGES = cumulative(48, 42, 10, 0, 0);
    static final double[] ONLINE_AGES = cumulative(3, 30, 35, 28, 4);
    /** Elected officials and commune staff, whatever the mechanism. */
    static final double[] OFFICIAL_AGES = cumulative(0, 3, 22, 65, 10);

    //                                        EDU HEALTH INFRA WATER ENV YOUTH ECON SOCIAL GOV OTHER
    private static final double[] ANY_THEME = cumulative(10, 10, 18, 14, 10, 10, 10, 8, 7, 3);
    private static final double[] GOVERNANCE = cumulative(0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
    private static final double[] EQUITY_THEMES = cumulative(10, 10, 0, 0, 0, 0, 30, 40, 10, 0);
    private static final double[] YOUTH_THEMES = cumulative(25, 0, 0, 0, 10, 50, 15, 0, 0, 0);
    private static final double[] SERVICE_THEMES = cumulative(5, 15, 15, 15, 15, 0, 0, 0, 35, 0);

    // spec(mechanism, id prefix, weight, min and max people,
    //      roles: citizen, association member, elected official, commune staff, other;
    //      ages, women shift, disability factor, themes,
    //      initiators: citizens, association, commune, IEECAG, youth council, other)
    private static final Map<Mechanism, MechanismSpec> ALL = new EnumMap<>(Map.ofEntries(
            spec(Mechanism.PETITION, "petition", 4, 50, 600,
                    cumulative(85, 15, 0, 0, 0), VOTER_AGES, -0.03, 1, ANY_THEME,
                    cumulative(70, 30, 0, 0, 0, 0)),
            spec(Mechanism.CONSULTATIVE_OPINION, "opinion", 2, 3, 40,
                    cumulative(30, 70, 0, 0, 0), ADULT_AGES, 0, 1, ANY_THEME,
                    cumulative(25, 60, 0, 15, 0, 0)),
            spec(Mechanism.PARTICIPATORY_BUDGET, "budget", 0.6, 80, 1200,
                    cumulative(90, 10, 0, 0, 0), ADULT_AGES, 0, 1, ANY_THEME,
                    cumulative(0, 0, 100, 0, 0, 0)),
            spec(Mechanism.DIGITAL_CONSULTATION, "consultation", 2.5, 20, 500,
                    cumulative(88, 10, 0, 0, 2), ONLINE_AGES, -0.02, 1, ANY_THEME,
                    cumulative(0, 0, 90, 5, 5, 0)),
            spec(Mechanism.CITIZEN_MEETING, "meeting", 9, 15, 200,
                    cumulative(78, 12, 5, 4, 1), ADULT_AGES, 0, 1, ANY_THEME,
                    cumulative(0, 20, 80, 0, 0, 0)),
            spec(Mechanism.SUGGESTION, "suggestion", 18, 1, 5,
                    cumulative(90, 10, 0, 0, 0), ONLINE_AGES, 0, 1, ANY_THEME,
                    cumulative(90, 10, 0, 0, 0, 0)),
            spec(Mechanism.YOUTH_COUNCIL, "youth-council", 3, 10, 45,
                    cumulative(85, 10, 0, 5, 0), YOUTH_AGES, 0.04, 1, YOUTH_THEMES,
                    cumulative(0, 0, 20, 0, 80, 0)),
            spec(Mechanism.NEIGHBOURHOOD_COMMITTEE, "neighbourhood", 3.5, 8, 35,
                    cumulative(85, 10, 3, 2, 0), ADULT_AGES, -0.04, 1, ANY_THEME,
                    cumulative(80, 10, 10, 0, 0, 0)),
            // The equity body seats women's and disability associations: more of both.
            spec(Mechanism.IEECAG_SESSION, "ieecag", 3, 7, 25,
                    cumulative(20, 50, 15, 12, 3), ADULT_AGES, 0.12, 1.8, EQUITY_THEMES,
                    cumulative(0, 0, 0, 100, 0, 0)),
            spec(Mechanism.DIALOGUE_SPACE, "dialogue", 3, 15, 120,
                    cumulative(10, 65, 12, 10, 3), ADULT_AGES, 0, 1, ANY_THEME,
                    cumulative(0, 40, 60, 0, 0, 0)),
            spec(Mechanism.CO_CONSTRUCTION_PROJECT, "coconstruction", 2, 5, 60,
                    cumulative(35, 55, 4, 6, 0), ADULT_AGES, 0, 1, ANY_THEME,
                    cumulative(0, 100, 0, 0, 0, 0)),
            spec(Mechanism.TRAINING, "training", 3, 10, 40,
                    cumulative(0, 10, 45, 40, 5), OFFICIAL_AGES, -0.05, 0.5, GOVERNANCE,
                    cumulative(0, 0, 40, 0, 0, 60)),
            spec(Mechanism.INFORMATION_REQUEST, "info-request", 9, 1, 5,
                    cumulative(85, 12, 0, 0, 3), ONLINE_AGES, -0.03, 1, ANY_THEME,
                    cumulative(85, 15, 0, 0, 0, 0)),
            spec(Mechanism.SATISFACTION_SURVEY, "survey", 0.8, 30, 400,
                    cumulative(95, 5, 0, 0, 0), ADULT_AGES, 0.03, 1, SERVICE_THEMES,
                    cumulative(0, 0, 100, 0, 0, 0))));

    static MechanismSpec of(Mechanism mechanism) {
        return ALL.get(mechanism);
    }

    private static Map.Entry<Mechanism, MechanismSpec> spec(Mechanism mechanism, String idPrefix, double weight,
            int minPeople, int maxPeople, double[] roles, double[] ages, double womenShift, double disabilityFactor,
            double[] themes, double[] initiators) {
        return Map.entry(mechanism, new MechanismSpec(idPrefix, weight, minPeople, maxPeople, roles, ages,
                womenShift, disabilityFactor, themes, initiators));
    }
}
