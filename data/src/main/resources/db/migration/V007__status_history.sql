-- The statuses items were seen in: the feed carries only an item's current status, so ingestion
-- appends a row whenever it applies a version whose status differs from the stored one (or the
-- item's first version). `changed_at` is that version's updatedAt. Withdrawn items keep their rows; the
-- petition funnel's durations between stages are read from here.
CREATE TABLE activity_status_change (
    source_id  VARCHAR NOT NULL,
    item_id    VARCHAR NOT NULL,
    status     VARCHAR NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
