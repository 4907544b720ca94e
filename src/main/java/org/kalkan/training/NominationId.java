package org.kalkan.training;

import java.util.UUID;

/** Identifies a nomination of a person to a session. */
public record NominationId(UUID value) {

    public NominationId {
        if (value == null) {
            throw new IllegalArgumentException("an id is required");
        }
    }

    public static NominationId random() {
        return new NominationId(UUID.randomUUID());
    }

    /** Parses a request's id; a malformed one is bad input naming the field. */
    public static NominationId parse(String text, String field) {
        try {
            return new NominationId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not an id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
