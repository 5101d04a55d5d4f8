package ma.tadafor.ingestion.demo;

import java.util.SplittableRandom;

/**
 * The traits that make one commune's demo data differ from another's: who takes part, how well
 * the portal reports it, how busy the commune is. Drawn once from the seed and the commune code.
 *
 * @param womenShare        women among participants of known gender, before mechanism shifts
 * @param disabilityShare   persons with disabilities among participants of known status
 * @param unknownShare      people reported without gender, age band or disability status
 * @param unknownOnlyShare  activities reported as a single all-unknown cell
 * @param activityLevel     multiplier of the commune's activity rate
 */
record CommuneProfile(
        double womenShare,
        double disabilityShare,
        double unknownShare,
        double unknownOnlyShare,
        double activityLevel) {

    /** Morocco's 2024 census prevalence, for communes the warehouse has no figure for. */
    private static final double NATIONAL_DISABILITY_PCT = 4.8;

    static CommuneProfile of(long seed, DemoCommune commune) {
        SplittableRandom random = Seeds.random(seed, "profile", commune.code());
        double prevalencePct = commune.disabilityPrevalencePct() > 0
                ? commune.disabilityPrevalencePct() : NATIONAL_DISABILITY_PCT;
        // Persons with disabilities take part less than they live in the commune (the 2022 barriers study).
        double disability = clamp(prevalencePct / 100 * random.nextDouble(0.35, 0.6), 0.015, 0.05);
        // Bigger communes hold a few more events; the programme, not the size, drives most of it.
        double size = clamp(Math.pow(Math.max(commune.population(), 1) / 25_000.0, 0.15), 0.8, 1.25);
        return new CommuneProfile(
                random.nextDouble(0.25, 0.50),
                disability,
                random.nextDouble(0.01, 0.04),
                random.nextDouble(0.005, 0.04),
                random.nextDouble(0.75, 1.25) * size);
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
