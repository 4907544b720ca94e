-- Decisions that bind the members (issue 12). Each circulated version records the urgency the chair gave for a
-- silence shorter than kalkan.council.min-silence, and the delegates alerted before its silence (or the consensus)
-- began; the Council checks both again when the decision is to take effect. A decision that no longer meets the
-- rules at that moment is not adopted, and says why. Versions circulated before this migration notified nobody:
-- they are not adopted (fail closed) and the chair circulates them again.
ALTER TABLE council_decision_version ADD COLUMN urgency TEXT CHECK (urgency IS NULL OR length(trim(urgency)) > 0);
ALTER TABLE council_decision_version ADD COLUMN notified_delegates TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE council_decision ADD COLUMN not_adopted_reason TEXT;
