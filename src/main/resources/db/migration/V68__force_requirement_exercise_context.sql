-- Requirements stated for an exercise crisis carry its id; units are shared by every context (ADR 0006).
ALTER TABLE force_requirement ADD COLUMN exercise_id UUID;
