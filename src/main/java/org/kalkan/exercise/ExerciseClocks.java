package org.kalkan.exercise;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;

/**
 * The exercise clock: EXCON starts it at a rate (60 = one exercise minute per real second), pauses and resumes
 * it, and ends the exercise. The state lives in the exercise row, so the clock survives a restart of the node.
 */
public interface ExerciseClocks {

    enum Action { START, PAUSE, RESUME, END }

    double MAX_RATE = 3600;

    Exercise act(Subject subject, UUID exerciseId, Action action, @Nullable Double rate);

    /** The exercise's clock as stored, for anyone who may read the exercise. */
    ExerciseClock clock(Subject subject, UUID exerciseId);

    Instant now();
}
