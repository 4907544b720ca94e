-- Alert levels are unclassified and shown to every user, but the Council decision that set one may not be: the
-- decision's label is kept beside its register number, and a reader who may not read the decision does not see
-- the number (issue 12). Levels set before this migration by the Council have no label kept: their register number
-- is withheld from everyone (fail closed) until the level changes again.
ALTER TABLE alert_level ADD COLUMN decision_classification SMALLINT CHECK (decision_classification BETWEEN 0 AND 3);
ALTER TABLE alert_level ADD COLUMN decision_releasable_to TEXT[];
ALTER TABLE alert_level_change ADD COLUMN decision_classification SMALLINT
    CHECK (decision_classification BETWEEN 0 AND 3);
ALTER TABLE alert_level_change ADD COLUMN decision_releasable_to TEXT[];
