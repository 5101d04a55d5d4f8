package ma.tadafor.data.activity;

/** What applying a batch of feed items changed in the warehouse. */
public record ApplyResult(long inserted, long updated, long deleted, long unchanged) {

    public static final ApplyResult NONE = new ApplyResult(0, 0, 0, 0);

    public ApplyResult plus(ApplyResult other) {
        return new ApplyResult(inserted + other.inserted, updated + other.updated,
                deleted + other.deleted, unchanged + other.unchanged);
    }
}
