package org.kalkan.council;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A measure activated by an adopted decision, at the instant of adoption. */
public record MeasureActivation(UUID id, DecisionId decisionId, int version, String measureCode,
        Map<String, String> parameters, @Nullable UUID crisisId, Instant activatedAt) {

    public MeasureActivation {
        parameters = Map.copyOf(parameters);
    }
}
