-- Plans are read through the access policy's filter like requirements, so they carry the context too; NULL is the
-- real world (ADR 0006). Force generation inside an exercise is not offered yet: everything here is real world.
ALTER TABLE force_plan ADD COLUMN exercise_id UUID;
