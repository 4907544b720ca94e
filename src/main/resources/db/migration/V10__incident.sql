-- Incidents correlate reports. An incident's label is the combination of its reports' labels: the highest
-- classification and the nations that may read every report (so origin_nation is NULL: no single originator).
CREATE TABLE incident (
    id                UUID PRIMARY KEY,
    category          TEXT        NOT NULL,
    title             TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('NEW', 'ASSESSED', 'MONITORING', 'ESCALATED', 'CLOSED')),
    severity          SMALLINT    NOT NULL CHECK (severity BETWEEN 1 AND 5),
    lat               DOUBLE PRECISION NOT NULL,
    lon               DOUBLE PRECISION NOT NULL,
    first_observed_at TIMESTAMPTZ NOT NULL,
    last_observed_at  TIMESTAMPTZ NOT NULL,
    report_count      INTEGER     NOT NULL,
    classification    SMALLINT    NOT NULL,
    releasable_to     TEXT[]      NOT NULL,
    origin_nation     CHAR(3),
    exercise_id       UUID,
    merged_into       UUID REFERENCES incident (id),
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    version           INTEGER     NOT NULL DEFAULT 0
);
-- Bounding box + time: a GiST index on the position and a B-tree on time, combined by a bitmap AND.
CREATE INDEX incident_position ON incident USING gist (point(lon, lat));
CREATE INDEX incident_time ON incident (last_observed_at DESC, id DESC);
CREATE INDEX incident_open_by_category ON incident (category, last_observed_at) WHERE status <> 'CLOSED';

CREATE TABLE report (
    id                UUID PRIMARY KEY,
    incident_id       UUID        NOT NULL REFERENCES incident (id),
    category          TEXT        NOT NULL,
    title             TEXT        NOT NULL,
    narrative         TEXT        NOT NULL,
    observed_at       TIMESTAMPTZ NOT NULL,
    lat               DOUBLE PRECISION NOT NULL,
    lon               DOUBLE PRECISION NOT NULL,
    area_geojson      TEXT,
    severity          SMALLINT    NOT NULL CHECK (severity BETWEEN 1 AND 5),
    confidence        TEXT        NOT NULL CHECK (confidence IN ('CONFIRMED', 'PROBABLE', 'POSSIBLE', 'DOUBTFUL')),
    reported_by       TEXT        NOT NULL,
    source            TEXT        NOT NULL DEFAULT 'API',
    classification    SMALLINT    NOT NULL,
    releasable_to     TEXT[]      NOT NULL,
    origin_nation     CHAR(3)     NOT NULL,
    exercise_id       UUID,
    created_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX report_by_incident ON report (incident_id);
CREATE INDEX report_position ON report USING gist (point(lon, lat));
CREATE INDEX report_time ON report (observed_at);
