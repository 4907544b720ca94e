package org.kalkan.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Something a player did in the exercise, measured from events or recorded by EXCON or an evaluator. */
public record PlayerAction(UUID id, @Nullable UUID injectId, ExpectedAction action, String actor,
        @Nullable String actorNation, Instant at, Duration atExerciseTime, @Nullable String reference) {
}
