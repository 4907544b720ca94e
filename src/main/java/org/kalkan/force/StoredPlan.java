package org.kalkan.force;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A sourcing plan as stored for review: the engine's answer, its requirements, label, Council decision and context
 * ({@code exerciseId}, null = real world).
 */
public record StoredPlan(UUID id, @Nullable UUID crisisId, PlanStatus status, SourcingPlan plan,
        List<UUID> requirementIds, @Nullable UUID decisionId, @Nullable String registerNumber, SecurityLabel label,
        NationCode originNation, String createdBy, Instant createdAt, @Nullable String submittedBy,
        @Nullable Instant submittedAt, @Nullable UUID exerciseId) {

    public StoredPlan {
        requirementIds = List.copyOf(requirementIds);
    }
}
