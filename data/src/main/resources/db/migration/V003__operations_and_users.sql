-- Operations: where data comes from, what each run did, what was set aside.
CREATE TABLE source (
    id           VARCHAR PRIMARY KEY,
    type         VARCHAR NOT NULL CHECK (type IN ('PORTAL_FEED', 'DECIDIM')),
    commune_code VARCHAR NOT NULL,
    base_url     VARCHAR NOT NULL,
    token        VARCHAR,
    schedule     VARCHAR NOT NULL,
    enabled      BOOLEAN NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);

-- The newest updatedAt fully applied per source, and when the source last succeeded.
CREATE TABLE watermark (
    source_id         VARCHAR PRIMARY KEY,
    applied_up_to     TIMESTAMPTZ NOT NULL,
    last_success_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE ingestion_run (
    run_id      VARCHAR PRIMARY KEY,
    trigger     VARCHAR NOT NULL,
    -- the Spring Batch execution that carries the run (a restart continues the same run)
    job_execution_id BIGINT,
    status      VARCHAR NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ
);

CREATE TABLE ingestion_run_source (
    run_id      VARCHAR NOT NULL,
    source_id   VARCHAR NOT NULL,
    status      VARCHAR NOT NULL,
    read        BIGINT NOT NULL DEFAULT 0,
    inserted    BIGINT NOT NULL DEFAULT 0,
    updated     BIGINT NOT NULL DEFAULT 0,
    deleted     BIGINT NOT NULL DEFAULT 0,
    quarantined BIGINT NOT NULL DEFAULT 0,
    error       VARCHAR,
    started_at  TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    PRIMARY KEY (run_id, source_id)
);

CREATE SEQUENCE quarantine_seq;

CREATE TABLE quarantine (
    id          BIGINT PRIMARY KEY DEFAULT nextval('quarantine_seq'),
    source_id   VARCHAR NOT NULL,
    run_id      VARCHAR,
    item_id     VARCHAR,
    reason      VARCHAR NOT NULL,
    raw_text    VARCHAR NOT NULL,
    -- the same raw item from the same source is set aside once, however often it is replayed
    raw_sha256  VARCHAR NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    UNIQUE (source_id, raw_sha256)
);

-- Users, their territorial scope and personal API tokens; every change is audited.
CREATE TABLE app_user (
    username        VARCHAR PRIMARY KEY,
    display_name    VARCHAR NOT NULL,
    role            VARCHAR NOT NULL
        CHECK (role IN ('ADMIN', 'PROGRAMME', 'NATIONAL', 'GOVERNOR', 'COMMUNE')),
    password_hash   VARCHAR NOT NULL,
    enabled         BOOLEAN NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE user_scope (
    username       VARCHAR NOT NULL,
    level          VARCHAR NOT NULL CHECK (level IN ('region', 'province', 'commune')),
    territory_code VARCHAR NOT NULL,
    PRIMARY KEY (username, level, territory_code)
);

CREATE SEQUENCE api_token_seq;

CREATE TABLE api_token (
    id           BIGINT PRIMARY KEY DEFAULT nextval('api_token_seq'),
    username     VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    token_hash   VARCHAR NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);

CREATE SEQUENCE audit_seq;

CREATE TABLE audit_event (
    id       BIGINT PRIMARY KEY DEFAULT nextval('audit_seq'),
    occurred_at TIMESTAMPTZ NOT NULL,
    username VARCHAR,
    action   VARCHAR NOT NULL,
    target   VARCHAR,
    detail   VARCHAR
);

-- Spring Batch's job repository (its PostgreSQL schema, which DuckDB runs: sequences and
-- nextval). Foreign keys are left out: DuckDB rewrites an updated row as delete + insert and
-- would refuse updates of referenced execution rows.
CREATE TABLE BATCH_JOB_INSTANCE (
    JOB_INSTANCE_ID BIGINT NOT NULL PRIMARY KEY,
    VERSION         BIGINT,
    JOB_NAME        VARCHAR(100) NOT NULL,
    JOB_KEY         VARCHAR(32) NOT NULL,
    CONSTRAINT JOB_INST_UN UNIQUE (JOB_NAME, JOB_KEY)
);

CREATE TABLE BATCH_JOB_EXECUTION (
    JOB_EXECUTION_ID BIGINT NOT NULL PRIMARY KEY,
    VERSION          BIGINT,
    JOB_INSTANCE_ID  BIGINT NOT NULL,
    CREATE_TIME      TIMESTAMP NOT NULL,
    START_TIME       TIMESTAMP DEFAULT NULL,
    END_TIME         TIMESTAMP DEFAULT NULL,
    STATUS           VARCHAR(10),
    EXIT_CODE        VARCHAR(2500),
    EXIT_MESSAGE     VARCHAR(2500),
    LAST_UPDATED     TIMESTAMP
);

CREATE TABLE BATCH_JOB_EXECUTION_PARAMS (
    JOB_EXECUTION_ID BIGINT NOT NULL,
    PARAMETER_NAME   VARCHAR(100) NOT NULL,
    PARAMETER_TYPE   VARCHAR(100) NOT NULL,
    PARAMETER_VALUE  VARCHAR(2500),
    IDENTIFYING      CHAR(1) NOT NULL
);

CREATE TABLE BATCH_STEP_EXECUTION (
    STEP_EXECUTION_ID  BIGINT NOT NULL PRIMARY KEY,
    VERSION            BIGINT NOT NULL,
    STEP_NAME          VARCHAR(100) NOT NULL,
    JOB_EXECUTION_ID   BIGINT NOT NULL,
    CREATE_TIME        TIMESTAMP NOT NULL,
    START_TIME         TIMESTAMP DEFAULT NULL,
    END_TIME           TIMESTAMP DEFAULT NULL,
    STATUS             VARCHAR(10),
    COMMIT_COUNT       BIGINT,
    READ_COUNT         BIGINT,
    FILTER_COUNT       BIGINT,
    WRITE_COUNT        BIGINT,
    READ_SKIP_COUNT    BIGINT,
    WRITE_SKIP_COUNT   BIGINT,
    PROCESS_SKIP_COUNT BIGINT,
    ROLLBACK_COUNT     BIGINT,
    EXIT_CODE          VARCHAR(2500),
    EXIT_MESSAGE       VARCHAR(2500),
    LAST_UPDATED       TIMESTAMP
);

CREATE TABLE BATCH_STEP_EXECUTION_CONTEXT (
    STEP_EXECUTION_ID  BIGINT NOT NULL PRIMARY KEY,
    SHORT_CONTEXT      VARCHAR(2500) NOT NULL,
    SERIALIZED_CONTEXT TEXT
);

CREATE TABLE BATCH_JOB_EXECUTION_CONTEXT (
    JOB_EXECUTION_ID   BIGINT NOT NULL PRIMARY KEY,
    SHORT_CONTEXT      VARCHAR(2500) NOT NULL,
    SERIALIZED_CONTEXT TEXT
);

CREATE SEQUENCE BATCH_STEP_EXECUTION_SEQ;
CREATE SEQUENCE BATCH_JOB_EXECUTION_SEQ;
CREATE SEQUENCE BATCH_JOB_INSTANCE_SEQ;
