-- The results framework as data: programme managers define indicators, how each actual is
-- computed from the facts (or entered by hand), baselines and targets per semester.
CREATE TABLE indicator (
    code            VARCHAR PRIMARY KEY,
    result          VARCHAR NOT NULL CHECK (result IN ('R1', 'R2', 'R3', 'R4')),
    sort_order      INTEGER NOT NULL,
    label_fr        VARCHAR NOT NULL,
    label_ar        VARCHAR NOT NULL,
    unit            VARCHAR NOT NULL CHECK (unit IN ('count', 'percent', 'mad')),
    -- COUNT_ACTIVITIES, COUNT_COMMUNES, SUM_PARTICIPANTS, SHARE_OF_PARTICIPANTS,
    -- SHARE_OF_ACTIVITIES, SUM_FUNDING or MANUAL; see docs/INDICATORS.md.
    computation     VARCHAR NOT NULL,
    activity_filter VARCHAR,
    share_filter    VARCHAR,
    cumulative      BOOLEAN NOT NULL,
    disaggregations VARCHAR,
    baseline        DOUBLE,
    is_demo         BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE indicator_target (
    indicator_code VARCHAR NOT NULL,
    scope          VARCHAR NOT NULL,
    semester       VARCHAR NOT NULL,
    target         DOUBLE NOT NULL,
    is_demo        BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (indicator_code, scope, semester)
);

-- Actuals entered by hand, for indicators whose computation is MANUAL.
CREATE TABLE indicator_value (
    indicator_code VARCHAR NOT NULL,
    scope          VARCHAR NOT NULL,
    semester       VARCHAR NOT NULL,
    value          DOUBLE NOT NULL,
    entered_by     VARCHAR NOT NULL,
    entered_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (indicator_code, scope, semester)
);

CREATE TABLE indicator_narrative (
    indicator_code VARCHAR NOT NULL,
    scope          VARCHAR NOT NULL,
    semester       VARCHAR NOT NULL,
    text_fr        VARCHAR,
    text_ar        VARCHAR,
    author         VARCHAR NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (indicator_code, scope, semester)
);

-- The provincial steering and follow-up committee (CTOS) and its six-monthly cycle.
CREATE SEQUENCE committee_seq;

CREATE TABLE committee_member (
    id             BIGINT PRIMARY KEY DEFAULT nextval('committee_seq'),
    province_code  VARCHAR NOT NULL,
    institution    VARCHAR NOT NULL,
    committee_role VARCHAR NOT NULL,
    person_name    VARCHAR,
    contact        VARCHAR
);

CREATE TABLE meeting (
    id            BIGINT PRIMARY KEY DEFAULT nextval('committee_seq'),
    province_code VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL CHECK (kind IN ('ORDINARY', 'EXTRAORDINARY')),
    mode          VARCHAR NOT NULL CHECK (mode IN ('IN_PERSON', 'REMOTE')),
    planned_on    DATE NOT NULL,
    held_on       DATE,
    place         VARCHAR,
    minutes_fr    VARCHAR,
    minutes_ar    VARCHAR
);

CREATE TABLE meeting_agenda_item (
    meeting_id BIGINT NOT NULL,
    position   INTEGER NOT NULL,
    text_fr    VARCHAR,
    text_ar    VARCHAR,
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE meeting_attendance (
    meeting_id  BIGINT NOT NULL,
    institution VARCHAR NOT NULL,
    women       INTEGER NOT NULL,
    men         INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, institution)
);

CREATE TABLE recommendation (
    id                 BIGINT PRIMARY KEY DEFAULT nextval('committee_seq'),
    province_code      VARCHAR NOT NULL,
    meeting_id         BIGINT NOT NULL,
    text_fr            VARCHAR,
    text_ar            VARCHAR,
    owner_institution  VARCHAR NOT NULL,
    due_on             DATE,
    status             VARCHAR NOT NULL
        CHECK (status IN ('PROPOSED', 'ACCEPTED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);

-- What a recommendation is about: a commune, an indicator or an INDH project.
CREATE TABLE recommendation_link (
    recommendation_id BIGINT NOT NULL,
    kind              VARCHAR NOT NULL CHECK (kind IN ('COMMUNE', 'INDICATOR', 'INDH_PROJECT')),
    ref               VARCHAR NOT NULL,
    PRIMARY KEY (recommendation_id, kind, ref)
);

CREATE TABLE recommendation_note (
    id                BIGINT PRIMARY KEY DEFAULT nextval('committee_seq'),
    recommendation_id BIGINT NOT NULL,
    noted_on          DATE NOT NULL,
    text              VARCHAR NOT NULL,
    evidence          VARCHAR,
    author            VARCHAR NOT NULL
);
