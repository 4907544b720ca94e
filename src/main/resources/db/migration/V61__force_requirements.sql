-- What a crisis needs from the nations, and the units they offer for it.
CREATE TABLE force_requirement (
    id              UUID PRIMARY KEY,
    crisis_id       UUID        NOT NULL,
    capability      TEXT        NOT NULL,
    quantity        INTEGER     NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    lat             DOUBLE PRECISION NOT NULL,
    lon             DOUBLE PRECISION NOT NULL,
    country         CHAR(3)     NOT NULL,
    needed_by       TIMESTAMPTZ NOT NULL,
    duration_days   INTEGER     NOT NULL CHECK (duration_days BETWEEN 1 AND 3650),
    use_of_force    TEXT,
    classification  SMALLINT    NOT NULL,
    releasable_to   TEXT[]      NOT NULL,
    origin_nation   CHAR(3)     NOT NULL,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX force_requirement_by_crisis ON force_requirement (crisis_id);

CREATE TABLE force_offer (
    id              UUID PRIMARY KEY,
    requirement_id  UUID        NOT NULL REFERENCES force_requirement (id),
    unit_id         UUID        NOT NULL REFERENCES force_unit (id),
    nation          CHAR(3)     NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('OFFERED', 'ACCEPTED', 'DECLINED', 'ACTIVATED',
                                                           'DEPLOYED', 'RELEASED')),
    extra_excluded_uses TEXT[]  NOT NULL DEFAULT '{}',
    offered_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (requirement_id, unit_id)
);
