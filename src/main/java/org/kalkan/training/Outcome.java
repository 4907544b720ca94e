package org.kalkan.training;

/** How a person finished a course: passed (grants its qualification), completed (without a pass), or failed. */
public enum Outcome {
    PASSED, COMPLETED, FAILED;

    /** Whether the course counts as done for the prerequisites of another. */
    public boolean completes() {
        return this != FAILED;
    }
}
