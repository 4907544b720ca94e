package org.kalkan.crisis;

import java.util.ArrayList;
import java.util.List;

/**
 * The crisis lifecycle. A crisis moves one phase forward, or one phase back to revisit the previous one (for
 * example from planning back to response options); {@code CLOSED} is final.
 */
public enum CrisisPhase {
    INDICATIONS_AND_WARNING,
    ASSESSMENT,
    RESPONSE_OPTIONS,
    PLANNING,
    EXECUTION,
    TRANSITION,
    CLOSED;

    public boolean canMoveTo(CrisisPhase target) {
        return next().contains(target);
    }

    /** The phases this one may move to. */
    public List<CrisisPhase> next() {
        List<CrisisPhase> next = new ArrayList<>();
        if (this == CLOSED) {
            return next;
        }
        next.add(values()[ordinal() + 1]);
        if (ordinal() > 0) {
            next.add(values()[ordinal() - 1]);
        }
        return next;
    }
}
