package ma.tadafor.ingestion.demo;

import java.util.SplittableRandom;

/** Independent random streams keyed by (seed, purpose, key), so no stream depends on another's use. */
public final class Seeds {

    private Seeds() {
    }

    public static SplittableRandom random(long seed, String purpose, String key) {
        long hash = 0xcbf29ce484222325L ^ seed;
        hash = fnv(hash, purpose);
        hash = fnv(hash ^ '/', key);
        return new SplittableRandom(mix(hash));
    }

    private static long fnv(long hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    /** MurmurHash3's finaliser: spreads close inputs far apart. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** An index drawn with probability proportional to {@code cumulative[i] - cumulative[i - 1]}. */
    static int pick(SplittableRandom random, double[] cumulative) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = 0;
        while (u >= cumulative[i] && i < cumulative.length - 1) {
            i++;
        }
        return i;
    }

    static double[] cumulative(double... weights) {
        double[] sums = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            sums[i] = sum;
        }
        return sums;
    }

    /** A size in [min, max], skewed towards small (many small events, few large ones). */
    static int skewed(SplittableRandom random, int min, int max) {
        double u = random.nextDouble();
        return min + (int) ((max - min + 1) * u * u);
    }
}
