package org.kalkan.exercise;

/** {@code OBSERVATION → LESSON_IDENTIFIED → REMEDIAL_ACTION (owner, due date) → LESSON_LEARNED (validated)}. */
public enum LessonStatus {
    OBSERVATION, LESSON_IDENTIFIED, REMEDIAL_ACTION, LESSON_LEARNED;

    public boolean canMoveTo(LessonStatus next) {
        return next.ordinal() == ordinal() + 1;
    }
}
