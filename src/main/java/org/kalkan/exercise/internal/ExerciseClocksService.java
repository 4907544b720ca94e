package org.kalkan.exercise.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.exercise.Exercise;
import org.kalkan.exercise.ExerciseClock;
import org.kalkan.exercise.ExerciseClocks;
import org.kalkan.exercise.ExerciseStatus;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Subject;
import org.kalkan.shared.RefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ExerciseClocks}, implemented: the checks, the store and the audit behind the module's API. */
@Service
class ExerciseClocksService implements ExerciseClocks {


    private final ExerciseStore store;
    private final InjectStore injects;
    private final ExerciseAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    ExerciseClocksService(ExerciseStore store, InjectStore injects, ExerciseAccess access, AuditTrail audit, Clock clock) {
        this.store = store;
        this.injects = injects;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Exercise act(Subject subject, UUID exerciseId, Action action, @Nullable Double rate) {
        Exercise readable = access.readable(subject, exerciseId);
        access.requireExcon(subject, readable, "run the exercise clock");
        if (rate != null && (rate <= 0 || rate > MAX_RATE || rate.isNaN())) {
            throw new IllegalArgumentException("rate must be above 0 and at most " + MAX_RATE + ", was " + rate);
        }
        Exercise exercise = store.lock(exerciseId).orElseThrow();
        ExerciseClock current = exercise.clock();
        // whole milliseconds: the database keeps microseconds, and a rounded-up start would lose exercise time
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ExerciseClock next = switch (action) {
            case START -> {
                require(exercise.status() == ExerciseStatus.PLANNED && current.state() == ExerciseClock.State.STOPPED,
                        exercise, "start");
                yield new ExerciseClock(ExerciseClock.State.RUNNING, rate == null ? 1 : rate, Duration.ZERO, now, now);
            }
            case PAUSE -> {
                require(current.state() == ExerciseClock.State.RUNNING, exercise, "pause");
                yield new ExerciseClock(ExerciseClock.State.PAUSED, current.rate(), current.elapsed(now), null,
                        current.startedAt());
            }
            case RESUME -> {
                require(current.state() == ExerciseClock.State.PAUSED
                        && exercise.status() == ExerciseStatus.RUNNING, exercise, "resume");
                yield new ExerciseClock(ExerciseClock.State.RUNNING, rate == null ? current.rate() : rate,
                        current.offset(), now, current.startedAt());
            }
            case END -> {
                require(exercise.status() == ExerciseStatus.RUNNING, exercise, "end");
                yield new ExerciseClock(ExerciseClock.State.STOPPED, current.rate(), current.elapsed(now), null,
                        current.startedAt());
            }
        };
        store.saveClock(exerciseId, next);
        if (action == Action.START) {
            store.setStatus(exerciseId, ExerciseStatus.RUNNING);
            injects.scheduleTimed(exerciseId);
        } else if (action == Action.END) {
            store.setStatus(exerciseId, ExerciseStatus.ENDED);
        }
        audit.record(subject.username(), "EXERCISE_CLOCK_" + action, "exercise:" + exerciseId, "rate "
                + next.rate() + ", exercise time " + next.elapsed(now));
        return store.get(exerciseId).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public ExerciseClock clock(Subject subject, UUID exerciseId) {
        return access.readable(subject, exerciseId).clock();
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    private static void require(boolean allowed, Exercise exercise, String what) {
        if (!allowed) {
            throw new RefusedException("The clock of exercise " + exercise.name() + " is " + exercise.clock().state()
                    + " (exercise " + exercise.status() + "); it cannot " + what + ".");
        }
    }
}
