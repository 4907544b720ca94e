-- People and API clients. Clearance is the classification rank (0 UNCLASSIFIED .. 3 SECRET).
CREATE TABLE app_user (
    username        TEXT PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name    TEXT        NOT NULL,
    nation          CHAR(3)     NOT NULL REFERENCES nation (code),
    clearance       SMALLINT    NOT NULL CHECK (clearance BETWEEN 0 AND 3),
    roles           TEXT[]      NOT NULL DEFAULT '{}',
    password_hash   TEXT,
    enabled         BOOLEAN     NOT NULL DEFAULT TRUE,
    locale          TEXT        NOT NULL DEFAULT 'en',
    totp_secret     TEXT,
    totp_enabled    BOOLEAN     NOT NULL DEFAULT FALSE,
    totp_last_step  BIGINT,
    failed_logins   INTEGER     NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    external_source TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);

-- Bearer tokens: only a SHA-256 of the token is stored, so a copy of the database grants nothing.
CREATE TABLE api_token (
    id          UUID PRIMARY KEY,
    token_hash  TEXT        NOT NULL UNIQUE,
    username    TEXT        NOT NULL REFERENCES app_user (username),
    issued_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    revoked     BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX api_token_by_user ON api_token (username);
