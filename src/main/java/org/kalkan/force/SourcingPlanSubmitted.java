package org.kalkan.force;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/** A planner submitted a sourcing plan for the Council's approval; the chair is alerted to circulate it. */
public record SourcingPlanSubmitted(UUID planId, @Nullable UUID crisisId, int assignments, int gaps,
        SecurityLabel label, String originNation, String submittedBy, Instant at) {
}
