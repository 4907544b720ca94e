package org.kalkan.exercise;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An evaluator's observation, linked to an inject and/or an objective. */
public record Observation(UUID id, UUID exerciseId, @Nullable Integer injectNumber, @Nullable String objective,
        String text, String author, Instant createdAt) {
}
