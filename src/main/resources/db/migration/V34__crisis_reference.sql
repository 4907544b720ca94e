-- A short human reference for every crisis, CRI-<year>-<number> (the year it was opened, UTC), for people to name it.
CREATE SEQUENCE crisis_ref_number;
ALTER TABLE crisis ADD COLUMN ref TEXT;
UPDATE crisis c SET ref = numbered.ref
FROM (SELECT id, 'CRI-' || to_char(opened_at AT TIME ZONE 'UTC', 'YYYY') || '-'
             || lpad(nextval('crisis_ref_number')::text, 4, '0') AS ref
      FROM (SELECT id, opened_at FROM crisis ORDER BY opened_at, id) ordered) numbered
WHERE c.id = numbered.id;

CREATE FUNCTION crisis_assign_ref() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.ref IS NULL THEN
        NEW.ref := 'CRI-' || to_char(NEW.opened_at AT TIME ZONE 'UTC', 'YYYY') || '-'
            || lpad(nextval('crisis_ref_number')::text, 4, '0');
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER crisis_ref BEFORE INSERT ON crisis FOR EACH ROW EXECUTE FUNCTION crisis_assign_ref();
ALTER TABLE crisis ALTER COLUMN ref SET NOT NULL;
CREATE UNIQUE INDEX crisis_by_ref ON crisis (ref);
