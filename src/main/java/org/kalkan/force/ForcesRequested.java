package org.kalkan.force;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.kalkan.shared.SecurityLabel;

/** A planner asked nations to contribute to a requirement of a crisis; their officers are alerted. */
public record ForcesRequested(UUID requirementId, UUID crisisId, List<String> nations, Capability capability,
        int quantity, String country, Instant neededBy, SecurityLabel label, String originNation, String requestedBy, Instant at) {

    public ForcesRequested {
        nations = List.copyOf(nations);
    }
}
