-- Exercises: who trains (nations of the training audience), who runs it (EXCON) and who evaluates it. Records
-- created in an exercise carry its id in their own tables' exercise_id (ADR 0006).
CREATE TABLE exercise (
    id                UUID PRIMARY KEY,
    name              TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    starts_on         DATE,
    ends_on           DATE,
    training_audience TEXT[]      NOT NULL,
    excon_users       TEXT[]      NOT NULL DEFAULT '{}',
    evaluator_users   TEXT[]      NOT NULL DEFAULT '{}',
    status            TEXT        NOT NULL DEFAULT 'PLANNED'
                      CHECK (status IN ('PLANNED', 'RUNNING', 'ENDED', 'ARCHIVED', 'PURGED')),
    classification    SMALLINT    NOT NULL CHECK (classification BETWEEN 0 AND 3),
    releasable_to     TEXT[]      NOT NULL,
    origin_nation     CHAR(3)     NOT NULL,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    version           INTEGER     NOT NULL DEFAULT 0
);
