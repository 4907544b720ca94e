package org.kalkan.training;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.Capability;
import org.kalkan.force.UnitId;

/**
 * An evaluation of a unit for a capability: the checklist of criteria with evidence and, optionally, the exercise
 * whose evaluation is the evidence (its objectives become criteria, met when every inject of the objective had its
 * expected action and none was missed). CERTIFIED needs {@code validUntil} and every criterion met.
 */
public record CertificationRequest(UnitId unit, Capability capability, CertificationOutcome outcome,
        @Nullable LocalDate evaluatedOn, @Nullable LocalDate validUntil, List<Criterion> criteria,
        @Nullable UUID exerciseId, @Nullable String notes) {

    public CertificationRequest {
        if (unit == null || capability == null || outcome == null) {
            throw new IllegalArgumentException("unitId, capability and outcome (CERTIFIED or NOT_CERTIFIED) are "
                    + "required");
        }
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        if (criteria.size() > 200) {
            throw new IllegalArgumentException("evidence.criteria has more than 200 entries");
        }
        if (outcome == CertificationOutcome.CERTIFIED && validUntil == null) {
            throw new IllegalArgumentException("validUntil is required for a CERTIFIED outcome");
        }
        if (evaluatedOn != null && validUntil != null && !validUntil.isAfter(evaluatedOn)) {
            throw new IllegalArgumentException("validUntil " + validUntil + " is not after the evaluation "
                    + evaluatedOn);
        }
        notes = notes == null || notes.isBlank() ? null : notes.strip();
        if (notes != null && notes.length() > 4000) {
            throw new IllegalArgumentException("evidence.notes is at most 4000 characters");
        }
    }
}
