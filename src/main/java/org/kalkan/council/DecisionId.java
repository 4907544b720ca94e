package org.kalkan.council;

import java.util.UUID;

/** Identifies a Council decision through all its versions. */
public record DecisionId(UUID value) {

    public DecisionId {
        if (value == null) {
            throw new IllegalArgumentException("a decision id is required");
        }
    }

    public static DecisionId of(String value) {
        return new DecisionId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
