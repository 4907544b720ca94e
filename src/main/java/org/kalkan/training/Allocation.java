package org.kalkan.training;

import java.util.List;

/**
 * The coordinator's allocation of an oversubscribed session: who holds a seat so that the readiness gained is
 * highest within the seats and quotas, and why each other nomination does not. {@code applied} tells whether the
 * statuses were changed accordingly.
 */
public record Allocation(SessionId session, List<Seat> seated, List<Refusal> refused, long readinessGained,
        boolean optimal, boolean applied) {

    public Allocation {
        seated = List.copyOf(seated);
        refused = List.copyOf(refused);
    }

    public record Seat(NominationId nomination, PersonId person, String nation, int gain, String explanation) {
    }

    public record Refusal(NominationId nomination, PersonId person, String nation, int gain, String reason) {
    }
}
