package org.kalkan.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.Capability;
import org.kalkan.force.UnitId;

/**
 * An evaluation of a unit for a capability, as recorded. It has no label of its own: it is read through its
 * unit's, like everything about a unit.
 */
public record UnitCertification(CertificationId id, UnitId unit, Capability capability,
        CertificationOutcome outcome, LocalDate evaluatedOn, @Nullable LocalDate validUntil, List<Criterion> criteria,
        @Nullable UUID exerciseId, @Nullable String notes, String certifiedBy, Instant recordedAt) {

    public UnitCertification {
        criteria = List.copyOf(criteria);
    }

    /** Whether it certifies the unit on the day: CERTIFIED, evaluated by then, and the day before validUntil. */
    public boolean certifiesOn(LocalDate day) {
        return outcome == CertificationOutcome.CERTIFIED && !day.isBefore(evaluatedOn) && validUntil != null
                && day.isBefore(validUntil);
    }
}
