package org.kalkan.training;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;

/** A person nominated to a session by their nation, with its place in the queue and, later, the result. */
public record Nomination(NominationId id, SessionId session, PersonId person, NationCode nation,
        NominationStatus status, int priority, long arrival, @Nullable Outcome result, String nominatedBy,
        Instant nominatedAt, @Nullable String note) {

    public Seating.Claim claim() {
        return new Seating.Claim(id, nation.value(), priority, arrival);
    }
}
