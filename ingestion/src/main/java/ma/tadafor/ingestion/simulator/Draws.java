package ma.tadafor.ingestion.simulator;

import java.util.SplittableRandom;

import ma.tadafor.ingestion.demo.Seeds;

/**
 * The simulator's chances, all from the seed: an item's from its id (so it is broken or withdrawn
 * the same way at every request), a request's from its number in its commune.
 */
final class Draws {

    private Draws() {
    }

    /** A number in [0, 1) fixed by (seed, purpose, commune, item). */
    static double item(long seed, String purpose, String communeCode, String itemId) {
        return Seeds.random(seed, purpose, communeCode + '/' + itemId).nextDouble();
    }

    static SplittableRandom request(long seed, String communeCode, long request) {
        return Seeds.random(seed, "request", communeCode + '#' + request);
    }
}
