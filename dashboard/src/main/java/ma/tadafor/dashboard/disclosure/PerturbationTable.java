package ma.tadafor.dashboard.disclosure;

import ma.tadafor.analytics.disclosure.RecordKeys;
import ma.tadafor.data.mart.ExactCount;

/**
 * The cell key method's perturbation table (docs/PRIVACY.md): a count and its cell key give the
 * noise added to it, from −{@link #MAX_NOISE} to +{@link #MAX_NOISE}, so the same records always
 * give the same published count, whatever the question that gathered them. Zero stays zero (no
 * record, nothing to protect) and a count never becomes zero or less: the noise is reflected. A
 * published count under {@link #THRESHOLD} is suppressed.
 */
final class PerturbationTable {

    static final int THRESHOLD = 5;
    static final int MAX_NOISE = 3;
    /**
     * How often each noise from −3 to +3 is drawn, in 256ths: symmetric (totals stay unbiased), rarely
     * 0 (a difference of two answers is rarely exact by chance), and ±3 almost never: an attacker must
     * allow for ±3 in every figure he combines, and only figures all at that extreme together would
     * close his reasoning on one value (LinkedTablesAttackTest).
     */
    private static final int[] WEIGHTS = {1, 48, 66, 26, 66, 48, 1};
    private static final int[] NOISE_AT = noises();

    private PerturbationTable() {
    }

    /** A count as a protected audience sees it: perturbed, and suppressed under {@link #THRESHOLD}. */
    static PublishedCount protect(ExactCount count) {
        long perturbed = perturbed(count.value(), count.cellKey());
        return new PublishedCount(perturbed, perturbed > 0 && perturbed < THRESHOLD);
    }

    /** The count published for {@code count} with cell key {@code cellKey} (0 to 255), before suppression. */
    static long perturbed(long count, int cellKey) {
        if (count <= 0) {
            return count;
        }
        int noise = NOISE_AT[Math.floorMod(cellKey + row(count), RecordKeys.MODULUS)];
        long value = count + noise;
        return value >= 1 ? value : count - noise;
    }

    /**
     * Each count reads the table from its own offset: two counts with the same key (the records of
     * one and the other's summing to 0 modulo 256) get unrelated noises, so their difference is not
     * exact.
     */
    private static int row(long count) {
        long z = count * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        return (int) ((z ^ (z >>> 29)) & (RecordKeys.MODULUS - 1));
    }

    private static int[] noises() {
        int[] noises = new int[RecordKeys.MODULUS];
        int position = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            for (int j = 0; j < WEIGHTS[i]; j++) {
                noises[position++] = i - MAX_NOISE;
            }
        }
        if (position != noises.length) {
            throw new IllegalStateException("the weights must add up to " + noises.length);
        }
        return noises;
    }
}
