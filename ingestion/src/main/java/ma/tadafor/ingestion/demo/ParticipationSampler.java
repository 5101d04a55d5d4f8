package ma.tadafor.ingestion.demo;

import java.util.List;
import java.util.SplittableRandom;

import ma.tadafor.data.activity.AgeBand;
import ma.tadafor.data.activity.Gender;
import ma.tadafor.data.activity.ParticipationCell;
import ma.tadafor.data.activity.Role;

/**
 * Splits an activity's participants into (gender, age band, disability, role) cells. People are drawn
 * one by one into a reused tally, so the only objects made are the cells themselves.
 */
final class ParticipationSampler {

    private static final Gender[] GENDERS = Gender.values();
    private static final AgeBand[] AGES = AgeBand.values();
    private static final Boolean[] DISABILITY = {Boolean.FALSE, Boolean.TRUE, null};
    private static final Role[] ROLES = Role.values();
    private static final int UNKNOWN_GENDER = Gender.U.ordinal();
    private static final int UNKNOWN_AGE = AgeBand.UNKNOWN.ordinal();
    private static final int UNKNOWN_DISABILITY = 2;
    /** Women are fewer among elected officials and staff than among citizens. */
    private static final double OFFICIALS_WOMEN_SHIFT = -0.10;

    private final CommuneProfile profile;
    private final int[] tally = new int[GENDERS.length * AGES.length * DISABILITY.length * ROLES.length];

    ParticipationSampler(CommuneProfile profile) {
        this.profile = profile;
    }

    List<ParticipationCell> sample(SplittableRandom random, MechanismSpec spec, int people) {
        double women = CommuneProfile.clamp(profile.womenShare() + spec.womenShift(), 0.05, 0.9);
        double disabled = profile.disabilityShare() * spec.disabilityFactor();
        double unknown = profile.unknownShare();
        int cells = 0;
        for (int person = 0; person < people; person++) {
            int role = Seeds.pick(random, spec.roles());
            int gender = UNKNOWN_GENDER;
            int age = UNKNOWN_AGE;
            int disability = UNKNOWN_DISABILITY;
            if (random.nextDouble() >= unknown) {
                boolean official = role == Role.ELECTED_OFFICIAL.ordinal() || role == Role.COMMUNE_STAFF.ordinal();
                gender = random.nextDouble() < (official ? women + OFFICIALS_WOMEN_SHIFT : women) ? 0 : 1;
                age = Seeds.pick(random, official ? MechanismSpec.OFFICIAL_AGES : spec.ages());
                if (random.nextDouble() >= unknown) {
                    disability = random.nextDouble() < disabled ? 1 : 0;
                }
            }
            if (tally[((gender * AGES.length + age) * DISABILITY.length + disability) * ROLES.length + role]++ == 0) {
                cells++;
            }
        }
        return drain(cells);
    }

    /** A portal that reports only a head count: one all-unknown cell. */
    static List<ParticipationCell> unknown(int people) {
        return List.of(new ParticipationCell(Gender.U, AgeBand.UNKNOWN, null, Role.CITIZEN, people));
    }

    private List<ParticipationCell> drain(int cells) {
        ParticipationCell[] drained = new ParticipationCell[cells];
        for (int index = 0, next = 0; next < cells; index++) {
            int count = tally[index];
            if (count > 0) {
                int role = index % ROLES.length;
                int disability = index / ROLES.length % DISABILITY.length;
                int age = index / (ROLES.length * DISABILITY.length) % AGES.length;
                int gender = index / (ROLES.length * DISABILITY.length * AGES.length);
                drained[next++] = new ParticipationCell(GENDERS[gender], AGES[age], DISABILITY[disability],
                        ROLES[role], count);
                tally[index] = 0;
            }
        }
        return List.of(drained);
    }
}
