-- The Joint Defense Council: sessions, consultations, decisions with their versions, positions and silence
-- breaks, the decision register and the catalogue of pre-agreed response measures (see docs/modules/council.md).

-- A session of the Council: a date, an agenda (consultations are put on the next one) and minutes.
CREATE TABLE council_session (
    id              UUID PRIMARY KEY,
    held_on         DATE        NOT NULL,
    extraordinary   BOOLEAN     NOT NULL DEFAULT FALSE,
    minutes         TEXT,
    classification  SMALLINT    NOT NULL CHECK (classification BETWEEN 0 AND 3),
    releasable_to   TEXT[]      NOT NULL,
    origin_nation   CHAR(3)     NOT NULL,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX council_session_by_date ON council_session (held_on);

-- A member state's request for consultations because it considers its territorial integrity, political
-- independence or security threatened.
CREATE TABLE council_consultation (
    id                UUID PRIMARY KEY,
    requesting_nation CHAR(3)     NOT NULL,
    grounds           TEXT[]      NOT NULL CHECK (cardinality(grounds) > 0
                          AND grounds <@ ARRAY['TERRITORIAL_INTEGRITY', 'POLITICAL_INDEPENDENCE', 'SECURITY']),
    statement         TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    session_id        UUID        NOT NULL REFERENCES council_session (id),
    requested_by      TEXT        NOT NULL,
    requested_at      TIMESTAMPTZ NOT NULL,
    closed_at         TIMESTAMPTZ,
    classification    SMALLINT    NOT NULL CHECK (classification BETWEEN 0 AND 3),
    releasable_to     TEXT[]      NOT NULL,
    origin_nation     CHAR(3)     NOT NULL
);
CREATE INDEX council_consultation_by_time ON council_consultation (requested_at DESC);

-- The catalogue of pre-agreed response measures: data, so the Council can agree new ones without a release.
CREATE TABLE council_measure (
    code            TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{2,63}$'),
    name            TEXT    NOT NULL,
    description     TEXT    NOT NULL,
    parameters      TEXT[]  NOT NULL DEFAULT '{}',
    requires_crisis BOOLEAN NOT NULL DEFAULT FALSE
);

INSERT INTO council_measure (code, name, description, parameters, requires_crisis) VALUES
    ('RAISE_ALERT_LEVEL', 'Raise the alert level',
     'The Crisis Management Center sets the organisation''s alert level to the level named by the decision.',
     '{level}', FALSE),
    ('ACTIVATE_CRISIS_TEAM', 'Activate the crisis team',
     'The Crisis Management Center activates its crisis response team for the crisis named by the decision.',
     '{}', TRUE),
    ('AUTHORISE_FORCE_SOURCING', 'Authorise force sourcing',
     'The joint staff may source national contributions against the requirements of the crisis.',
     '{}', TRUE);

-- A decision put to one procedure. Status, version and deadline are those of the current version.
CREATE TABLE council_decision (
    id               UUID PRIMARY KEY,
    procedure        TEXT        NOT NULL CHECK (procedure IN ('SILENCE', 'CONSENSUS')),
    status           TEXT        NOT NULL CHECK (status IN ('UNDER_SILENCE', 'SILENCE_BROKEN', 'UNDER_CONSENSUS',
                                     'ADOPTED', 'ADOPTED_WITH_RESERVATIONS', 'NOT_ADOPTED')),
    version          INTEGER     NOT NULL CHECK (version >= 1),
    silence_ends_at  TIMESTAMPTZ,
    crisis_id        UUID,
    consultation_id  UUID REFERENCES council_consultation (id),
    register_number  TEXT UNIQUE CHECK (register_number ~ '^JDC-[0-9]{4}-[0-9]{4,}$'),
    adopted_at       TIMESTAMPTZ,
    closed_at        TIMESTAMPTZ,
    created_by       TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    classification   SMALLINT    NOT NULL CHECK (classification BETWEEN 0 AND 3),
    releasable_to    TEXT[]      NOT NULL,
    origin_nation    CHAR(3)     NOT NULL,
    CHECK ((procedure = 'SILENCE') = (silence_ends_at IS NOT NULL)),
    CHECK ((register_number IS NOT NULL) = (status IN ('ADOPTED', 'ADOPTED_WITH_RESERVATIONS')))
);
CREATE INDEX council_decision_due ON council_decision (silence_ends_at) WHERE status = 'UNDER_SILENCE';
CREATE INDEX council_decision_by_time ON council_decision (created_at DESC);

-- Each circulated text. A revision after a broken silence is a new version; versions are never changed.
CREATE TABLE council_decision_version (
    decision_id     UUID        NOT NULL REFERENCES council_decision (id),
    version         INTEGER     NOT NULL,
    title           TEXT        NOT NULL,
    text            TEXT        NOT NULL,
    silence_ends_at TIMESTAMPTZ,
    circulated_by   TEXT        NOT NULL,
    circulated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (decision_id, version)
);

-- The measures a version names, with their parameters.
CREATE TABLE council_decision_measure (
    decision_id  UUID    NOT NULL,
    version      INTEGER NOT NULL,
    measure_code TEXT    NOT NULL REFERENCES council_measure (code),
    parameters   JSONB   NOT NULL DEFAULT '{}',
    PRIMARY KEY (decision_id, version, measure_code),
    FOREIGN KEY (decision_id, version) REFERENCES council_decision_version (decision_id, version)
);

-- One position per member nation and version (consensus procedure).
CREATE TABLE council_position (
    decision_id  UUID        NOT NULL,
    version      INTEGER     NOT NULL,
    nation       CHAR(3)     NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('CONCUR', 'CONCUR_WITH_RESERVATION', 'NON_CONCUR')),
    statement    TEXT CHECK ((kind = 'CONCUR') OR (statement IS NOT NULL AND length(trim(statement)) > 0)),
    recorded_by  TEXT        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (decision_id, version, nation),
    FOREIGN KEY (decision_id, version) REFERENCES council_decision_version (decision_id, version)
);

