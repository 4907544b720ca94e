-- A requirement may ask for units certified for its capability on the needed date (issue 17): sourcing then asks
-- the training module's certification register (force.UnitReadiness) and a unit without one becomes a gap reason.
ALTER TABLE force_requirement ADD COLUMN certification_required BOOLEAN NOT NULL DEFAULT FALSE;
