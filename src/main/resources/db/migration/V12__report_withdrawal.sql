-- A report its originator withdrew is a tombstone: kept for the audit, counted by no incident, shown nowhere.
ALTER TABLE report ADD COLUMN withdrawn_at TIMESTAMPTZ;
ALTER TABLE report ADD COLUMN withdrawn_by TEXT;
ALTER TABLE report ADD COLUMN withdrawal_reason TEXT;
CREATE INDEX report_active_by_incident ON report (incident_id, created_at) WHERE withdrawn_at IS NULL;

-- Every field of an incident is derived from the reports it holds (issue 12). Before, a split or merge kept the
-- title of a report that had left; derive the titles again (the first filed report's), and an incident without
-- reports keeps none of their fields.
UPDATE incident i SET title = (SELECT r.title FROM report r WHERE r.incident_id = i.id
                               ORDER BY r.created_at, r.id LIMIT 1)
WHERE EXISTS (SELECT 1 FROM report r WHERE r.incident_id = i.id);
UPDATE incident i SET title = '', severity = 1, lat = 0, lon = 0, first_observed_at = i.created_at,
                      last_observed_at = i.created_at, report_count = 0, status = 'CLOSED'
WHERE NOT EXISTS (SELECT 1 FROM report r WHERE r.incident_id = i.id);
