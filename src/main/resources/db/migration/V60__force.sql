-- National units offered to the organisation, with their caveats as data. A nation edits only its own units.
CREATE TABLE force_unit (
    id                   UUID PRIMARY KEY,
    nation               CHAR(3)     NOT NULL REFERENCES nation (code),
    name                 TEXT        NOT NULL,
    sidc                 TEXT        NOT NULL CHECK (sidc ~ '^[A-Z0-9*-]{10,30}$'),
    capabilities         TEXT[]      NOT NULL CHECK (cardinality(capabilities) > 0),
    personnel            INTEGER     NOT NULL CHECK (personnel > 0),
    notice_to_move_hours INTEGER     NOT NULL CHECK (notice_to_move_hours >= 0),
    home_lat             DOUBLE PRECISION NOT NULL CHECK (home_lat BETWEEN -90 AND 90),
    home_lon             DOUBLE PRECISION NOT NULL CHECK (home_lon BETWEEN -180 AND 180),
    movement_modes       TEXT[]      NOT NULL CHECK (cardinality(movement_modes) > 0),
    available_from       TIMESTAMPTZ,
    available_to         TIMESTAMPTZ,
    standing_pool        BOOLEAN     NOT NULL DEFAULT FALSE,
    allowed_countries    TEXT[]      NOT NULL DEFAULT '{}',
    excluded_countries   TEXT[]      NOT NULL DEFAULT '{}',
    excluded_uses        TEXT[]      NOT NULL DEFAULT '{}',
    max_deployment_days  INTEGER CHECK (max_deployment_days IS NULL OR max_deployment_days > 0),
    own_territory_only   BOOLEAN     NOT NULL DEFAULT FALSE,
    classification       SMALLINT    NOT NULL,
    releasable_to        TEXT[]      NOT NULL,
    origin_nation        CHAR(3)     NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    version              INTEGER     NOT NULL DEFAULT 0,
    CHECK (available_to IS NULL OR available_from IS NULL OR available_from < available_to),
    CHECK (origin_nation = nation)
);
CREATE INDEX force_unit_by_nation ON force_unit (nation);
CREATE INDEX force_unit_by_capability ON force_unit USING gin (capabilities);
