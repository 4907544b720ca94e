-- A short human reference for every incident, INC-<year>-<number> (the year it was created, UTC), so people name an
-- incident by INC-2026-0142 and never by its id. Numbers come from one sequence: unique, never reused, in order.
CREATE SEQUENCE incident_ref_number;
ALTER TABLE incident ADD COLUMN ref TEXT;
UPDATE incident i SET ref = numbered.ref
FROM (SELECT id, 'INC-' || to_char(created_at AT TIME ZONE 'UTC', 'YYYY') || '-'
             || lpad(nextval('incident_ref_number')::text, 4, '0') AS ref
      FROM (SELECT id, created_at FROM incident ORDER BY created_at, id) ordered) numbered
WHERE i.id = numbered.id;

CREATE FUNCTION incident_assign_ref() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.ref IS NULL THEN
        NEW.ref := 'INC-' || to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY') || '-'
            || lpad(nextval('incident_ref_number')::text, 4, '0');
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER incident_ref BEFORE INSERT ON incident FOR EACH ROW EXECUTE FUNCTION incident_assign_ref();
ALTER TABLE incident ALTER COLUMN ref SET NOT NULL;
CREATE UNIQUE INDEX incident_by_ref ON incident (ref);

-- What happened to an incident, for the people working it: opened, reports added, status changes, merges and splits
-- (issue 16). Written in the transaction of the act; holds no report content (a report may later be relabelled
-- beyond a reader of the incident), only the act, who did it, and the other incident it involved.
CREATE TABLE incident_history (
    id                BIGSERIAL PRIMARY KEY,
    incident_id       UUID NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    at                TIMESTAMPTZ NOT NULL,
    actor             TEXT NOT NULL,
    kind              TEXT NOT NULL,
    detail            TEXT NOT NULL DEFAULT '',
    other_incident_id UUID REFERENCES incident (id) ON DELETE SET NULL
);
CREATE INDEX incident_history_by_incident ON incident_history (incident_id, at, id);
