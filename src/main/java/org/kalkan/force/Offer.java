package org.kalkan.force;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A national unit offered for a requirement, answering the nation's request ({@code requestId}, or null when
 * volunteered), with the offer's extra excluded uses and where it stands.
 */
public record Offer(UUID id, UUID requirementId, @Nullable UUID requestId, UUID unitId, String unitName,
        String nation, SourcingStatus status, Set<String> extraExcludedUses, String offeredBy, Instant createdAt,
        @Nullable String statusChangedBy, @Nullable Instant statusChangedAt) {

    public Offer {
        extraExcludedUses = Set.copyOf(extraExcludedUses);
    }
}
