-- Reference: territories (HCP codes are opaque strings, never parsed by position),
-- the RGPH 2024 census, the programme's membership and the mechanisms.
CREATE TABLE region (
    code             VARCHAR PRIMARY KEY,
    iso_3166_2       VARCHAR NOT NULL,
    name_fr          VARCHAR NOT NULL,
    name_ar          VARCHAR NOT NULL,
    population_legal BIGINT,
    households       BIGINT
);

CREATE TABLE province (
    code             VARCHAR PRIMARY KEY,
    region_code      VARCHAR NOT NULL,
    name_fr          VARCHAR NOT NULL,
    name_ar          VARCHAR NOT NULL,
    type             VARCHAR NOT NULL CHECK (type IN ('province', 'prefecture')),
    population_legal BIGINT,
    households       BIGINT
);

CREATE TABLE commune (
    code                   VARCHAR PRIMARY KEY,
    region_code            VARCHAR NOT NULL,
    province_code          VARCHAR NOT NULL,
    name_fr                VARCHAR NOT NULL,
    name_ar                VARCHAR NOT NULL,
    type                   VARCHAR NOT NULL CHECK (type IN ('urban', 'rural')),
    cercle_code            VARCHAR,
    cercle_name_fr         VARCHAR,
    population_legal       BIGINT,
    population_municipal   BIGINT,
    population_male        BIGINT,
    population_female      BIGINT,
    households             BIGINT
);

-- One row per territory of the census tables (level: country, region, province, commune).
CREATE TABLE census_population (
    level                  VARCHAR NOT NULL,
    territory_code         VARCHAR NOT NULL,
    population_legal       BIGINT,
    population_municipal   BIGINT,
    population_male        BIGINT,
    population_female      BIGINT,
    population_15_plus     BIGINT,
    disability_pct         DOUBLE,
    disability_pct_male    DOUBLE,
    disability_pct_female  DOUBLE,
    households             BIGINT,
    PRIMARY KEY (level, territory_code)
);

-- Share of each five-year age band in the population of one sex ('all', 'male', 'female').
CREATE TABLE census_age_share (
    level          VARCHAR NOT NULL,
    territory_code VARCHAR NOT NULL,
    sex            VARCHAR NOT NULL CHECK (sex IN ('all', 'male', 'female')),
    age_band       VARCHAR NOT NULL,
    pct            DOUBLE NOT NULL,
    PRIMARY KEY (level, territory_code, sex, age_band)
);

-- Configuration that programme managers change: seeded once, never overwritten by a restart.
CREATE TABLE programme_commune (
    commune_code VARCHAR PRIMARY KEY,
    cohort       VARCHAR NOT NULL CHECK (cohort IN ('pilot', 'extension')),
    joined_on    DATE NOT NULL,
    basis        VARCHAR
);

CREATE TABLE mechanism (
    code           VARCHAR PRIMARY KEY,
    line_of_action INTEGER NOT NULL,
    label_fr       VARCHAR NOT NULL,
    label_ar       VARCHAR NOT NULL
);

CREATE TABLE indh_programme (
    programme_no          INTEGER PRIMARY KEY,
    name_fr               VARCHAR NOT NULL,
    envelope_2019_2023_mdh DOUBLE,
    planned_spend_2021_mdh DOUBLE,
    planned_spend_2022_mdh DOUBLE,
    planned_spend_2023_mdh DOUBLE,
    scope_note            VARCHAR,
    source_url            VARCHAR
);

-- Which version of each reference dataset the warehouse holds.
CREATE TABLE reference_dataset (
    name      VARCHAR PRIMARY KEY,
    checksum  VARCHAR NOT NULL,
    row_count BIGINT NOT NULL,
    loaded_at TIMESTAMPTZ NOT NULL
);

-- Facts: what the communes' portals (and uploads) report. Identity is (source_id, item_id).
CREATE TABLE activity (
    source_id          VARCHAR NOT NULL,
    item_id            VARCHAR NOT NULL,
    commune_code       VARCHAR NOT NULL,
    mechanism          VARCHAR NOT NULL,
    status             VARCHAR NOT NULL,
    start_date         DATE,
    end_date           DATE,
    title_fr           VARCHAR,
    title_ar           VARCHAR,
    theme              VARCHAR,
    initiator          VARCHAR,
    indh_project_ref   VARCHAR,
    participants       BIGINT NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    ingested_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source_id, item_id)
);

-- Counts of people, never persons: one row per (gender, age band, disability, role) of an activity.
CREATE TABLE participation_cell (
    source_id    VARCHAR NOT NULL,
    item_id      VARCHAR NOT NULL,
    gender       VARCHAR NOT NULL,
    age_band     VARCHAR NOT NULL,
    disability   BOOLEAN,
    role         VARCHAR NOT NULL,
    participants INTEGER NOT NULL CHECK (participants > 0)
);

-- Items a portal withdrew: remembered so that a replayed older version is not applied again.
CREATE TABLE activity_withdrawal (
    source_id    VARCHAR NOT NULL,
    item_id      VARCHAR NOT NULL,
    withdrawn_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source_id, item_id)
);

CREATE TABLE association (
    commune_code   VARCHAR NOT NULL,
    association_id VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,
    PRIMARY KEY (commune_code, association_id)
);

CREATE TABLE activity_association (
    source_id      VARCHAR NOT NULL,
    item_id        VARCHAR NOT NULL,
    association_id VARCHAR NOT NULL
);

CREATE TABLE co_construction_project (
    source_id   VARCHAR NOT NULL,
    item_id     VARCHAR NOT NULL,
    tadafor_mad DECIMAL(14, 2) NOT NULL,
    commune_mad DECIMAL(14, 2) NOT NULL,
    indh_mad    DECIMAL(14, 2) NOT NULL,
    other_mad   DECIMAL(14, 2) NOT NULL,
    PRIMARY KEY (source_id, item_id)
);

CREATE TABLE indh_project (
    ref                   VARCHAR PRIMARY KEY,
    province_code         VARCHAR NOT NULL,
    commune_code          VARCHAR,
    programme_no          INTEGER NOT NULL,
    theme                 VARCHAR,
    title_fr              VARCHAR,
    title_ar              VARCHAR,
    start_date            DATE,
    end_date              DATE,
    total_cost_mad        DECIMAL(16, 2),
    indh_contribution_mad DECIMAL(16, 2),
    status                VARCHAR,
    origin                VARCHAR NOT NULL
);
