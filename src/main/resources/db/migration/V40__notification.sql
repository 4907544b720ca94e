-- Flash alerts: one row per alert (labelled, ADR 0002) and one row per resolved recipient, whose
-- acknowledgement deadline lives here so that escalation survives a restart of the node.
CREATE TABLE alert (
    id                 UUID PRIMARY KEY,
    text               TEXT        NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    precedence         TEXT        NOT NULL CHECK (precedence IN ('FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE')),
    ack_within_seconds BIGINT      NOT NULL CHECK (ack_within_seconds > 0),
    classification     SMALLINT    NOT NULL CHECK (classification BETWEEN 0 AND 3),
    releasable_to      TEXT[]      NOT NULL,
    origin_nation      CHAR(3)     NOT NULL,
    sender             TEXT        NOT NULL,
    sent_at            TIMESTAMPTZ NOT NULL,
    crisis_id          UUID,
    exercise_id        UUID,
    escalated_from     UUID REFERENCES alert (id)
);
CREATE INDEX alert_by_escalated_from ON alert (escalated_from) WHERE escalated_from IS NOT NULL;

CREATE TABLE alert_recipient (
    alert_id            UUID        NOT NULL REFERENCES alert (id),
    username            TEXT        NOT NULL REFERENCES app_user (username),
    nation              CHAR(3)     NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('PENDING', 'ACKNOWLEDGED', 'ESCALATED')),
    ack_deadline        TIMESTAMPTZ NOT NULL,
    acknowledged_at     TIMESTAMPTZ,
    escalated_at        TIMESTAMPTZ,
    escalation_alert_id UUID REFERENCES alert (id),
    PRIMARY KEY (alert_id, username),
    CHECK ((status = 'ACKNOWLEDGED') = (acknowledged_at IS NOT NULL)),
    CHECK ((status = 'ESCALATED') = (escalated_at IS NOT NULL))
);
-- The escalation poller's question, asked every second: which pending deadlines have passed?
CREATE INDEX alert_recipient_due ON alert_recipient (ack_deadline) WHERE status = 'PENDING';
CREATE INDEX alert_recipient_by_user ON alert_recipient (username, status);
