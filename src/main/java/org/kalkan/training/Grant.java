package org.kalkan.training;

import java.time.LocalDate;
import java.time.Period;

/**
 * The qualification a pass grants, how long it stays valid, and the grace period after it during which it still
 * counts while recertification is arranged (flagged as expiring).
 */
public record Grant(String qualification, Period validFor, Period gracePeriod) {

    public Grant {
        qualification = Course.code(qualification, "grants.qualification");
        if (validFor == null || validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("grants.validFor must be a positive ISO 8601 period such as P2Y");
        }
        if (gracePeriod == null || gracePeriod.isNegative()) {
            throw new IllegalArgumentException("grants.gracePeriod must be an ISO 8601 period such as P3M (or P0D)");
        }
    }

    /** The first day the qualification earned on {@code earnedOn} is no longer valid. */
    public LocalDate validUntil(LocalDate earnedOn) {
        return earnedOn.plus(validFor);
    }

    /** The first day after the grace period. */
    public LocalDate graceUntil(LocalDate earnedOn) {
        return validUntil(earnedOn).plus(gracePeriod);
    }
}
