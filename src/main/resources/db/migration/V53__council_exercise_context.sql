-- Sessions, consultations and decisions of an exercise carry its id; NULL is the real world (ADR 0006).
ALTER TABLE council_session ADD COLUMN exercise_id UUID;
ALTER TABLE council_consultation ADD COLUMN exercise_id UUID;
ALTER TABLE council_decision ADD COLUMN exercise_id UUID;
