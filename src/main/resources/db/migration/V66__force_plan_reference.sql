-- A short human reference for every sourcing plan, PLAN-<year>-<number> (the year it was computed, UTC).
CREATE SEQUENCE force_plan_ref_number;
ALTER TABLE force_plan ADD COLUMN ref TEXT;
UPDATE force_plan p SET ref = numbered.ref
FROM (SELECT id, 'PLAN-' || to_char(created_at AT TIME ZONE 'UTC', 'YYYY') || '-'
             || lpad(nextval('force_plan_ref_number')::text, 4, '0') AS ref
      FROM (SELECT id, created_at FROM force_plan ORDER BY created_at, id) ordered) numbered
WHERE p.id = numbered.id;

CREATE FUNCTION force_plan_assign_ref() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.ref IS NULL THEN
        NEW.ref := 'PLAN-' || to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY') || '-'
            || lpad(nextval('force_plan_ref_number')::text, 4, '0');
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER force_plan_ref BEFORE INSERT ON force_plan FOR EACH ROW EXECUTE FUNCTION force_plan_assign_ref();
ALTER TABLE force_plan ALTER COLUMN ref SET NOT NULL;
CREATE UNIQUE INDEX force_plan_by_ref ON force_plan (ref);
