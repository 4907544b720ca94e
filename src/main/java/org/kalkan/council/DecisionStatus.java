package org.kalkan.council;

/** Where a decision stands. The last three are final: nothing changes afterwards. */
public enum DecisionStatus {
    UNDER_SILENCE,
    SILENCE_BROKEN,
    UNDER_CONSENSUS,
    ADOPTED,
    ADOPTED_WITH_RESERVATIONS,
    NOT_ADOPTED;

    public boolean isFinal() {
        return this == ADOPTED || this == ADOPTED_WITH_RESERVATIONS || this == NOT_ADOPTED;
    }

    public boolean isAdopted() {
        return this == ADOPTED || this == ADOPTED_WITH_RESERVATIONS;
    }
}
