package ma.tadafor.data.mart;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Participation of one scope in one semester against its census population, as the rate mart
 * holds it: the exact counts of participants (all, and those of known gender, age and disability
 * with the women, the 18–34 and the persons with a disability among them), and the population's
 * shares they are compared with (percent; null when unknown). The published shares and indices are
 * the disclosure layer's to compute from these.
 */
public record ParticipationRate(String semester, Long population, Double womenPopulationShare,
                                Double youthPopulationShare, Double disabilityPrevalence, ExactCount participants,
                                ExactCount knownGender, ExactCount women, ExactCount knownAge, ExactCount youth,
                                ExactCount knownDisability, ExactCount disabled) {

    /** The columns {@link #read} reads, of a {@code mart_participation_rate} aliased {@code r}. */
    static final String COLUMNS = """
            r.semester, r.population, r.women_population_share, r.youth_population_share, r.disability_prevalence,
            r.participants, r.participants_key, r.known_gender, r.known_gender_key, r.women, r.women_key,
            r.known_age, r.known_age_key, r.youth, r.youth_key, r.known_disability, r.known_disability_key,
            r.disabled, r.disabled_key""";

    static ParticipationRate read(ResultSet rows, int first) throws SQLException {
        ExactCount[] counts = new ExactCount[7];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new ExactCount(rows.getLong(first + 5 + 2 * i), rows.getInt(first + 6 + 2 * i));
        }
        return new ParticipationRate(rows.getString(first), rows.getObject(first + 1, Long.class),
                rows.getObject(first + 2, Double.class), rows.getObject(first + 3, Double.class),
                rows.getObject(first + 4, Double.class), counts[0], counts[1], counts[2], counts[3], counts[4], counts[5],
                counts[6]);
    }
}
