package org.kalkan.force;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether units are certified and ready for a capability, as the training module computes it from evaluations and
 * qualified personnel. Force asks it when a requirement needs certified units and shows it in the registry; it is
 * defined here and implemented by training so that force depends on no training type (ADR 0010). Callers have
 * already checked that the reader may read the unit: certifications are read through their unit.
 */
public interface UnitReadiness {

    /**
     * Null when the unit holds a certification for the capability valid on the day; otherwise why not, e.g.
     * {@code certification for EOD expired on 2027-02-10}.
     */
    @Nullable String certificationGap(UnitId unit, Capability capability, LocalDate day);

    /**
     * The unit's computed readiness on the day for each capability it has been evaluated for or has billets in,
     * e.g. {@code READY} "certified until 2027-02-10; 4 of 4 billets filled".
     */
    List<CapabilityReadiness> readiness(ForceUnit unit, LocalDate day);

    /** {@code state} is READY, EXPIRING, DEGRADED or NOT_CERTIFIED; {@code summary} says why, for people. */
    record CapabilityReadiness(Capability capability, String state, String summary) {
    }
}
