package org.kalkan.training;

import java.util.UUID;

/** Identifies a training requirement raised by a lesson learned. */
public record TrainingRequirementId(UUID value) {

    public TrainingRequirementId {
        if (value == null) {
            throw new IllegalArgumentException("an id is required");
        }
    }

    public static TrainingRequirementId random() {
        return new TrainingRequirementId(UUID.randomUUID());
    }

    /** Parses a request's id; a malformed one is bad input naming the field. */
    public static TrainingRequirementId parse(String text, String field) {
        try {
            return new TrainingRequirementId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not an id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
