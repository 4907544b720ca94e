-- The xAPI Learning Record Store (issue 17): national learning systems with hashed credentials, the statements
-- they send and Kalkan emits, and the statements that could not be mapped (dead letters).
CREATE TABLE xapi_system (
    id             UUID PRIMARY KEY,
    name           TEXT        NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9.-]{1,62}$'),
    nation         CHAR(3)     NOT NULL REFERENCES nation (code),
    clearance      SMALLINT    NOT NULL CHECK (clearance BETWEEN 0 AND 3),
    secret_hash    TEXT        NOT NULL,
    token_hash     TEXT        NOT NULL UNIQUE,
    enabled        BOOLEAN     NOT NULL DEFAULT TRUE,
    classification SMALLINT    NOT NULL CHECK (classification BETWEEN 0 AND 3),
    releasable_to  TEXT[]      NOT NULL,
    origin_nation  CHAR(3)     NOT NULL,
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    CHECK (origin_nation = nation)
);

-- One row per statement; system_id NULL for Kalkan's own. document is the statement as sent (NULL for Kalkan's
-- own, written out from the columns). Labelled like every record: a system's statements carry its label,
-- Kalkan's carry the person's.
CREATE TABLE xapi_statement (
    id              UUID PRIMARY KEY,
    seq             BIGINT      GENERATED ALWAYS AS IDENTITY UNIQUE,
    system_id       UUID REFERENCES xapi_system (id),
    authority       TEXT        NOT NULL,
    version         TEXT        NOT NULL,
    stored          TIMESTAMPTZ NOT NULL,
    timestamp       TIMESTAMPTZ NOT NULL,
    actor_key       TEXT        NOT NULL,
    actor_name      TEXT,
    actor_home_page TEXT,
    actor_account   TEXT,
    verb            TEXT        NOT NULL,
    activity        TEXT        NOT NULL,
    activity_name   TEXT,
    success         BOOLEAN,
    completion      BOOLEAN,
    document        JSONB,
    person_id       UUID,
    classification  SMALLINT    NOT NULL CHECK (classification BETWEEN 0 AND 3),
    releasable_to   TEXT[]      NOT NULL,
    origin_nation   CHAR(3)     NOT NULL
);
CREATE INDEX xapi_statement_by_actor ON xapi_statement (actor_key, seq);
CREATE INDEX xapi_statement_by_verb ON xapi_statement (verb, seq);
CREATE INDEX xapi_statement_by_activity ON xapi_statement (activity, seq);

CREATE TABLE xapi_dead_letter (
    id             UUID PRIMARY KEY,
    statement_id   UUID        NOT NULL REFERENCES xapi_statement (id),
    system_id      UUID        NOT NULL REFERENCES xapi_system (id),
    received_at    TIMESTAMPTZ NOT NULL,
    reason         TEXT        NOT NULL,
    classification SMALLINT    NOT NULL CHECK (classification BETWEEN 0 AND 3),
    releasable_to  TEXT[]      NOT NULL,
    origin_nation  CHAR(3)     NOT NULL
);
