-- The committee briefs generated ahead of a planned meeting (one per language), kept with the
-- meeting: the row's presence is what makes the scheduled job run once per meeting, across restarts.
CREATE TABLE meeting_brief (
    meeting_id   BIGINT NOT NULL,
    lang         VARCHAR NOT NULL CHECK (lang IN ('fr', 'ar')),
    semester     VARCHAR NOT NULL,
    generated_at TIMESTAMPTZ NOT NULL,
    pdf          BLOB NOT NULL,
    PRIMARY KEY (meeting_id, lang)
);
