-- RAISE_ALERT_LEVEL names its target: alert levels are kept per member state and per named region.
UPDATE council_measure
SET parameters  = '{level,target}',
    description = 'The Crisis Management Center sets the alert level (NORMAL, ELEVATED, HIGH, SEVERE) of the '
                  || 'target named by the decision: a member state (AZE) or a region (REGION:Caspian).'
WHERE code = 'RAISE_ALERT_LEVEL';
