-- Unified defence training (issue 17): the catalogue, sessions with quotas, nominations and their waiting list,
-- personnel records with completions and qualifications (history kept), billets, unit certifications, and
-- training requirements from lessons learned. Training records are real-world records shared by every context
-- (people train in the real world), so they have no exercise_id and are read with filterAcrossContexts.

CREATE TABLE training_course (
    id                          UUID PRIMARY KEY,
    code                        TEXT        NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    title                       TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    objectives                  TEXT[]      NOT NULL DEFAULT '{}',
    delivering_nation           CHAR(3)     NOT NULL REFERENCES nation (code),
    institution                 TEXT,
    language                    TEXT        NOT NULL,
    duration_days               INTEGER CHECK (duration_days IS NULL OR duration_days BETWEEN 1 AND 730),
    minimum_clearance           SMALLINT    NOT NULL CHECK (minimum_clearance BETWEEN 0 AND 3),
    prerequisite_courses        TEXT[]      NOT NULL DEFAULT '{}',
    prerequisite_qualifications TEXT[]      NOT NULL DEFAULT '{}',
    prerequisite_language       TEXT,
    prerequisite_profile        TEXT,
    grants_qualification        TEXT,
    valid_for                   TEXT,
    grace_period                TEXT,
    classification              SMALLINT    NOT NULL CHECK (classification BETWEEN 0 AND 3),
    releasable_to               TEXT[]      NOT NULL,
    origin_nation               CHAR(3)     NOT NULL,
    created_by                  TEXT        NOT NULL,
    created_at                  TIMESTAMPTZ NOT NULL,
    updated_at                  TIMESTAMPTZ NOT NULL,
    version                     INTEGER     NOT NULL DEFAULT 0,
    CHECK ((grants_qualification IS NULL) = (valid_for IS NULL))
);
CREATE INDEX training_course_search ON training_course USING gin (to_tsvector('simple', code || ' ' || title));

CREATE TABLE training_session (
    id                  UUID PRIMARY KEY,
    course_id           UUID        NOT NULL REFERENCES training_course (id),
    starts_on           DATE        NOT NULL,
    ends_on             DATE        NOT NULL,
    place               TEXT,
    seats               INTEGER     NOT NULL CHECK (seats BETWEEN 1 AND 1000),
    nomination_deadline DATE        NOT NULL,
    classification      SMALLINT    NOT NULL CHECK (classification BETWEEN 0 AND 3),
    releasable_to       TEXT[]      NOT NULL,
    origin_nation       CHAR(3)     NOT NULL,
    created_by          TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    version             INTEGER     NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on),
    CHECK (nomination_deadline <= starts_on)
);
CREATE INDEX training_session_by_course ON training_session (course_id, starts_on);

-- Seats reserved per nation; the seats no quota reserves are open to nations without one.
CREATE TABLE training_quota (
    session_id UUID    NOT NULL REFERENCES training_session (id) ON DELETE CASCADE,
    nation     CHAR(3) NOT NULL REFERENCES nation (code),
    seats      INTEGER NOT NULL CHECK (seats >= 0),
    PRIMARY KEY (session_id, nation)
);

CREATE TABLE training_person (
    id             UUID PRIMARY KEY,
    service_number TEXT        NOT NULL,
    name           TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    rank           TEXT        NOT NULL,
    nation         CHAR(3)     NOT NULL REFERENCES nation (code),
    unit_id        UUID,
    clearance      SMALLINT    NOT NULL CHECK (clearance BETWEEN 0 AND 3),
    classification SMALLINT    NOT NULL CHECK (classification BETWEEN 0 AND 3),
    releasable_to  TEXT[]      NOT NULL,
    origin_nation  CHAR(3)     NOT NULL,
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    version        INTEGER     NOT NULL DEFAULT 0,
    UNIQUE (nation, service_number),
    CHECK (origin_nation = nation)
);
CREATE INDEX training_person_by_unit ON training_person (unit_id);

CREATE TABLE training_person_language (
    person_id UUID NOT NULL REFERENCES training_person (id) ON DELETE CASCADE,
    language  TEXT NOT NULL,
    profile   TEXT NOT NULL,
    PRIMARY KEY (person_id, language)
);

