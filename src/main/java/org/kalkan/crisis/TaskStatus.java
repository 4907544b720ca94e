package org.kalkan.crisis;

/** A task's status; {@code DONE} and {@code CANCELLED} are final. */
public enum TaskStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == CANCELLED;
    }
}
