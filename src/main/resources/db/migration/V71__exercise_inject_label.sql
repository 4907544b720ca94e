-- An inject's content is a labelled record like any other (issue 12): it carries the label of its content (the
-- "label" of the report, alert, RFI or track it becomes) or, without one, the exercise's, and the nation of the
-- EXCON user who wrote it. The MSEL, its CSV exports and the exercise page show the content only to readers the
-- access policy lets read that label; others see the inject's schedule with its content withheld.
ALTER TABLE exercise_inject ADD COLUMN classification SMALLINT CHECK (classification BETWEEN 0 AND 3);
ALTER TABLE exercise_inject ADD COLUMN releasable_to TEXT[];
ALTER TABLE exercise_inject ADD COLUMN origin_nation CHAR(3);

UPDATE exercise_inject i
SET classification = COALESCE(CASE i.content -> 'label' ->> 'classification'
                                  WHEN 'UNCLASSIFIED' THEN 0 WHEN 'RESTRICTED' THEN 1
                                  WHEN 'CONFIDENTIAL' THEN 2 WHEN 'SECRET' THEN 3 END, x.classification),
    releasable_to  = CASE WHEN jsonb_typeof(i.content -> 'label' -> 'releasableTo') = 'array'
                               AND jsonb_array_length(i.content -> 'label' -> 'releasableTo') > 0
                          THEN ARRAY(SELECT jsonb_array_elements_text(i.content -> 'label' -> 'releasableTo'))
                          ELSE x.releasable_to END,
    origin_nation  = x.origin_nation
FROM exercise x
WHERE x.id = i.exercise_id;

ALTER TABLE exercise_inject ALTER COLUMN classification SET NOT NULL;
ALTER TABLE exercise_inject ALTER COLUMN releasable_to SET NOT NULL;
ALTER TABLE exercise_inject ALTER COLUMN origin_nation SET NOT NULL;
