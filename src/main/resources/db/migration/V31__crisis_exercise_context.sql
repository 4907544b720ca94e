-- Everything in a crisis of an exercise carries the exercise's id too (the crisis has it since V30), so the
-- access policy's filter can segregate each table on its own; NULL is the real world (ADR 0006).
ALTER TABLE crisis_log_entry ADD COLUMN exercise_id UUID;
ALTER TABLE crisis_task ADD COLUMN exercise_id UUID;
ALTER TABLE crisis_rfi ADD COLUMN exercise_id UUID;
ALTER TABLE crisis_rfi_answer ADD COLUMN exercise_id UUID;
ALTER TABLE crisis_sitrep ADD COLUMN exercise_id UUID;
