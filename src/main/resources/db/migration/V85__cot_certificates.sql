-- interop.cot: client certificates issued by the node's CA, and each user's default label for CoT they send.
CREATE TABLE cot_certificate (
    serial      TEXT PRIMARY KEY,            -- hexadecimal, as in the certificate
    username    TEXT NOT NULL REFERENCES app_user (username),
    subject_dn  TEXT NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL,
    not_after   TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ,
    revoked_by  TEXT,
    pem         TEXT NOT NULL
);
CREATE INDEX cot_certificate_username ON cot_certificate (username);

CREATE TABLE cot_user_label (
    username       TEXT PRIMARY KEY REFERENCES app_user (username),
    classification SMALLINT NOT NULL,
    releasable_to  TEXT[] NOT NULL
);
