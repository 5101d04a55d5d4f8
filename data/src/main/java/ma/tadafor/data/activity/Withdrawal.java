package ma.tadafor.data.activity;

import java.time.Instant;

/** A tombstone: the portal withdrew the item {@code id} (and its participation) at {@code updatedAt}. */
public record Withdrawal(String id, Instant updatedAt) {
}
