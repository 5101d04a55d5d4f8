package ma.tadafor.data.mart;

/**
 * A count of participants as the marts hold it: exact, with its cell key (the sum of its records'
 * keys modulo 256, docs/PRIVACY.md). Only the disclosure layer turns it into a figure anyone but an
 * administrator may see, which is why it is not a plain number.
 */
public record ExactCount(long value, int cellKey) {

    public static final ExactCount ZERO = new ExactCount(0, 0);
}
