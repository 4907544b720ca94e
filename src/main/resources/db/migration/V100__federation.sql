-- Federation (issue 15, docs/adr/0008-federation-log.md): peers, the per-origin change log, its signed seals, how
-- far this node holds each origin's log, and what was quarantined.

-- A peer node, registered by an administrator with the certificate exchanged out of band. Without a url it is only
-- an originator whose signatures this node verifies (its entries arrive relayed by another peer).
CREATE TABLE federation_peer (
    node_id            TEXT        PRIMARY KEY,
    nations            TEXT[]      NOT NULL CHECK (cardinality(nations) > 0),
    max_classification SMALLINT    NOT NULL,
    url                TEXT,
    certificate        TEXT        NOT NULL,
    fingerprint        TEXT        NOT NULL UNIQUE,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            INTEGER     NOT NULL DEFAULT 0
);

-- What the link with each peer did, both ways (kept across restarts; shown on the operations page).
CREATE TABLE federation_peer_status (
    node_id             TEXT        PRIMARY KEY REFERENCES federation_peer (node_id) ON DELETE CASCADE,
    last_contact        TIMESTAMPTZ,
    behind_entries      BIGINT      NOT NULL DEFAULT 0,
    caught_up_at        TIMESTAMPTZ,
    peer_behind_entries BIGINT      NOT NULL DEFAULT 0,
    quarantined         BIGINT      NOT NULL DEFAULT 0,
    bytes_in            BIGINT      NOT NULL DEFAULT 0,
    bytes_out           BIGINT      NOT NULL DEFAULT 0,
    entries_in          BIGINT      NOT NULL DEFAULT 0,
    entries_out         BIGINT      NOT NULL DEFAULT 0,
    last_error          TEXT,
    last_error_at       TIMESTAMPTZ,
    acknowledged_cursor TEXT
);

-- The change log of every origin this node holds: its own (origin = this node, written in the writing transaction
-- without a number; the sequencer numbers them in commit order) and every peer's (stored as received, in the form
-- this node may hold). A stream is (origin, lane); seq is gapless per stream.
--   FULL:     record_type, record_id, op, the label columns and body (the origin's bytes) are set;
--   REDACTED: record_type, record_id, op and rest_hash only (a retraction for whoever held the record);
--   HASH:     leaf_hash only (keeps the stream verifiable for those who may not see the entry).
CREATE TABLE federation_entry (
    id                      BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    origin                  TEXT        NOT NULL,
    lane                    TEXT        NOT NULL CHECK (lane IN ('BULK', 'FLASH')),
    seq                     BIGINT      CHECK (seq > 0),
    form                    TEXT        NOT NULL CHECK (form IN ('FULL', 'REDACTED', 'HASH')),
    record_type             TEXT,
    record_id               UUID,
    op                      TEXT        CHECK (op IN ('UPSERT', 'WITHDRAW')),
    classification          SMALLINT,
    releasable_to           TEXT[],
    origin_nation           CHAR(3),
    previous_classification SMALLINT,
    previous_releasable_to  TEXT[],
    body                    BYTEA,
    rest_hash               BYTEA       CHECK (octet_length(rest_hash) = 32),
    leaf_hash               BYTEA       CHECK (octet_length(leaf_hash) = 32),
    written_at              TIMESTAMPTZ NOT NULL,
    UNIQUE (origin, lane, seq),
    CHECK (form <> 'FULL' OR (body IS NOT NULL AND classification IS NOT NULL AND releasable_to IS NOT NULL)),
    CHECK (form = 'HASH' OR (record_type IS NOT NULL AND record_id IS NOT NULL AND op IS NOT NULL
                             AND rest_hash IS NOT NULL))
);
CREATE INDEX federation_entry_unsequenced ON federation_entry (origin, id) WHERE seq IS NULL;
CREATE INDEX federation_entry_by_record ON federation_entry (record_id, origin, lane, seq) WHERE record_id IS NOT NULL;

-- The origin's signature over a contiguous range of one stream: a compact JWS (ES256, the origin's node key) whose
-- payload names the range and the hash of its leaves. Relays forward it as it is; via is the path the range took
-- to reach this node (empty when received from its origin, or for our own).
CREATE TABLE federation_seal (
    origin        TEXT        NOT NULL,
    lane          TEXT        NOT NULL,
    first_seq     BIGINT      NOT NULL CHECK (first_seq > 0),
    last_seq      BIGINT      NOT NULL CHECK (last_seq >= first_seq),
    jws           TEXT        NOT NULL,
    hop_limit     INTEGER     NOT NULL CHECK (hop_limit >= 0),
    via           TEXT[]      NOT NULL DEFAULT '{}',
    received_from TEXT,
    received_at   TIMESTAMPTZ,
    PRIMARY KEY (origin, lane, last_seq),
    UNIQUE (origin, lane, first_seq)
);

-- How far this node holds each stream: the cursor. For a peer's stream it moves in the transaction that applies
-- the entries; for our own, in the sequencer's.
CREATE TABLE federation_stream (
    origin   TEXT        NOT NULL,
    lane     TEXT        NOT NULL,
    last_seq BIGINT      NOT NULL DEFAULT 0,
    last_at  TIMESTAMPTZ,
    PRIMARY KEY (origin, lane)
);

-- Entries a peer sent that none of this node's nations may read (or that break origin authority): never applied,
-- their content never stored; what they were is kept for the administrators.
CREATE TABLE federation_quarantine (
    id             BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    origin         TEXT        NOT NULL,
    lane           TEXT        NOT NULL,
    seq            BIGINT      NOT NULL,
    received_from  TEXT        NOT NULL,
    record_type    TEXT,
    record_id      UUID,
    classification SMALLINT,
    releasable_to  TEXT[],
    reason         TEXT        NOT NULL,
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX federation_quarantine_by_time ON federation_quarantine (at DESC);
