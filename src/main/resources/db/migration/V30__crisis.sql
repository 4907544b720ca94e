-- Crises, their team, attached incidents, the append-only crisis log, tasks, RFIs and numbered SITREPs.
-- Every labelled table carries classification / releasable_to / origin_nation (ADR 0002).

CREATE TABLE crisis (
    id              UUID PRIMARY KEY,
    title           TEXT        NOT NULL,
    phase           TEXT        NOT NULL CHECK (phase IN ('INDICATIONS_AND_WARNING', 'ASSESSMENT', 'RESPONSE_OPTIONS',
                                    'PLANNING', 'EXECUTION', 'TRANSITION', 'CLOSED')),
    classification  SMALLINT    NOT NULL,
    releasable_to   TEXT[]      NOT NULL,
    origin_nation   CHAR(3)     NOT NULL,
    exercise_id     UUID,
    opened_by       TEXT        NOT NULL,
    opened_at       TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    -- SITREP schedule: every sitrep_every_seconds a draft is prepared at next_sitrep_at (NULL = on demand only).
    sitrep_every_seconds BIGINT CHECK (sitrep_every_seconds IS NULL OR sitrep_every_seconds >= 60),
    next_sitrep_at  TIMESTAMPTZ,
    version         INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX crisis_sitrep_due ON crisis (next_sitrep_at) WHERE next_sitrep_at IS NOT NULL AND phase <> 'CLOSED';

-- The crisis team: named users, and nations whose every user is on the team (need-to-know).
CREATE TABLE crisis_team_user (
    crisis_id  UUID NOT NULL REFERENCES crisis (id),
    username   TEXT NOT NULL,
    PRIMARY KEY (crisis_id, username)
);
CREATE INDEX crisis_team_user_by_user ON crisis_team_user (username);

CREATE TABLE crisis_team_nation (
    crisis_id  UUID    NOT NULL REFERENCES crisis (id),
    nation     CHAR(3) NOT NULL,
    PRIMARY KEY (crisis_id, nation)
);
CREATE INDEX crisis_team_nation_by_nation ON crisis_team_nation (nation);

-- Incidents belong to the incident module: referenced by id only.
CREATE TABLE crisis_incident (
    crisis_id    UUID        NOT NULL REFERENCES crisis (id),
    incident_id  UUID        NOT NULL,
    attached_by  TEXT        NOT NULL,
    attached_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (crisis_id, incident_id)
);

CREATE TABLE crisis_log_entry (
    id              UUID PRIMARY KEY,
    seq             BIGSERIAL   NOT NULL UNIQUE,
    crisis_id       UUID        NOT NULL REFERENCES crisis (id),
    at              TIMESTAMPTZ NOT NULL,
    author          TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    text            TEXT        NOT NULL,
    corrects        UUID REFERENCES crisis_log_entry (id),
    classification  SMALLINT    NOT NULL,
    releasable_to   TEXT[]      NOT NULL,
    origin_nation   CHAR(3)     NOT NULL
);
CREATE INDEX crisis_log_by_crisis ON crisis_log_entry (crisis_id, seq);

-- The crisis log is append-only: corrections are new entries that reference the corrected one.
CREATE FUNCTION crisis_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER crisis_log_no_update BEFORE UPDATE OR DELETE ON crisis_log_entry
    FOR EACH ROW EXECUTE FUNCTION crisis_append_only();

CREATE TABLE crisis_task (
    id              UUID PRIMARY KEY,
    crisis_id       UUID        NOT NULL REFERENCES crisis (id),
    title           TEXT        NOT NULL,
    owner_kind      TEXT        NOT NULL CHECK (owner_kind IN ('USER', 'NATION', 'CELL')),
    owner           TEXT        NOT NULL,
    due_at          TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    overdue_at      TIMESTAMPTZ,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_by      TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    classification  SMALLINT    NOT NULL,
    releasable_to   TEXT[]      NOT NULL,
    origin_nation   CHAR(3)     NOT NULL,
    version         INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX crisis_task_by_crisis ON crisis_task (crisis_id, due_at);
CREATE INDEX crisis_task_due ON crisis_task (due_at) WHERE overdue_at IS NULL AND status IN ('OPEN', 'IN_PROGRESS');

CREATE TABLE crisis_rfi (
    id              UUID PRIMARY KEY,
    crisis_id       UUID        NOT NULL REFERENCES crisis (id),
    question        TEXT        NOT NULL,
    addressed_to    TEXT[]      NOT NULL CHECK (cardinality(addressed_to) > 0),
    deadline        TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    overdue_at      TIMESTAMPTZ,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    closed_by       TEXT,
    closed_at       TIMESTAMPTZ,
    closing_note    TEXT,
    classification  SMALLINT    NOT NULL,
    releasable_to   TEXT[]      NOT NULL,
    origin_nation   CHAR(3)     NOT NULL,
    version         INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX crisis_rfi_by_crisis ON crisis_rfi (crisis_id, created_at);
CREATE INDEX crisis_rfi_due ON crisis_rfi (deadline) WHERE overdue_at IS NULL AND status = 'OPEN';

CREATE TABLE crisis_rfi_answer (
    id              UUID PRIMARY KEY,
    rfi_id          UUID        NOT NULL REFERENCES crisis_rfi (id),
    text            TEXT        NOT NULL,
    answered_by     TEXT        NOT NULL,
    answered_at     TIMESTAMPTZ NOT NULL,
    classification  SMALLINT    NOT NULL,
    releasable_to   TEXT[]      NOT NULL,
    origin_nation   CHAR(3)     NOT NULL
);
CREATE INDEX crisis_rfi_answer_by_rfi ON crisis_rfi_answer (rfi_id, answered_at);

-- SITREPs are numbered per crisis; a draft is edited until issued, then it is immutable.
CREATE TABLE crisis_sitrep (
    crisis_id       UUID        NOT NULL REFERENCES crisis (id),
    number          INTEGER     NOT NULL CHECK (number > 0),
    status          TEXT        NOT NULL CHECK (status IN ('DRAFT', 'ISSUED')),
    period_from     TIMESTAMPTZ NOT NULL,
    period_to       TIMESTAMPTZ NOT NULL,
    phase           TEXT        NOT NULL,
    situation       TEXT        NOT NULL,
    incidents       TEXT        NOT NULL,
    tasks           TEXT        NOT NULL,
    rfis            TEXT        NOT NULL,
    decisions       TEXT        NOT NULL,
    outlook         TEXT        NOT NULL,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    issued_by       TEXT,
    issued_at       TIMESTAMPTZ,
    classification  SMALLINT    NOT NULL,
    releasable_to   TEXT[]      NOT NULL,
    origin_nation   CHAR(3)     NOT NULL,
    version         INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (crisis_id, number)
);

CREATE FUNCTION crisis_sitrep_issued_immutable() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status = 'ISSUED' THEN
        RAISE EXCEPTION 'an issued SITREP is immutable and no SITREP is deleted';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER crisis_sitrep_immutable BEFORE UPDATE OR DELETE ON crisis_sitrep
    FOR EACH ROW EXECUTE FUNCTION crisis_sitrep_issued_immutable();

-- Alert levels per member state and per named region. Levels are organisation-wide, unclassified data;
-- every change is kept in alert_level_change (append-only): who, when, why and under which decision.
CREATE TABLE alert_level (
    target_kind  TEXT        NOT NULL CHECK (target_kind IN ('NATION', 'REGION')),
    target       TEXT        NOT NULL,
    level        TEXT        NOT NULL CHECK (level IN ('NORMAL', 'ELEVATED', 'HIGH', 'SEVERE')),
    changed_at   TIMESTAMPTZ NOT NULL,
    changed_by   TEXT        NOT NULL,
    reason       TEXT        NOT NULL,
    decision_ref TEXT        NOT NULL,
    version      INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (target_kind, target)
);

CREATE TABLE alert_level_change (
    seq          BIGSERIAL PRIMARY KEY,
    target_kind  TEXT        NOT NULL,
    target       TEXT        NOT NULL,
    from_level   TEXT        NOT NULL,
    to_level     TEXT        NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL,
    changed_by   TEXT        NOT NULL,
    reason       TEXT        NOT NULL,
    decision_ref TEXT        NOT NULL,
    FOREIGN KEY (target_kind, target) REFERENCES alert_level (target_kind, target)
);
CREATE INDEX alert_level_change_by_target ON alert_level_change (target_kind, target, seq);

CREATE TRIGGER alert_level_change_no_update BEFORE UPDATE OR DELETE ON alert_level_change
    FOR EACH ROW EXECUTE FUNCTION crisis_append_only();

INSERT INTO alert_level (target_kind, target, level, changed_at, changed_by, reason, decision_ref)
SELECT 'NATION', code, 'NORMAL', now(), 'system', 'initial level', 'none' FROM nation WHERE status = 'MEMBER';
INSERT INTO alert_level (target_kind, target, level, changed_at, changed_by, reason, decision_ref) VALUES
    ('REGION', 'Caspian', 'NORMAL', now(), 'system', 'initial level', 'none'),
    ('REGION', 'Fergana Valley', 'NORMAL', now(), 'system', 'initial level', 'none'),
    ('REGION', 'South Caucasus', 'NORMAL', now(), 'system', 'initial level', 'none');
