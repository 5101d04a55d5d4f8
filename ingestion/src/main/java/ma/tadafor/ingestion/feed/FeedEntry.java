package ma.tadafor.ingestion.feed;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.Withdrawal;

/** One item of a feed page, once read: a valid activity, a tombstone, or an item set aside. */
public sealed interface FeedEntry {

    /** The item's {@code id} as the portal sent it; null if it had none. */
    String itemId();

    record Valid(Activity activity) implements FeedEntry {
        @Override
        public String itemId() {
            return activity.id();
        }
    }

    record Withdrawn(Withdrawal withdrawal) implements FeedEntry {
        @Override
        public String itemId() {
            return withdrawal.id();
        }
    }

    /** An item that breaks a rule of the feed: kept aside with its raw text and the reason. */
    record Invalid(String itemId, String reason, String rawText) implements FeedEntry {
    }
}
