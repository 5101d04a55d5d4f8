-- Outliers (docs/TRUST.md, "Outliers"). Each refresh writes the items and commune semesters whose
-- participants depart from their history into mart_outlier; the application then carries them into
-- outlier, where programme managers' decisions live and survive refreshes: an item is known by its
-- source and item id (and the version a decision was taken on), a commune semester by its commune and
-- semester. value and expected are participant counts, each with its cell key (docs/PRIVACY.md).
CREATE TABLE mart_outlier (
    kind          VARCHAR NOT NULL,   -- item, commune-semester
    source_id     VARCHAR,
    item_id       VARCHAR,
    item_version  TIMESTAMPTZ,
    commune_code  VARCHAR NOT NULL,
    province_code VARCHAR NOT NULL,
    mechanism     VARCHAR,
    semester      VARCHAR,
    value         BIGINT NOT NULL,
    value_key     INTEGER NOT NULL,
    expected      DOUBLE NOT NULL,
    expected_key  INTEGER NOT NULL,
    score         DOUBLE NOT NULL,
    basis         VARCHAR NOT NULL,   -- commune, province (an item's history), previous-semesters
    history       BIGINT NOT NULL     -- items, or previous semesters, the expected value is the median of
);

CREATE SEQUENCE outlier_id;

CREATE TABLE outlier (
    id              BIGINT PRIMARY KEY DEFAULT nextval('outlier_id'),
    kind            VARCHAR NOT NULL,
    source_id       VARCHAR,
    item_id         VARCHAR,
    item_version    TIMESTAMPTZ,
    commune_code    VARCHAR NOT NULL,
    province_code   VARCHAR NOT NULL,
    mechanism       VARCHAR,
    semester        VARCHAR,
    value           BIGINT NOT NULL,
    value_key       INTEGER NOT NULL,
    expected        DOUBLE NOT NULL,
    expected_key    INTEGER NOT NULL,
    score           DOUBLE NOT NULL,
    basis           VARCHAR NOT NULL,
    history         BIGINT NOT NULL,
    status          VARCHAR NOT NULL, -- FLAGGED, CONFIRMED, EXCLUDED
    flagged_at      TIMESTAMPTZ NOT NULL,
    decided_by      VARCHAR,
    decided_at      TIMESTAMPTZ,
    decision_reason VARCHAR
);

-- The one rule of what an exclusion removes: the item, in the version it was excluded in. The
-- refresh's snapshot and the participation counted from the facts both leave these out; a newer
-- version of the item (a portal's correction) is judged afresh.
CREATE VIEW excluded_activity AS
SELECT o.source_id, o.item_id
FROM outlier o
JOIN activity a ON a.source_id = o.source_id AND a.item_id = o.item_id AND a.updated_at = o.item_version
WHERE o.kind = 'item' AND o.status = 'EXCLUDED';
