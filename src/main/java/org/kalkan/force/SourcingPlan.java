package org.kalkan.force;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The sourcing engine's answer: who goes where, what cannot be filled and why, and how good the plan is. */
public record SourcingPlan(List<Assignment> assignments, List<Gap> gaps, long objective, long bound,
        boolean provenOptimal) {

    /** A unit sourced for a requirement, with its estimated arrival and why it was chosen. */
    public record Assignment(UUID requirementId, UUID unitId, String nation, Instant estimatedArrival,
            double lateHours, String explanation) {
    }

    /** Places of a requirement left unfilled, with the reasons no remaining unit fits. */
    public record Gap(UUID requirementId, int missing, List<String> reasons) {
    }
}
