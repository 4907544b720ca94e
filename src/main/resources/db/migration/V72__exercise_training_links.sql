-- Issue 17: the lessons loop and exercise objectives that name training objectives.
-- What a remedial action changes (DOTMLPF-I); TRAINING makes the lesson a training requirement.
ALTER TABLE exercise_lesson ADD COLUMN remedy TEXT CHECK (remedy IN ('DOCTRINE', 'ORGANISATION', 'TRAINING',
    'MATERIEL', 'LEADERSHIP', 'PERSONNEL', 'FACILITIES', 'INTEROPERABILITY'));

-- The training objectives (course code and objective number, e.g. EOD-201.1) an exercise objective tests.
CREATE TABLE exercise_training_objective (
    exercise_id        UUID NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
    objective          TEXT NOT NULL,
    training_objective TEXT NOT NULL CHECK (training_objective ~ '^[A-Z0-9][A-Z0-9-]{1,31}\.[0-9]{1,2}$'),
    PRIMARY KEY (exercise_id, objective, training_objective)
);
