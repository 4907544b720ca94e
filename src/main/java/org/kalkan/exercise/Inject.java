package org.kalkan.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One inject of the MSEL with its delivery state: {@code due} is the exercise time it is scheduled for,
 * {@code deliveredAt} the real instant and {@code deliveredAtExerciseTime} the exercise time of its (last)
 * delivery, {@code deliveredRef} what it became (e.g. {@code report:<id>}, {@code alert:<id>}).
 */
public record Inject(UUID id, UUID exerciseId, int number, Duration at, StartCondition startCondition,
        @Nullable Integer afterNumber, InjectKind kind, String content, String from, List<String> to,
        ExpectedAction expectedAction, @Nullable String objective, @Nullable Integer contingencyNumber,
        @Nullable Duration deadline, InjectStatus status, boolean held, @Nullable Duration due,
        @Nullable Instant deliveredAt, @Nullable Duration deliveredAtExerciseTime, @Nullable String deliveredRef,
        int deliveries, boolean contingencyFired, @Nullable String lastError, int version) {

    public Inject {
        to = List.copyOf(to);
    }
}
