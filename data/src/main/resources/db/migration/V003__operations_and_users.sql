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
    received_at TIMESTAMPTZ NOT NULL
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
