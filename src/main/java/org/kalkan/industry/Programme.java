package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * A co-production programme as its reader sees it. {@code costShares} are the shares of the current phase (the
 * programme's own for that phase, else its default shares); {@code phaseCostShares} the phases that differ.
 */
public record Programme(ProgrammeId id, String name, List<String> nations, Map<String, BigDecimal> costShares,
        Map<Phase, Map<String, BigDecimal>> phaseCostShares, String currency, Phase phase,
        @Nullable String mouReference, String leadNation, SecurityLabel label, String originNation,
        String createdBy, Instant createdAt, int version, @Nullable UUID exerciseId) {

    public Programme {
        nations = List.copyOf(nations);
        costShares = Map.copyOf(costShares);
        phaseCostShares = Map.copyOf(phaseCostShares);
    }
}
