package org.kalkan.exercise;

/** An exercise's life: planned, running (the clock started), ended, archived (nobody enters), purged. */
public enum ExerciseStatus {
    PLANNED, RUNNING, ENDED, ARCHIVED, PURGED;

    /** Whether players and staff may still work in the exercise's context. */
    public boolean open() {
        return this == PLANNED || this == RUNNING || this == ENDED;
    }
}
