package org.kalkan.council.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.kalkan.council.DecisionStatus;
import org.kalkan.council.Position;
import org.kalkan.council.PositionKind;
import org.kalkan.shared.NationCode;

/**
 * The consensus rule, counted when the chair closes a decision: adopted when every member state has concurred
 * (with reservations: {@code ADOPTED_WITH_RESERVATIONS}); not adopted when any member state did not concur or took
 * no position. Only member states count; positions of anyone else change nothing.
 */
record ConsensusTally(SortedSet<NationCode> nonConcurring, SortedSet<NationCode> withoutPosition,
        boolean reservations) {

    ConsensusTally {
        nonConcurring = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(nonConcurring));
        withoutPosition = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(withoutPosition));
    }

    /** Counts the current version's {@code positions} of the {@code memberStates}. */
    static ConsensusTally of(Collection<NationCode> memberStates, List<Position> positions) {
        SortedSet<NationCode> nonConcurring = new TreeSet<>();
        SortedSet<NationCode> withoutPosition = new TreeSet<>();
        boolean reservations = false;
        for (NationCode member : memberStates) {
            Optional<Position> position = positions.stream().filter(p -> p.nation().equals(member)).findFirst();
            if (position.isEmpty()) {
                withoutPosition.add(member);
            } else if (position.get().kind() == PositionKind.NON_CONCUR) {
                nonConcurring.add(member);
            } else if (position.get().kind() == PositionKind.CONCUR_WITH_RESERVATION) {
                reservations = true;
            }
        }
        return new ConsensusTally(nonConcurring, withoutPosition, reservations);
    }

    boolean consensus() {
        return nonConcurring.isEmpty() && withoutPosition.isEmpty();
    }

    /** {@code ADOPTED}, {@code ADOPTED_WITH_RESERVATIONS} or {@code NOT_ADOPTED}. */
    DecisionStatus outcome() {
        if (!consensus()) {
            return DecisionStatus.NOT_ADOPTED;
        }
        return reservations ? DecisionStatus.ADOPTED_WITH_RESERVATIONS : DecisionStatus.ADOPTED;
    }
}
