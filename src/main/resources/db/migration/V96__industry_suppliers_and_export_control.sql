-- Suppliers with facility clearance, quality certificates and capacity; export licences and transfers (issue 18).
CREATE TABLE industry_supplier (
    id                 UUID PRIMARY KEY,
    name               TEXT           NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    nation             CHAR(3)        NOT NULL,
    facility_clearance SMALLINT       NOT NULL,
    capacity           NUMERIC(19, 2) NOT NULL CHECK (capacity >= 0),
    cost_factor        NUMERIC(6, 4)  NOT NULL CHECK (cost_factor > 0),
    classification     SMALLINT       NOT NULL,
    releasable_to      TEXT[]         NOT NULL,
    origin_nation      CHAR(3)        NOT NULL,
    exercise_id        UUID,
    created_by         TEXT           NOT NULL,
    created_at         TIMESTAMPTZ    NOT NULL,
    CHECK (origin_nation = nation)
);

CREATE TABLE industry_certificate (
    supplier_id UUID NOT NULL REFERENCES industry_supplier (id) ON DELETE CASCADE,
    standard    TEXT NOT NULL,
    valid_until DATE NOT NULL,
    PRIMARY KEY (supplier_id, standard)
);

CREATE TABLE industry_licence (
    id              UUID PRIMARY KEY,
    reference       TEXT           NOT NULL,
    issuing_nation  CHAR(3)        NOT NULL,
    type            TEXT           NOT NULL CHECK (type IN ('INDIVIDUAL', 'GLOBAL', 'GENERAL')),
    control_entries TEXT[]         NOT NULL CHECK (cardinality(control_entries) > 0),
    destinations    TEXT[]         NOT NULL CHECK (cardinality(destinations) > 0),
    end_users       TEXT[]         NOT NULL,
    valid_from      DATE           NOT NULL,
    valid_until     DATE           NOT NULL,
    ceiling         NUMERIC(19, 2) CHECK (ceiling IS NULL OR ceiling > 0),
    currency        CHAR(3)        NOT NULL,
    revoked         BOOLEAN        NOT NULL DEFAULT FALSE,
    classification  SMALLINT       NOT NULL,
    releasable_to   TEXT[]         NOT NULL,
    origin_nation   CHAR(3)        NOT NULL,
    exercise_id     UUID,
    created_by      TEXT           NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL,
    CHECK (valid_until >= valid_from),
    CHECK (origin_nation = issuing_nation)
);
CREATE INDEX industry_licence_by_issuer ON industry_licence (issuing_nation);

-- Transfers made under a licence, and refused attempts (status REFUSED, reason), both under the programme's label.
CREATE TABLE industry_transfer (
    id             UUID PRIMARY KEY,
    programme_id   UUID           NOT NULL REFERENCES industry_programme (id) ON DELETE CASCADE,
    item           TEXT           NOT NULL,
    control_entry  TEXT           NOT NULL,
    from_nation    CHAR(3)        NOT NULL,
    to_nation      CHAR(3)        NOT NULL,
    end_user       TEXT           NOT NULL,
    value          NUMERIC(19, 2) NOT NULL CHECK (value > 0),
    transfer_date  DATE           NOT NULL,
    status         TEXT           NOT NULL CHECK (status IN ('RECORDED', 'REFUSED')),
    licence_id     UUID REFERENCES industry_licence (id),
    reason         TEXT,
    classification SMALLINT       NOT NULL,
    releasable_to  TEXT[]         NOT NULL,
    origin_nation  CHAR(3)        NOT NULL,
    exercise_id    UUID,
    created_by     TEXT           NOT NULL,
    created_at     TIMESTAMPTZ    NOT NULL,
    CHECK ((status = 'RECORDED') = (licence_id IS NOT NULL))
);
CREATE INDEX industry_transfer_by_licence ON industry_transfer (licence_id) WHERE status = 'RECORDED';
CREATE INDEX industry_transfer_by_programme ON industry_transfer (programme_id);

-- Allocations of open work packages to suppliers computed by CP-SAT.
CREATE TABLE industry_allocation (
    id            UUID PRIMARY KEY,
    programme_id  UUID           NOT NULL REFERENCES industry_programme (id) ON DELETE CASCADE,
    status        TEXT           NOT NULL CHECK (status IN ('PROPOSED', 'ACCEPTED', 'SUPERSEDED')),
    solver_status TEXT           NOT NULL,
    objective     NUMERIC(24, 2),
    bound         NUMERIC(24, 2),
    gap           NUMERIC(12, 6),
    created_by    TEXT           NOT NULL,
    created_at    TIMESTAMPTZ    NOT NULL
);
CREATE INDEX industry_allocation_by_programme ON industry_allocation (programme_id);
-- One row per open package: the supplier chosen (with its nation and cost), or none with the reason.
CREATE TABLE industry_allocation_item (
    allocation_id UUID           NOT NULL REFERENCES industry_allocation (id) ON DELETE CASCADE,
    code          TEXT           NOT NULL,
    supplier_id   UUID REFERENCES industry_supplier (id),
    nation        CHAR(3),
    cost          NUMERIC(19, 2),
    reason        TEXT,
    PRIMARY KEY (allocation_id, code),
    CHECK ((supplier_id IS NULL) = (reason IS NOT NULL))
);
