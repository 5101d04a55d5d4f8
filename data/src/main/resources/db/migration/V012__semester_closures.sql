-- Semester closures (docs/TRUST.md): a province's semester that its committee approved. From the
-- approval on, the marts' rows of that province and semester are the frozen copies below: each
-- refresh computes the current figures, lists how they differ (closure_revision, closure_change),
-- then puts the approved rows back in place of the current ones before swapping the marts in.
CREATE SEQUENCE closure_seq;

CREATE TABLE closure (
    id            BIGINT PRIMARY KEY DEFAULT nextval('closure_seq'),
    province_code VARCHAR NOT NULL,
    semester      VARCHAR NOT NULL,
    status        VARCHAR NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REOPENED')),
    proposed_by   VARCHAR NOT NULL,
    proposed_at   TIMESTAMPTZ NOT NULL,
    approved_by   VARCHAR,
    approved_at   TIMESTAMPTZ,
    reopened_by   VARCHAR,
    reopened_at   TIMESTAMPTZ,
    reopen_reason VARCHAR
);

-- Lineage: every activity the marts count, with its total participants and their cell key, and
-- what each activity contributes to each computed indicator (numerator and denominator of a
-- share, the count or amount otherwise), in the activity's own semester.
CREATE TABLE mart_lineage_item (
    source_id        VARCHAR NOT NULL,
    item_id          VARCHAR NOT NULL,
    commune_code     VARCHAR NOT NULL,
    province_code    VARCHAR NOT NULL,
    region_code      VARCHAR NOT NULL,
    cohort           VARCHAR,
    mechanism        VARCHAR NOT NULL,
    start_date       DATE,
    semester         VARCHAR,
    updated_at       TIMESTAMPTZ NOT NULL,
    ingested_at      TIMESTAMPTZ NOT NULL,
    participants     BIGINT NOT NULL,
    participants_key INTEGER NOT NULL
);

CREATE TABLE mart_indicator_item (
    indicator_code VARCHAR NOT NULL,
    source_id      VARCHAR NOT NULL,
    item_id        VARCHAR NOT NULL,
    commune_code   VARCHAR NOT NULL,
    semester       VARCHAR NOT NULL,
    cumulative     BOOLEAN NOT NULL,
    numerator      DOUBLE NOT NULL,
    denominator    DOUBLE NOT NULL
);

-- The frozen copies, each row with its closure: the marts' rows of the province and semester as
-- they were at the approval (the participation rows with their cell keys, so that the disclosure
-- layer publishes the same protected figures), and the items they were made of with their cells.
CREATE TABLE closure_participation AS SELECT CAST(NULL AS BIGINT) AS closure_id, * FROM mart_participation LIMIT 0;
CREATE TABLE closure_participation_rate AS SELECT CAST(NULL AS BIGINT) AS closure_id, * FROM mart_participation_rate LIMIT 0;
CREATE TABLE closure_indicator AS SELECT CAST(NULL AS BIGINT) AS closure_id, * FROM mart_indicator LIMIT 0;
CREATE TABLE closure_item AS SELECT CAST(NULL AS BIGINT) AS closure_id, * FROM mart_lineage_item LIMIT 0;
CREATE TABLE closure_indicator_item AS SELECT CAST(NULL AS BIGINT) AS closure_id, * FROM mart_indicator_item LIMIT 0;
CREATE TABLE closure_item_cell AS SELECT CAST(NULL AS BIGINT) AS closure_id, * FROM participation_cell LIMIT 0;

-- Revisions since approval, recomputed at each refresh: a figure of the closed province and
-- semester whose current value differs from the approved one. kind 'indicator' (indicator_code,
-- scope) or 'participation' (breakdown: total, commune, mechanism, gender, ageBand, disability or
-- role, with its value); values with their cell keys (participant counts) or share terms.
CREATE TABLE closure_revision (
    closure_id                BIGINT NOT NULL,
    kind                      VARCHAR NOT NULL CHECK (kind IN ('indicator', 'participation')),
    indicator_code            VARCHAR,
    scope                     VARCHAR NOT NULL,
    breakdown                 VARCHAR,
    breakdown_value           VARCHAR,
    approved                  DOUBLE,
    approved_numerator        DOUBLE,
    approved_denominator      DOUBLE,
    approved_key              INTEGER,
    approved_denominator_key  INTEGER,
    now                       DOUBLE,
    now_numerator             DOUBLE,
    now_denominator           DOUBLE,
    now_key                   INTEGER,
    now_denominator_key       INTEGER
);

-- Items of the closed province and semester that differ from those approved: NEW, UPDATED or WITHDRAWN.
CREATE TABLE closure_change (
    closure_id   BIGINT NOT NULL,
    source_id    VARCHAR NOT NULL,
    item_id      VARCHAR NOT NULL,
    commune_code VARCHAR NOT NULL,
    mechanism    VARCHAR NOT NULL,
    change       VARCHAR NOT NULL CHECK (change IN ('NEW', 'UPDATED', 'WITHDRAWN'))
);

-- Which changed items each revision is due to: for an indicator, those that add to it (approved or
-- now); for a participation breakdown by commune or mechanism, those of that commune or mechanism;
-- for the others, every changed item of the province and semester.
CREATE TABLE closure_revision_item (
    closure_id      BIGINT NOT NULL,
    kind            VARCHAR NOT NULL,
    indicator_code  VARCHAR,
    scope           VARCHAR NOT NULL,
    breakdown       VARCHAR,
    breakdown_value VARCHAR,
    source_id       VARCHAR NOT NULL,
    item_id         VARCHAR NOT NULL,
    change          VARCHAR NOT NULL
);
