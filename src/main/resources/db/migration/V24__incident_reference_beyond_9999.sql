-- Incident references past INC-<year>-9999 (issue 14's ingest benchmark filed 20,000 reports in one run): lpad()
-- also cuts a longer string down to the length given, so number 16150 came out as 1615, the same as 16151, and every
-- new incident after the 9,999th failed on the unique index. Numbers keep at least four digits and never lose one.
CREATE OR REPLACE FUNCTION incident_assign_ref() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    number TEXT;
BEGIN
    IF NEW.ref IS NULL THEN
        number := nextval('incident_ref_number')::text;
        NEW.ref := 'INC-' || to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY') || '-'
            || CASE WHEN length(number) < 4 THEN lpad(number, 4, '0') ELSE number END;
    END IF;
    RETURN NEW;
END $$;
