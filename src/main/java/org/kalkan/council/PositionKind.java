package org.kalkan.council;

/** A member's position on a decision under consensus; all but {@code CONCUR} need a written statement. */
public enum PositionKind {
    CONCUR,
    CONCUR_WITH_RESERVATION,
    NON_CONCUR;

    public boolean needsStatement() {
        return this != CONCUR;
    }
}
