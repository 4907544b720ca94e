package org.kalkan.council;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** The chair circulated a version of a decision: delegates are asked to take a position or stay silent. */
public record DecisionCirculated(DecisionId decisionId, int version, Procedure procedure, String title,
        @Nullable Instant silenceEndsAt, SecurityLabel label, Instant at,
        @Nullable UUID exerciseId, NationCode originNation) {
}
