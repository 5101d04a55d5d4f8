-- Analytics: the log of mart refreshes and the marts the dashboard reads. The marts are replaced
-- as a whole by each refresh (loaded into new tables, swapped in one transaction); these empty
-- tables give them their columns and let the dashboard answer before the first refresh.
CREATE TABLE analytics_run (
    run_id        VARCHAR PRIMARY KEY,
    trigger       VARCHAR NOT NULL,
    status        VARCHAR NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    requested_at  TIMESTAMPTZ NOT NULL,
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    -- where the time went, in milliseconds
    session_ms    BIGINT,
    snapshot_ms   BIGINT,
    jobs_ms       BIGINT,
    load_ms       BIGINT,
    cells         BIGINT,
    error         VARCHAR
);

-- Participants and distinct activities per commune, mechanism and month, for each subset of the
-- cell dimensions: cell_set is its bit mask (gender 1, age band 2, disability 4, role 8); the
-- dimensions outside it are null. Disability is YES, NO or UNKNOWN.
CREATE TABLE mart_participation (
    commune_code  VARCHAR NOT NULL,
    province_code VARCHAR NOT NULL,
    region_code   VARCHAR NOT NULL,
    cohort        VARCHAR,
    mechanism     VARCHAR NOT NULL,
    month         DATE,
    year          INTEGER,
    semester      VARCHAR,
    cell_set      INTEGER NOT NULL,
    gender        VARCHAR,
    age_band      VARCHAR,
    disability    VARCHAR,
    role          VARCHAR,
    participants  BIGINT NOT NULL,
    activities    BIGINT NOT NULL
);

-- Participation against the census per scope ('programme', 'region:05', 'province:05.091',
-- 'commune:05.091.01.07') and semester; shares in percent, an index of 1 is parity.
CREATE TABLE mart_participation_rate (
    scope                  VARCHAR NOT NULL,
    semester               VARCHAR NOT NULL,
    participants           BIGINT NOT NULL,
    population             BIGINT,
    participants_per_1000  DOUBLE,
    known_gender           BIGINT NOT NULL,
    women                  BIGINT NOT NULL,
    women_share            DOUBLE,
    women_population_share DOUBLE,
    women_index            DOUBLE,
    known_age              BIGINT NOT NULL,
    youth                  BIGINT NOT NULL,
    youth_share            DOUBLE,
    youth_population_share DOUBLE,
    youth_index            DOUBLE,
    known_disability       BIGINT NOT NULL,
    disabled               BIGINT NOT NULL,
    disability_share       DOUBLE,
    disability_prevalence  DOUBLE,
    disability_index       DOUBLE
);

CREATE TABLE mart_indicator (
    indicator_code VARCHAR NOT NULL,
    scope          VARCHAR NOT NULL,
    semester       VARCHAR NOT NULL,
    actual         DOUBLE,
    target         DOUBLE,
    status         VARCHAR NOT NULL CHECK (status IN ('ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'NO_DATA'))
);

CREATE TABLE mart_convergence (
    scope                     VARCHAR NOT NULL,
    programme_no              INTEGER NOT NULL,
    linked_activities         BIGINT NOT NULL,
    explicit_activities       BIGINT NOT NULL,
    inferred_activities       BIGINT NOT NULL,
    linked_co_construction    BIGINT NOT NULL,
    indh_co_financing_mad     DECIMAL(38, 2) NOT NULL,
    tadafor_mad               DECIMAL(38, 2) NOT NULL,
    programme_communes        BIGINT NOT NULL,
    communes_with_active_indh BIGINT NOT NULL,
    active_indh_share         DOUBLE
);

-- One row per (activity, INDH project) link; inferred links are to be confirmed by committees.
CREATE TABLE mart_convergence_link (
    source_id        VARCHAR NOT NULL,
    item_id          VARCHAR NOT NULL,
    indh_project_ref VARCHAR NOT NULL,
    programme_no     INTEGER NOT NULL,
    inferred         BOOLEAN NOT NULL,
    commune_code     VARCHAR NOT NULL,
    mechanism        VARCHAR NOT NULL
);

CREATE TABLE mart_data_quality (
    commune_code              VARCHAR NOT NULL,
    province_code             VARCHAR NOT NULL,
    region_code               VARCHAR NOT NULL,
    cohort                    VARCHAR,
    activities                BIGINT NOT NULL,
    undated_activities        BIGINT NOT NULL,
    participants              BIGINT NOT NULL,
    unknown_gender            BIGINT NOT NULL,
    unknown_age               BIGINT NOT NULL,
    unknown_disability        BIGINT NOT NULL,
    unknown_gender_share      DOUBLE,
    unknown_age_share         DOUBLE,
    unknown_disability_share  DOUBLE,
    median_report_delay_days  DOUBLE,
    median_arrival_delay_days DOUBLE,
    last_updated_at           TIMESTAMPTZ,
    sources                   BIGINT NOT NULL,
    last_success_at           TIMESTAMPTZ,
    hours_since_success       BIGINT
);
