package org.kalkan.exercise;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The exercise clock as stored: exercise time = {@code offset} + {@code rate} × (real time since {@code resumedAt})
 * while running, {@code offset} otherwise. Everything is in the database, so it survives a restart of the node.
 */
public record ExerciseClock(State state, double rate, Duration offset, @Nullable Instant resumedAt,
        @Nullable Instant startedAt) {

    public enum State { STOPPED, RUNNING, PAUSED }

    /** Exercise time elapsed since the start, at real instant {@code now}. */
    public Duration elapsed(Instant now) {
        if (state != State.RUNNING || resumedAt == null) {
            return offset;
        }
        long real = Math.max(0, Duration.between(resumedAt, now).toMillis());
        return offset.plusMillis(Math.round(real * rate));
    }

    /** The real instant at which the exercise time will be {@code at}, if the clock keeps running at its rate. */
    public @Nullable Instant realInstantOf(Duration at, Instant now) {
        if (state != State.RUNNING) {
            return null;
        }
        long ahead = at.minus(elapsed(now)).toMillis();
        return now.plusMillis(Math.round(ahead / rate));
    }
}
