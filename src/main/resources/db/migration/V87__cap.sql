-- The CAP gateway (interop.cap). Every message a source posted, accepted or refused, with its CAP identity
-- (sender, identifier, sent), the result of its signature check, and what it did. A message is labelled like the
-- reports it files (ADR 0002) and belongs to the context it was posted in (ADR 0006).
CREATE TABLE cap_message (
    id               UUID PRIMARY KEY,
    received_at      TIMESTAMPTZ NOT NULL,
    received_by      TEXT        NOT NULL,
    source_name      TEXT        NOT NULL,
    envelope         TEXT        NOT NULL CHECK (envelope IN ('CAP', 'EDXL-DE', 'UNREADABLE')),
    distribution_id  TEXT,
    cap_version      TEXT,
    outcome          TEXT        NOT NULL CHECK (outcome IN ('ACCEPTED', 'REFUSED')),
    effect           TEXT        CHECK (effect IN ('NEW', 'UPDATED', 'UPDATE_AS_NEW', 'CANCELLED', 'CANCEL_UNKNOWN',
                                                   'NOT_ACTIONABLE')),
    sender           TEXT,
    identifier       TEXT,
    sent             TIMESTAMPTZ,
    sent_text        TEXT,
    status           TEXT,
    msg_type         TEXT,
    scope            TEXT,
    references_text  TEXT,
    headline         TEXT,
    signature        TEXT        NOT NULL CHECK (signature IN ('UNSIGNED', 'VERIFIED', 'UNTRUSTED', 'INVALID',
                                                               'REFUSED', 'UNCHECKED')),
    signature_detail TEXT        NOT NULL,
    signer           TEXT,
    violations       JSONB       NOT NULL DEFAULT '[]',
    notes            TEXT[]      NOT NULL DEFAULT '{}',
    areas_geojson    TEXT,
    document         TEXT        NOT NULL,
    classification   SMALLINT    NOT NULL CHECK (classification BETWEEN 0 AND 3),
    releasable_to    TEXT[]      NOT NULL,
    origin_nation    CHAR(3)     NOT NULL,
    exercise_id      UUID,
    CHECK ((outcome = 'ACCEPTED') = (identifier IS NOT NULL AND effect IS NOT NULL))
);
-- The same message twice changes nothing: one accepted message per CAP identity, receiving nation and context
-- (two nations relaying one public warning each keep their own copy, and neither learns of the other's).
CREATE UNIQUE INDEX cap_message_identity ON cap_message (origin_nation, sender, identifier, sent,
    COALESCE(exercise_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE outcome = 'ACCEPTED';
CREATE INDEX cap_message_latest ON cap_message (received_at DESC, id);
CREATE INDEX cap_message_by_exercise ON cap_message (exercise_id) WHERE exercise_id IS NOT NULL;

-- What each accepted message did to reports (kept by id: reports belong to the incident module).
CREATE TABLE cap_report (
    message_id UUID    NOT NULL REFERENCES cap_message (id),
    report_id  UUID    NOT NULL,
    info_index INTEGER NOT NULL,
    area_index INTEGER NOT NULL,
    action     TEXT    NOT NULL CHECK (action IN ('FILED', 'UPDATED', 'WITHDRAWN')),
    PRIMARY KEY (message_id, report_id)
);
CREATE INDEX cap_report_by_report ON cap_report (report_id);

-- Certificates trusted for the XML signatures of a source's messages (besides those configured as PEM files).
CREATE TABLE cap_trusted_certificate (
    account     TEXT        NOT NULL,
    fingerprint TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    not_after   TIMESTAMPTZ NOT NULL,
    pem         TEXT        NOT NULL,
    added_by    TEXT        NOT NULL,
    added_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account, fingerprint)
);

-- What became of alerts the node published as CAP: an update is a later alert (id = that alert's id) and a
-- cancellation a CAP message of its own (a new id); each references the alert it replaces.
CREATE TABLE cap_outbound (
    id            UUID        PRIMARY KEY,
    msg_type      TEXT        NOT NULL CHECK (msg_type IN ('Update', 'Cancel')),
    replaces      UUID        NOT NULL,
    note          TEXT,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (replaces, msg_type)
);
