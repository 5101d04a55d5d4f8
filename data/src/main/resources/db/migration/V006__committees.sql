-- The committee cycle beyond V002: documents tabled at a meeting, recommendations due "at the
-- next meeting" rather than on a date, the day a recommendation was closed (so that each
-- meeting's carried-forward agenda can be recomputed), and the status a follow-up note set.
CREATE TABLE meeting_document (
    meeting_id BIGINT NOT NULL,
    position   INTEGER NOT NULL,
    title      VARCHAR NOT NULL,
    url        VARCHAR NOT NULL,
    PRIMARY KEY (meeting_id, position)
);

ALTER TABLE recommendation ADD COLUMN due_next_meeting BOOLEAN DEFAULT FALSE;
ALTER TABLE recommendation ADD COLUMN closed_on DATE;
ALTER TABLE recommendation_note ADD COLUMN status VARCHAR;
ALTER TABLE recommendation_note ADD COLUMN recorded_at TIMESTAMPTZ;

