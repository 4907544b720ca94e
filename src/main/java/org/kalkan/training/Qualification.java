package org.kalkan.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One grant of a qualification, kept for the history: when earned and on what evidence, valid before
 * {@code validUntil}, still counted (as expiring) before {@code graceUntil}; superseded by a recertification,
 * or expired (recorded when the grace period ended).
 */
public record Qualification(UUID id, PersonId person, String code, String course, LocalDate earnedOn,
        LocalDate validUntil, LocalDate graceUntil, String evidence, @Nullable LocalDate supersededOn,
        @Nullable Instant expiredAt) {

    /** The state of this grant on a day. */
    public enum State {
        VALID, IN_GRACE, EXPIRED, SUPERSEDED
    }

    public State stateOn(LocalDate day) {
        if (supersededOn != null && !day.isBefore(supersededOn)) {
            return State.SUPERSEDED;
        }
        if (day.isBefore(earnedOn)) {
            return State.EXPIRED;
        }
        if (day.isBefore(validUntil)) {
            return State.VALID;
        }
        return day.isBefore(graceUntil) ? State.IN_GRACE : State.EXPIRED;
    }

    /** Whether it counts on the day: valid or in its grace period. */
    public boolean countsOn(LocalDate day) {
        State state = stateOn(day);
        return state == State.VALID || state == State.IN_GRACE;
    }
}
