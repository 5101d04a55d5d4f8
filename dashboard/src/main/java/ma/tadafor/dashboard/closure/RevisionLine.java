package ma.tadafor.dashboard.closure;

import java.util.List;

/**
 * A revision since approval as pages and the brief show it: the figure named in the reader's
 * language, the approved and the current value as the disclosure layer publishes them ("< 5"
 * when suppressed), and the items that caused it ({@code source/item}, with how each changed).
 */
public record RevisionLine(String figure, String approved, String now, List<Item> items) {

    public record Item(String sourceId, String itemId, String change) {
    }
}
