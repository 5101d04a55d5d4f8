package ma.tadafor.ingestion.demo;

import static ma.tadafor.data.activity.ActivityStatus.ACCEPTED;
import static ma.tadafor.data.activity.ActivityStatus.ADMISSIBLE;
import static ma.tadafor.data.activity.ActivityStatus.IMPLEMENTED;
import static ma.tadafor.data.activity.ActivityStatus.INADMISSIBLE;
import static ma.tadafor.data.activity.ActivityStatus.ON_AGENDA;
import static ma.tadafor.data.activity.ActivityStatus.REJECTED;
import static ma.tadafor.data.activity.ActivityStatus.SUBMITTED;

import java.time.Instant;
import java.util.SplittableRandom;

import ma.tadafor.data.activity.ActivityStatus;

/**
 * How a petition moves on (law 113-14): most are admissible, many of those reach the council's
 * agenda, about half are accepted and most accepted ones are carried out months later. One rule
 * for the generator, which walks it up to its cutoff, and for the simulated portals, which walk
 * it on as their clocks move past the cutoff.
 */
public final class PetitionLifecycle {

    /** The next status, reached {@code minDays} to {@code maxDays} after the current one. */
    public record Step(ActivityStatus status, int minDays, int maxDays) {

        /** When the step happens, from the current status's date. */
        public Instant after(Instant since, SplittableRandom random) {
            return since.plusSeconds(86_400L * random.nextInt(minDays, maxDays + 1) + random.nextInt(-4 * 3600, 4 * 3600));
        }
    }

    private PetitionLifecycle() {
    }

    /** The step after {@code status}, or null when the petition goes no further. */
    public static Step next(ActivityStatus status, SplittableRandom random) {
        return switch (status) {
            case SUBMITTED -> new Step(random.nextDouble() < 0.85 ? ADMISSIBLE : INADMISSIBLE, 15, 60);
            case ADMISSIBLE -> random.nextDouble() < 0.7 ? new Step(ON_AGENDA, 15, 90) : null;
            case ON_AGENDA -> new Step(random.nextDouble() < 0.55 ? ACCEPTED : REJECTED, 5, 30);
            case ACCEPTED -> random.nextDouble() < 0.75 ? new Step(IMPLEMENTED, 60, 240) : null;
            default -> null;
        };
    }
}
