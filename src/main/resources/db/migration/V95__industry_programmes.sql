-- Co-production programmes (issue 18): national cost shares per phase, work packages with finish-to-start links,
-- progress, milestones and deliveries, schedule baselines. Children are read through their programme's label.
CREATE TABLE industry_programme (
    id              UUID PRIMARY KEY,
    name            TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    nations         TEXT[]      NOT NULL CHECK (cardinality(nations) > 0),
    currency        CHAR(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    phase           TEXT        NOT NULL,
    mou_reference   TEXT,
    lead_nation     CHAR(3)     NOT NULL,
    classification  SMALLINT    NOT NULL,
    releasable_to   TEXT[]      NOT NULL,
    origin_nation   CHAR(3)     NOT NULL,
    exercise_id     UUID,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    version         INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX industry_programme_by_exercise ON industry_programme (exercise_id);

-- phase '*' holds the default shares; a phase row overrides them for that phase. Shares of a phase sum to 1.
CREATE TABLE industry_cost_share (
    programme_id UUID          NOT NULL REFERENCES industry_programme (id) ON DELETE CASCADE,
    phase        TEXT          NOT NULL,
    nation       CHAR(3)       NOT NULL,
    share        NUMERIC(9, 8) NOT NULL CHECK (share >= 0 AND share <= 1),
    PRIMARY KEY (programme_id, phase, nation)
);

CREATE TABLE industry_work_package (
    programme_id   UUID           NOT NULL REFERENCES industry_programme (id) ON DELETE CASCADE,
    code           TEXT           NOT NULL CHECK (code ~ '^[A-Za-z0-9._-]{1,40}$'),
    position       INTEGER        NOT NULL,
    title          TEXT           NOT NULL,
    nation         CHAR(3)        NOT NULL,
    supplier_id    UUID,
    budget         NUMERIC(19, 2) NOT NULL CHECK (budget > 0),
    planned_start  DATE           NOT NULL,
    planned_finish DATE           NOT NULL,
    control_entry  TEXT,
    PRIMARY KEY (programme_id, code),
    CHECK (planned_finish > planned_start)
);
CREATE INDEX industry_work_package_by_supplier ON industry_work_package (supplier_id);

CREATE TABLE industry_dependency (
    programme_id UUID    NOT NULL,
    code         TEXT    NOT NULL,
    predecessor  TEXT    NOT NULL,
    lag_days     INTEGER NOT NULL,
    PRIMARY KEY (programme_id, code, predecessor),
    FOREIGN KEY (programme_id, code) REFERENCES industry_work_package (programme_id, code) ON DELETE CASCADE,
    FOREIGN KEY (programme_id, predecessor) REFERENCES industry_work_package (programme_id, code) ON DELETE CASCADE
);

CREATE TABLE industry_curve_point (
    programme_id       UUID          NOT NULL,
    code               TEXT          NOT NULL,
    at                 DATE          NOT NULL,
    cumulative_percent NUMERIC(5, 2) NOT NULL CHECK (cumulative_percent BETWEEN 0 AND 100),
    PRIMARY KEY (programme_id, code, at),
    FOREIGN KEY (programme_id, code) REFERENCES industry_work_package (programme_id, code) ON DELETE CASCADE
);

CREATE TABLE industry_progress (
    programme_id     UUID           NOT NULL,
    code             TEXT           NOT NULL,
    as_of            DATE           NOT NULL,
    percent_complete NUMERIC(5, 2)  NOT NULL CHECK (percent_complete BETWEEN 0 AND 100),
    actual_cost      NUMERIC(19, 2) NOT NULL CHECK (actual_cost >= 0),
    reported_by      TEXT           NOT NULL,
    reported_at      TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (programme_id, code, as_of),
    FOREIGN KEY (programme_id, code) REFERENCES industry_work_package (programme_id, code) ON DELETE CASCADE
);

CREATE TABLE industry_milestone (
    id            UUID PRIMARY KEY,
    programme_id  UUID        NOT NULL REFERENCES industry_programme (id) ON DELETE CASCADE,
    name          TEXT        NOT NULL,
    kind          TEXT        NOT NULL CHECK (kind IN ('MILESTONE', 'DELIVERY')),
    due           DATE        NOT NULL,
    work_package  TEXT,
    status        TEXT        NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    decided_by    TEXT,
    decided_on    DATE,
    note          TEXT,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX industry_milestone_by_programme ON industry_milestone (programme_id);

CREATE TABLE industry_baseline (
    id           UUID PRIMARY KEY,
    programme_id UUID        NOT NULL REFERENCES industry_programme (id) ON DELETE CASCADE,
    saved_by     TEXT        NOT NULL,
    saved_at     TIMESTAMPTZ NOT NULL
);
CREATE TABLE industry_baseline_package (
    baseline_id    UUID           NOT NULL REFERENCES industry_baseline (id) ON DELETE CASCADE,
    code           TEXT           NOT NULL,
    budget         NUMERIC(19, 2) NOT NULL,
    planned_start  DATE           NOT NULL,
    planned_finish DATE           NOT NULL,
    early_start    DATE           NOT NULL,
    early_finish   DATE           NOT NULL,
    PRIMARY KEY (baseline_id, code)
);

-- Whether a nation's work-share balance in a programme was last seen inside the tolerance band, so that leaving
-- the band alerts once.
CREATE TABLE industry_balance_state (
    programme_id UUID           NOT NULL REFERENCES industry_programme (id) ON DELETE CASCADE,
    nation       CHAR(3)        NOT NULL,
    in_band      BOOLEAN        NOT NULL,
    balance      NUMERIC(12, 4),
    changed_at   TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (programme_id, nation)
);

-- A proposed rebalancing after a nation left the band: the Council chair circulates it as a silence decision.
CREATE TABLE industry_rebalancing (
    id             UUID PRIMARY KEY,
    programme_id   UUID           NOT NULL REFERENCES industry_programme (id) ON DELETE CASCADE,
    nation         CHAR(3)        NOT NULL,
    balance        NUMERIC(12, 4),
    shortfall      NUMERIC(19, 2) NOT NULL,
    text           TEXT           NOT NULL,
    status         TEXT           NOT NULL CHECK (status IN ('PROPOSED', 'CIRCULATED', 'ADOPTED', 'WITHDRAWN')),
    decision_id    UUID,
    register_number TEXT,
    created_at     TIMESTAMPTZ    NOT NULL
);
CREATE INDEX industry_rebalancing_by_programme ON industry_rebalancing (programme_id);
