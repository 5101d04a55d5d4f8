-- Mail (docs/MAIL.md): who receives what, and every message with its state.

-- A committee member's address and the language of what is sent to them (fr or ar; checked by the
-- dashboard: DuckDB adds no CHECK to an existing table).
ALTER TABLE committee_member ADD COLUMN email VARCHAR;
ALTER TABLE committee_member ADD COLUMN lang VARCHAR;

-- What a signed-in user chose to receive, at which address and in which language.
CREATE TABLE mail_subscription (
    username   VARCHAR PRIMARY KEY,
    email      VARCHAR NOT NULL,
    lang       VARCHAR NOT NULL CHECK (lang IN ('fr', 'ar')),
    briefs     BOOLEAN NOT NULL,
    reminders  BOOLEAN NOT NULL,
    alerts     BOOLEAN NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- The outbox: each message is written here before any attempt to send it, and stays. `dedup_key`
-- names what it is about and for whom (a meeting's brief to one address, a recommendation's
-- reminder for one due date...): a message already queued is never queued again, whatever the
-- restarts and repeated checks.
CREATE SEQUENCE outbox_seq;
CREATE TABLE outbox_message (
    id              BIGINT PRIMARY KEY DEFAULT nextval('outbox_seq'),
    dedup_key       VARCHAR NOT NULL UNIQUE,
    kind            VARCHAR NOT NULL CHECK (kind IN ('BRIEF', 'REMINDER', 'ALERT')),
    recipient       VARCHAR NOT NULL,
    lang            VARCHAR NOT NULL CHECK (lang IN ('fr', 'ar')),
    subject         VARCHAR NOT NULL,
    body            VARCHAR NOT NULL,
    status          VARCHAR NOT NULL CHECK (status IN ('PENDING', 'SENT', 'RETRYING', 'FAILED')),
    attempts        INTEGER NOT NULL,
    queued_at       TIMESTAMPTZ NOT NULL,
    next_attempt_at TIMESTAMPTZ,
    sent_at         TIMESTAMPTZ,
    last_error      VARCHAR
);

CREATE TABLE outbox_attachment (
    message_id   BIGINT NOT NULL,
    position     INTEGER NOT NULL,
    name         VARCHAR NOT NULL,
    content_type VARCHAR NOT NULL,
    content      BLOB NOT NULL,
    PRIMARY KEY (message_id, position)
);
