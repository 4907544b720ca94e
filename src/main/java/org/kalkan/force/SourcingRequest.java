package org.kalkan.force;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A planner's request to a nation for a requirement, and the nation's answer (an offer, or a reasoned decline). */
public record SourcingRequest(UUID id, UUID requirementId, String nation, SourcingStatus status,
        @Nullable String reason, String requestedBy, Instant requestedAt, @Nullable String answeredBy,
        @Nullable Instant answeredAt) {
}
