-- An exercise's decisions are numbered in the exercise's own register, EX-JDC-2026-0001, so the real register stays
-- gapless and no exercise number can be mistaken for a real one (ADR 0006).
CREATE TABLE council_exercise_register_counter (
    exercise_id UUID    NOT NULL,
    year        INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (exercise_id, year)
);

ALTER TABLE council_decision DROP CONSTRAINT council_decision_register_number_key;
ALTER TABLE council_decision DROP CONSTRAINT council_decision_register_number_check;
ALTER TABLE council_decision ADD CONSTRAINT council_decision_register_number_check
    CHECK (register_number ~ '^(EX-)?JDC-[0-9]{4}-[0-9]{4,}$'
           AND (register_number LIKE 'EX-%') = (exercise_id IS NOT NULL));
CREATE UNIQUE INDEX council_decision_real_register ON council_decision (register_number)
    WHERE exercise_id IS NULL;
CREATE UNIQUE INDEX council_decision_exercise_register ON council_decision (exercise_id, register_number)
    WHERE exercise_id IS NOT NULL;
