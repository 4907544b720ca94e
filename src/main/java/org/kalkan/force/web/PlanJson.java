package org.kalkan.force.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.SourcingPlan;
import org.kalkan.force.StoredPlan;
import org.kalkan.shared.SecurityLabel;

/** A stored sourcing plan as the API answers it: the engine's answer plus its id, status, label and decision. */
record PlanJson(UUID id, @Nullable UUID crisisId, String status, List<SourcingPlan.Assignment> assignments,
        List<SourcingPlan.Gap> gaps, long objective, long bound, boolean provenOptimal, List<UUID> requirementIds,
        @Nullable UUID decisionId, @Nullable String registerNumber, SecurityLabel label, String createdBy,
        Instant createdAt, @Nullable String submittedBy, @Nullable Instant submittedAt) {

    static PlanJson of(StoredPlan stored) {
        SourcingPlan plan = stored.plan();
        return new PlanJson(stored.id(), stored.crisisId(), stored.status().name(), plan.assignments(), plan.gaps(),
                plan.objective(), plan.bound(), plan.provenOptimal(), stored.requirementIds(), stored.decisionId(),
                stored.registerNumber(), stored.label(),
                stored.createdBy(), stored.createdAt(), stored.submittedBy(), stored.submittedAt());
    }
}
