-- Member states, observers and named communities are data, not code: more nations may join.
CREATE TABLE nation (
    code        CHAR(3) PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
    name        TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('MEMBER', 'OBSERVER')),
    joined_on   DATE
);

-- A community is a named group of nations used in releasability (REL TO MEMBERS).
-- Membership follows the nations' status (all members, all observers) plus explicit entries.
CREATE TABLE community (
    name               TEXT PRIMARY KEY CHECK (name ~ '^[A-Z][A-Z0-9_]{2,31}$'),
    description        TEXT    NOT NULL,
    includes_members   BOOLEAN NOT NULL DEFAULT FALSE,
    includes_observers BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE community_nation (
    community TEXT    NOT NULL REFERENCES community (name),
    nation    CHAR(3) NOT NULL REFERENCES nation (code),
    PRIMARY KEY (community, nation)
);

INSERT INTO nation (code, name, status) VALUES
    ('AZE', 'Azerbaijan', 'MEMBER'),
    ('KAZ', 'Kazakhstan', 'MEMBER'),
    ('KGZ', 'Kyrgyzstan', 'MEMBER'),
    ('TUR', 'Türkiye', 'MEMBER'),
    ('UZB', 'Uzbekistan', 'MEMBER'),
    ('HUN', 'Hungary', 'OBSERVER'),
    ('TKM', 'Turkmenistan', 'OBSERVER');

INSERT INTO community (name, description, includes_members, includes_observers) VALUES
    ('MEMBERS', 'All member states', TRUE, FALSE),
    ('ALL', 'All member states and observers', TRUE, TRUE);
