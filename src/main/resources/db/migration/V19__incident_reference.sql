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
