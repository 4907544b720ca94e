-- interop.cot on a cluster (issue 21): each CoT event a TAK client sends to one instance, stored by that instance
-- and signalled to the others by its row id only (Kafka carries no content); every other instance reads the row and
-- gives the event to its own clients through the access policy. Rows go when stale. A single node never writes here.
CREATE TABLE cot_relay (
    id             UUID PRIMARY KEY,
    uid            TEXT NOT NULL,
    type           TEXT NOT NULL,
    how            TEXT NOT NULL,
    event_time     TIMESTAMPTZ NOT NULL,
    start_time     TIMESTAMPTZ NOT NULL,
    stale_time     TIMESTAMPTZ NOT NULL,
    lat            DOUBLE PRECISION NOT NULL,
    lon            DOUBLE PRECISION NOT NULL,
    hae            DOUBLE PRECISION NOT NULL,
    ce             DOUBLE PRECISION NOT NULL,
    le             DOUBLE PRECISION NOT NULL,
    detail         TEXT NOT NULL,               -- <detail> as the node re-serialised it, never the sender's bytes
    callsign       TEXT,
    classification SMALLINT NOT NULL,
    releasable_to  TEXT[] NOT NULL,
    origin_nation  TEXT,
    exercise_id    UUID,
    sender         TEXT NOT NULL,               -- the sending user (the uid's holder)
    sender_nation  TEXT NOT NULL,
    instance       TEXT NOT NULL,               -- the incarnation the device is connected to
    received_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX cot_relay_stale ON cot_relay (stale_time);
CREATE INDEX cot_relay_position ON cot_relay (uid, received_at DESC) WHERE type LIKE 'a-%';
