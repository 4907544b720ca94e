package org.kalkan.council;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A decision was not adopted: the chair closed a consensus that a member did not concur with or took no position
 * on, or the decision no longer met the rules of a binding decision when it was to take effect ({@code reason}).
 */
public record DecisionNotAdopted(DecisionId decisionId, int version, Set<NationCode> nonConcurring,
        Set<NationCode> withoutPosition, SecurityLabel label, Instant at, @Nullable UUID exerciseId,
        @Nullable String reason) {

    public DecisionNotAdopted {
        nonConcurring = Set.copyOf(nonConcurring);
        withoutPosition = Set.copyOf(withoutPosition);
    }
}
