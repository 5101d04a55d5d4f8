package ma.tadafor.dashboard.api;

/**
 * A page of a long list ({@code page}/{@code size}, API.md), checked before any query: a size
 * outside its bounds, or a page that would skip more than {@link #MAX_SKIPPED} rows, is a 400
 * naming the parameter. Bounding the rows skipped keeps {@code page × size} within an int (an
 * overflow became a negative OFFSET and a 500) and the skip cheap; a list that deep is narrowed by
 * its filters, not paged through.
 */
public record ListPage(int page, int size) {

    public static final int MAX_SKIPPED = 1_000_000;

    public static ListPage of(int page, int size, int maxSize) {
        if (size < 1 || size > maxSize) {
            throw new InvalidParameterException("size", "must be from 1 to " + maxSize);
        }
        int lastPage = MAX_SKIPPED / size;
        if (page < 0 || page > lastPage) {
            throw new InvalidParameterException("page", "must be from 0 to " + lastPage + " with size " + size
                    + " (at most " + MAX_SKIPPED + " rows skipped: narrow the list with its filters)");
        }
        return new ListPage(page, size);
    }

    /** The rows skipped: at most {@link #MAX_SKIPPED}, so never an overflow. */
    public int offset() {
        return page * size;
    }
}
