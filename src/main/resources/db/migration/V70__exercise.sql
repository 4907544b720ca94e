-- Exercises: who trains (nations of the training audience), who runs it (EXCON) and who evaluates it. Records
-- created in an exercise carry its id in their own tables' exercise_id (ADR 0006).
CREATE TABLE exercise (
    id                  UUID PRIMARY KEY,
    name                TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    starts_on           DATE,
    ends_on             DATE,
    training_audience   TEXT[]      NOT NULL,
    excon_users         TEXT[]      NOT NULL DEFAULT '{}',
    evaluator_users     TEXT[]      NOT NULL DEFAULT '{}',
    objectives          TEXT[]      NOT NULL DEFAULT '{}',
    phases              TEXT[]      NOT NULL DEFAULT '{}',
    participating_units UUID[]      NOT NULL DEFAULT '{}',
    status              TEXT        NOT NULL DEFAULT 'PLANNED'
                        CHECK (status IN ('PLANNED', 'RUNNING', 'ENDED', 'ARCHIVED', 'PURGED')),
    classification      SMALLINT    NOT NULL CHECK (classification BETWEEN 0 AND 3),
    releasable_to       TEXT[]      NOT NULL,
    origin_nation       CHAR(3)     NOT NULL,
    created_by          TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    version             INTEGER     NOT NULL DEFAULT 0,
    -- The exercise clock, persisted so it survives a restart: exercise time = clock_offset_ms
    -- + clock_rate × (now - clock_resumed_at) while RUNNING, clock_offset_ms otherwise.
    clock_state         TEXT        NOT NULL DEFAULT 'STOPPED' CHECK (clock_state IN ('STOPPED', 'RUNNING', 'PAUSED')),
    clock_rate          DOUBLE PRECISION NOT NULL DEFAULT 1 CHECK (clock_rate > 0 AND clock_rate <= 3600),
    clock_offset_ms     BIGINT      NOT NULL DEFAULT 0,
    clock_resumed_at    TIMESTAMPTZ,
    clock_started_at    TIMESTAMPTZ
);

-- The MSEL: injects, each delivered into the exercise context when its exercise time (due_ms) has come.
CREATE TABLE exercise_inject (
    id                  UUID PRIMARY KEY,
    exercise_id         UUID        NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
    number              INTEGER     NOT NULL CHECK (number > 0),
    offset_ms           BIGINT      NOT NULL CHECK (offset_ms >= 0),
    start_condition     TEXT        NOT NULL CHECK (start_condition IN ('AT_TIME', 'AFTER_DELAY', 'MANUAL')),
    after_number        INTEGER,
    kind                TEXT        NOT NULL CHECK (kind IN ('REPORT', 'ALERT', 'RFI', 'TRACK', 'MESSAGE')),
    content             JSONB       NOT NULL,
    sender              TEXT        NOT NULL,
    recipients          TEXT[]      NOT NULL,
    expected_action     TEXT        NOT NULL,
    objective           TEXT,
    contingency_number  INTEGER,
    deadline_ms         BIGINT,
    status              TEXT        NOT NULL DEFAULT 'PLANNED'
                        CHECK (status IN ('PLANNED', 'SCHEDULED', 'DELIVERED', 'CANCELLED')),
    held                BOOLEAN     NOT NULL DEFAULT FALSE,
    due_ms              BIGINT,
    delivered_at        TIMESTAMPTZ,
    delivered_ms        BIGINT,
    delivered_ref       TEXT,
    deliveries          INTEGER     NOT NULL DEFAULT 0,
    contingency_fired   BOOLEAN     NOT NULL DEFAULT FALSE,
    last_error          TEXT,
    version             INTEGER     NOT NULL DEFAULT 0,
    UNIQUE (exercise_id, number)
);
CREATE INDEX exercise_inject_due ON exercise_inject (exercise_id, status, due_ms);

-- What players did in response to injects (measured from events, or recorded by EXCON/evaluators).
CREATE TABLE exercise_player_action (
    id                  UUID PRIMARY KEY,
    exercise_id         UUID        NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
    inject_id           UUID        REFERENCES exercise_inject (id) ON DELETE CASCADE,
    action              TEXT        NOT NULL,
    actor               TEXT        NOT NULL,
    actor_nation        CHAR(3),
    at                  TIMESTAMPTZ NOT NULL,
    at_ms               BIGINT      NOT NULL,
    reference           TEXT
);
CREATE INDEX exercise_player_action_inject ON exercise_player_action (inject_id);

-- Evaluator observations, linked to an inject and/or an objective.
CREATE TABLE exercise_observation (
    id                  UUID PRIMARY KEY,
    exercise_id         UUID        NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
    inject_id           UUID        REFERENCES exercise_inject (id) ON DELETE SET NULL,
    objective           TEXT,
    text                TEXT        NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    author              TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL
);

-- Lessons learned, across exercises: OBSERVATION → LESSON_IDENTIFIED → REMEDIAL_ACTION → LESSON_LEARNED.
-- They outlive a purge of their exercise's records (the exercise row stays, status PURGED).
CREATE TABLE exercise_lesson (
    id                  UUID PRIMARY KEY,
    exercise_id         UUID        NOT NULL REFERENCES exercise (id),
    observation_id      UUID,
    title               TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    text                TEXT        NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('OBSERVATION', 'LESSON_IDENTIFIED', 'REMEDIAL_ACTION',
                                                               'LESSON_LEARNED')),
    remedial_action     TEXT,
    owner               TEXT,
    due_on              DATE,
    validated_by        TEXT,
    created_by          TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX exercise_lesson_search ON exercise_lesson USING gin (to_tsvector('simple', title || ' ' || text));
