package org.kalkan.council;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** The chair closed a consensus decision that a member did not concur with or took no position on. */
public record DecisionNotAdopted(DecisionId decisionId, int version, Set<NationCode> nonConcurring,
        Set<NationCode> withoutPosition, SecurityLabel label, Instant at,
        @Nullable UUID exerciseId) {

    public DecisionNotAdopted {
        nonConcurring = Set.copyOf(nonConcurring);
        withoutPosition = Set.copyOf(withoutPosition);
    }
}
