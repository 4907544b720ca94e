package org.kalkan.industry;

/** The life-cycle phase of a programme, in order. */
public enum Phase {
    CONCEPT, DEVELOPMENT, PRODUCTION, IN_SERVICE, DISPOSAL;

    /** Whether a programme may move from this phase to {@code next}: one step forward only. */
    public boolean mayMoveTo(Phase next) {
        return next.ordinal() == ordinal() + 1;
    }
}
