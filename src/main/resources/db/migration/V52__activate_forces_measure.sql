-- A sourcing plan submitted by the force planners is approved as a Council decision naming this measure; on
-- adoption the force module activates the plan's accepted offers.
INSERT INTO council_measure (code, name, description, parameters, requires_crisis) VALUES
    ('ACTIVATE_FORCES', 'Activate forces',
     'The national units of the sourcing plan named by the decision are activated for the crisis.',
     '{plan}', TRUE);