-- Nominations queue in priority (1 first) then arrival order.
CREATE TABLE training_nomination (
    id              UUID PRIMARY KEY,
    session_id      UUID        NOT NULL REFERENCES training_session (id),
    person_id       UUID        NOT NULL REFERENCES training_person (id),
    nation          CHAR(3)     NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('NOMINATED', 'WAITLISTED', 'WITHDRAWN', 'NOT_SELECTED')),
    priority        SMALLINT    NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
    arrival         BIGINT      GENERATED ALWAYS AS IDENTITY,
    result          TEXT CHECK (result IN ('PASSED', 'COMPLETED', 'FAILED')),
    result_by       TEXT,
    result_at       TIMESTAMPTZ,
    nominated_by    TEXT        NOT NULL,
    nominated_at    TIMESTAMPTZ NOT NULL,
    note            TEXT,
    UNIQUE (session_id, person_id),
    CHECK (result IS NULL OR status = 'NOMINATED')
);

-- Courses finished: from a session's result or a learning system's statement.
CREATE TABLE training_completion (
    id           UUID PRIMARY KEY,
    person_id    UUID        NOT NULL REFERENCES training_person (id),
    course_id    UUID        NOT NULL REFERENCES training_course (id),
    outcome      TEXT        NOT NULL CHECK (outcome IN ('PASSED', 'COMPLETED', 'FAILED')),
    completed_on DATE        NOT NULL,
    source       TEXT        NOT NULL,
    recorded_by  TEXT        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX training_completion_by_person ON training_completion (person_id);

-- Every grant of a qualification is kept: a recertification supersedes the grant before it.
CREATE TABLE training_qualification (
    id            UUID PRIMARY KEY,
    person_id     UUID        NOT NULL REFERENCES training_person (id),
    code          TEXT        NOT NULL,
    course_id     UUID        NOT NULL REFERENCES training_course (id),
    earned_on     DATE        NOT NULL,
    valid_until   DATE        NOT NULL,
    grace_until   DATE        NOT NULL,
    evidence      TEXT        NOT NULL,
    superseded_on DATE,
    reminded_at   TIMESTAMPTZ,
    expired_at    TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL,
    CHECK (valid_until > earned_on AND grace_until >= valid_until)
);
CREATE INDEX training_qualification_by_person ON training_qualification (person_id, code);
CREATE INDEX training_qualification_due ON training_qualification (valid_until) WHERE superseded_on IS NULL;

-- Billets: how many qualified people a unit's capability needs. Units live in the force registry.
CREATE TABLE training_billet (
    unit_id       UUID        NOT NULL,
    capability    TEXT        NOT NULL,
    qualification TEXT        NOT NULL,
    required      INTEGER     NOT NULL CHECK (required BETWEEN 1 AND 10000),
    set_by        TEXT        NOT NULL,
    set_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (unit_id, capability, qualification)
);

-- Unit evaluations (CREVAL style); read through the unit's label in the force registry.
CREATE TABLE training_unit_certification (
    id                 UUID PRIMARY KEY,
    unit_id            UUID        NOT NULL,
    unit_nation        CHAR(3)     NOT NULL,
    capability         TEXT        NOT NULL,
    outcome            TEXT        NOT NULL CHECK (outcome IN ('CERTIFIED', 'NOT_CERTIFIED')),
    evaluated_on       DATE        NOT NULL,
    valid_until        DATE,
    criteria           JSONB       NOT NULL DEFAULT '[]',
    exercise_id        UUID,
    notes              TEXT,
    certified_by       TEXT        NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL,
    lapse_announced_at TIMESTAMPTZ,
    CHECK (outcome = 'NOT_CERTIFIED' OR valid_until > evaluated_on)
);
CREATE INDEX training_certification_by_unit ON training_unit_certification (unit_id, capability, evaluated_on DESC);

-- Training asked for by lessons learned (REMEDIAL_ACTION with training as the remedy).
CREATE TABLE training_requirement (
    id              UUID PRIMARY KEY,
    lesson_id       UUID        NOT NULL UNIQUE,
    exercise_id     UUID        NOT NULL,
    title           TEXT        NOT NULL,
    remedial_action TEXT        NOT NULL,
    owner           TEXT,
    due_on          DATE,
    status          TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ADDRESSED')),
    course_id       UUID REFERENCES training_course (id),
    classification  SMALLINT    NOT NULL CHECK (classification BETWEEN 0 AND 3),
    releasable_to   TEXT[]      NOT NULL,
    origin_nation   CHAR(3)     NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    addressed_by    TEXT,
    addressed_at    TIMESTAMPTZ
);
