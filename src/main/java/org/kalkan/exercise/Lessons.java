package org.kalkan.exercise;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;

/**
 * Lessons learned across exercises: created from an evaluator's observation in one call, then moved
 * {@code OBSERVATION → LESSON_IDENTIFIED → REMEDIAL_ACTION (owner, due date) → LESSON_LEARNED (validated)} by the
 * exercise's staff. Anyone who may read an exercise may search its lessons (text and status).
 */
public interface Lessons {

    /** An evaluator (or EXCON) turns an observation into a lesson (status OBSERVATION). */
    Lesson fromObservation(Subject subject, UUID observationId, @Nullable String title);

    /**
     * Moves a lesson one step: to REMEDIAL_ACTION with the action, its owner and due date; to LESSON_LEARNED
     * validated by the caller. Refused (409) for a skipped step or a stale version.
     */
    Lesson advance(Subject subject, UUID id, LessonStatus next, @Nullable String remedialAction,
            @Nullable String owner, @Nullable LocalDate dueOn, int version);

    /**
     * {@link #advance(Subject, UUID, LessonStatus, String, String, LocalDate, int)} naming what the remedial action
     * changes; {@link LessonRemedyAssigned} tells the other modules (a TRAINING remedy becomes a training
     * requirement).
     */
    Lesson advance(Subject subject, UUID id, LessonStatus next, @Nullable String remedialAction,
            @Nullable String owner, @Nullable LocalDate dueOn, @Nullable Remedy remedy, int version);

    /** Lessons of every exercise the subject may read, matching the words and status, newest first. */
    List<Lesson> search(Subject subject, @Nullable String text, @Nullable LessonStatus status);

    /** The lesson, if the subject may read its exercise (404 otherwise). */
    Lesson find(Subject subject, UUID id);
}
