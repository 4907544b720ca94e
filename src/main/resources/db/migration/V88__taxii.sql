-- interop.taxii: the STIX 2.1 objects of this node's TAXII collections, one row per object version, each with its
-- Kalkan label (ADR 0002) and context (ADR 0006), and the status of every submission (TAXII 2.1 §4.3).
-- seq is the strictly increasing tie-breaker of paging: writes to one collection are serialised, so seq and
-- date_added grow together and in commit order, and a page boundary (date_added, seq) never skips a later row.
CREATE TABLE taxii_object (
    seq            BIGSERIAL   PRIMARY KEY,
    collection     TEXT        NOT NULL,
    stix_id        TEXT        NOT NULL,
    stix_type      TEXT        NOT NULL,
    spec_version   TEXT        NOT NULL,
    version        TIMESTAMPTZ NOT NULL,              -- modified, else created, else date_added (TAXII §3.5)
    version_text   TEXT        NOT NULL,              -- the version as the object states it
    date_added     TIMESTAMPTZ NOT NULL,
    body           TEXT        NOT NULL,              -- the object as accepted (JSON)
    refs           TEXT[]      NOT NULL DEFAULT '{}', -- every identifier the object references (relationships)
    posted_by      TEXT        NOT NULL,
    classification SMALLINT    NOT NULL,
    releasable_to  TEXT[]      NOT NULL,
    origin_nation  CHAR(3)     NOT NULL,
    exercise_id    UUID
);
CREATE INDEX taxii_object_added ON taxii_object (collection, date_added, seq);
CREATE INDEX taxii_object_id ON taxii_object (collection, stix_id, version);
CREATE INDEX taxii_object_refs ON taxii_object USING gin (refs);

CREATE TABLE taxii_status (
    id                UUID        PRIMARY KEY,
    collection        TEXT        NOT NULL,
    requested_by      TEXT        NOT NULL,
    request_timestamp TIMESTAMPTZ NOT NULL,
    exercise_id       UUID
);
CREATE INDEX taxii_status_requester ON taxii_status (requested_by, request_timestamp DESC);

-- One row per object of a submission: its outcome and, labelled like the object (failures with the poster's
-- default label), so a status resource shows each caller only what the caller may read.
CREATE TABLE taxii_status_detail (
    status_id      UUID     NOT NULL REFERENCES taxii_status (id) ON DELETE CASCADE,
    position       INTEGER  NOT NULL,
    outcome        TEXT     NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'PENDING')),
    stix_id        TEXT     NOT NULL,
    version        TEXT     NOT NULL,
    message        TEXT,
    classification SMALLINT NOT NULL,
    releasable_to  TEXT[]   NOT NULL,
    origin_nation  CHAR(3)  NOT NULL,
    exercise_id    UUID,
    PRIMARY KEY (status_id, position)
);
