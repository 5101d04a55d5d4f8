-- What the marts in place were computed from (docs/ANALYTICS.md, "Incremental refresh"): one row per
-- commune with facts (part = its code) with a fingerprint of its facts, and one row 'basis' with a
-- fingerprint of what every commune's figures depend on (territories, the programme's communes, INDH
-- projects, indicator definitions, the disclosure secret, approved closures). Written in the swap's
-- transaction; a refresh recomputes the communes whose fingerprint changed, or everything when the
-- basis did. The per-commune partials themselves are tables partial_<name>, made by the first refresh.
CREATE TABLE refresh_fingerprint (
    part        VARCHAR PRIMARY KEY,
    fingerprint VARCHAR NOT NULL
);

ALTER TABLE analytics_run ADD COLUMN full_requested BOOLEAN DEFAULT false;
-- FULL or INCREMENTAL, once the run knows; and how many communes it recomputed (INCREMENTAL).
ALTER TABLE analytics_run ADD COLUMN refresh_kind VARCHAR;
ALTER TABLE analytics_run ADD COLUMN communes INTEGER;