-- One silence break per member nation and version, always with a written statement.
CREATE TABLE council_silence_break (
    decision_id  UUID        NOT NULL,
    version      INTEGER     NOT NULL,
    nation       CHAR(3)     NOT NULL,
    statement    TEXT        NOT NULL CHECK (length(trim(statement)) > 0),
    broken_by    TEXT        NOT NULL,
    broken_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (decision_id, version, nation),
    FOREIGN KEY (decision_id, version) REFERENCES council_decision_version (decision_id, version)
);

-- Gapless register numbers per year: the row is locked by the adopting transaction.
CREATE TABLE council_register_counter (
    year        INTEGER PRIMARY KEY,
    last_number INTEGER NOT NULL
);

-- Every measure activated by an adopted decision.
CREATE TABLE measure_activation (
    id           UUID PRIMARY KEY,
    decision_id  UUID        NOT NULL REFERENCES council_decision (id),
    version      INTEGER     NOT NULL,
    measure_code TEXT        NOT NULL REFERENCES council_measure (code),
    parameters   JSONB       NOT NULL DEFAULT '{}',
    crisis_id    UUID,
    activated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (decision_id, measure_code)
);

-- An adopted decision is immutable, and so is every version, position and break: the database refuses changes.
CREATE FUNCTION council_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% of the Council record is refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION council_decision_immutable_once_adopted() RETURNS trigger AS $$
BEGIN
    IF OLD.register_number IS NOT NULL OR OLD.status = 'NOT_ADOPTED' THEN
        RAISE EXCEPTION 'decision % is closed and immutable', OLD.id;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'decisions are never deleted';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER council_decision_immutable BEFORE UPDATE OR DELETE ON council_decision
    FOR EACH ROW EXECUTE FUNCTION council_decision_immutable_once_adopted();
CREATE TRIGGER council_decision_version_append_only BEFORE UPDATE OR DELETE ON council_decision_version
    FOR EACH ROW EXECUTE FUNCTION council_refuse_change();
CREATE TRIGGER council_decision_measure_append_only BEFORE UPDATE OR DELETE ON council_decision_measure
    FOR EACH ROW EXECUTE FUNCTION council_refuse_change();
CREATE TRIGGER council_position_append_only BEFORE UPDATE OR DELETE ON council_position
    FOR EACH ROW EXECUTE FUNCTION council_refuse_change();
CREATE TRIGGER council_silence_break_append_only BEFORE UPDATE OR DELETE ON council_silence_break
    FOR EACH ROW EXECUTE FUNCTION council_refuse_change();
CREATE TRIGGER measure_activation_append_only BEFORE UPDATE OR DELETE ON measure_activation
    FOR EACH ROW EXECUTE FUNCTION council_refuse_change();
