-- Sourcing requests: a planner asks a nation for a requirement; the nation offers units or declines.
CREATE TABLE force_request (
    id              UUID PRIMARY KEY,
    requirement_id  UUID        NOT NULL REFERENCES force_requirement (id),
    nation          CHAR(3)     NOT NULL REFERENCES nation (code),
    status          TEXT        NOT NULL CHECK (status IN ('REQUESTED', 'OFFERED', 'DECLINED')),
    reason          TEXT CHECK (reason IS NULL OR length(reason) <= 2000),
    requested_by    TEXT        NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    answered_by     TEXT,
    answered_at     TIMESTAMPTZ,
    UNIQUE (requirement_id, nation),
    CHECK (status <> 'DECLINED' OR reason IS NOT NULL)
);
CREATE INDEX force_request_by_nation ON force_request (nation, status);

-- An offer answers its nation's request (NULL: volunteered without a request); status changes are kept.
ALTER TABLE force_offer ADD COLUMN request_id UUID REFERENCES force_request (id);
ALTER TABLE force_offer ADD COLUMN status_changed_by TEXT;
ALTER TABLE force_offer ADD COLUMN status_changed_at TIMESTAMPTZ;
CREATE INDEX force_offer_by_requirement ON force_offer (requirement_id);

-- Sourcing plans as computed, kept for review and submission to the Council. Labelled like every record: the
-- highest classification of its requirements, releasable to what all of them are releasable to.
CREATE TABLE force_plan (
    id              UUID PRIMARY KEY,
    crisis_id       UUID,
    status          TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'CIRCULATED', 'ADOPTED')),
    objective       BIGINT      NOT NULL,
    bound           BIGINT      NOT NULL,
    proven_optimal  BOOLEAN     NOT NULL,
    requirement_ids UUID[]      NOT NULL,
    decision_id     UUID,
    register_number TEXT,
    classification  SMALLINT    NOT NULL,
    releasable_to   TEXT[]      NOT NULL,
    origin_nation   CHAR(3)     NOT NULL,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    submitted_by    TEXT,
    submitted_at    TIMESTAMPTZ
);
CREATE INDEX force_plan_by_crisis ON force_plan (crisis_id, created_at DESC);

CREATE TABLE force_plan_assignment (
    plan_id           UUID        NOT NULL REFERENCES force_plan (id),
    requirement_id    UUID        NOT NULL REFERENCES force_requirement (id),
    unit_id           UUID        NOT NULL REFERENCES force_unit (id),
    offer_id          UUID        NOT NULL REFERENCES force_offer (id),
    nation            CHAR(3)     NOT NULL,
    estimated_arrival TIMESTAMPTZ NOT NULL,
    late_hours        DOUBLE PRECISION NOT NULL,
    explanation       TEXT        NOT NULL,
    PRIMARY KEY (plan_id, unit_id)
);

CREATE TABLE force_plan_gap (
    plan_id         UUID    NOT NULL REFERENCES force_plan (id),
    requirement_id  UUID    NOT NULL REFERENCES force_requirement (id),
    missing         INTEGER NOT NULL CHECK (missing > 0),
    reasons         TEXT[]  NOT NULL,
    PRIMARY KEY (plan_id, requirement_id)
);
