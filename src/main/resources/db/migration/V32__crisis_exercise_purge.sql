-- The crisis log and issued SITREPs stay immutable in the real world. Records of an exercise may be deleted, and
-- only as a whole, when its director purges the exercise (ADR 0006); the purge itself is in the audit trail.
CREATE OR REPLACE FUNCTION crisis_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.exercise_id IS NOT NULL THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION crisis_sitrep_issued_immutable() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.exercise_id IS NOT NULL THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'DELETE' OR OLD.status = 'ISSUED' THEN
        RAISE EXCEPTION 'an issued SITREP is immutable and no SITREP is deleted';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
