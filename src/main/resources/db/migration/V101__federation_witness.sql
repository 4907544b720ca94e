-- Witnessed audit (issue 15): the last signed audit checkpoint this node saw of each peer, checked consistent with
-- the one before it (RFC 9162 consistency proof), and the inconsistency found, if any (the peer rewrote its history).
CREATE TABLE federation_witness (
    node_id         TEXT        PRIMARY KEY REFERENCES federation_peer (node_id) ON DELETE CASCADE,
    tree_size       BIGINT      NOT NULL CHECK (tree_size >= 0),
    root_hash       BYTEA       NOT NULL CHECK (octet_length(root_hash) = 32),
    checkpoint_at   TIMESTAMPTZ NOT NULL,
    signature       BYTEA       NOT NULL,
    checked_at      TIMESTAMPTZ NOT NULL,
    inconsistent_at TIMESTAMPTZ,
    inconsistency   TEXT
);
