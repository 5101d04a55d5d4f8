package ma.tadafor.ingestion.simulator;

import java.time.Instant;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStatus;
import ma.tadafor.data.activity.Mechanism;

/**
 * One version of an item as its portal serves it: its place in feed order, (updatedAt, id), and
 * its JSON as {@code FeedJson} wrote it, written once and served as bytes at every request.
 */
final class ItemVersion {

    final Instant updatedAt;
    final String id;
    final byte[] json;
    final int cells;
    final boolean deleted;
    /** The item's mechanism and status; null for a tombstone. */
    final Mechanism mechanism;
    final ActivityStatus status;
    /** 0 for the generator's version, then one more for each change. */
    final int revision;
    /** How it is served broken; null when served as written. */
    final Malformation malformation;
    /** A newer version exists: this one is no longer served. Guarded by its feed. */
    boolean superseded;

    private ItemVersion(Instant updatedAt, String id, byte[] json, int cells, Mechanism mechanism, ActivityStatus status,
            int revision, Malformation malformation) {
        this.updatedAt = updatedAt;
        this.id = id;
        this.json = json;
        this.cells = cells;
        this.deleted = status == null;
        this.mechanism = mechanism;
        this.status = status;
        this.revision = revision;
        this.malformation = malformation;
    }

    /** The generator's version of an activity. */
    static ItemVersion of(Activity activity, ItemJson itemJson, Malformation malformation) {
        return new ItemVersion(activity.updatedAt(), activity.id(), itemJson.item(activity),
                activity.participation().size(), activity.mechanism(), activity.status(), 0, malformation);
    }

    static ItemVersion tombstone(String id, Instant at, int revision, ItemJson itemJson) {
        return new ItemVersion(at, id, itemJson.tombstone(id, at), 0, null, null, revision, null);
    }

    ItemVersion revised(Instant at, ItemJson itemJson) {
        return new ItemVersion(at, id, itemJson.revised(json, at, revision + 1), cells, mechanism, status, revision + 1,
                malformation);
    }

    /** The item moved on to {@code next} at {@code at}, nothing else changed. */
    ItemVersion progressed(ActivityStatus next, Instant at, ItemJson itemJson) {
        return new ItemVersion(at, id, itemJson.withStatus(json, next, at), cells, mechanism, next, revision + 1,
                malformation);
    }

    ItemVersion withdrawn(Instant at, ItemJson itemJson) {
        return tombstone(id, at, revision + 1, itemJson);
    }

    /** Whether this version comes after the cursor in feed order. */
    boolean isAfter(PageCursor cursor) {
        int byTime = updatedAt.compareTo(cursor.updatedAt());
        return byTime > 0 || byTime == 0 && id.compareTo(cursor.id()) > 0;
    }

    PageCursor cursor() {
        return new PageCursor(updatedAt, id);
    }

    /** The bytes a client receives: broken the same way at every request, if it is to be broken. */
    byte[] served(ItemJson itemJson) {
        return malformation == null ? json : itemJson.broken(json, malformation);
    }
}
