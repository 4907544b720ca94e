package org.kalkan.training;

import java.util.UUID;

/** Identifies a person's training record; in xAPI it is the agent's {@code account.name}. */
public record PersonId(UUID value) {

    public PersonId {
        if (value == null) {
            throw new IllegalArgumentException("an id is required");
        }
    }

    public static PersonId random() {
        return new PersonId(UUID.randomUUID());
    }

    /** Parses a request's id; a malformed one is bad input naming the field. */
    public static PersonId parse(String text, String field) {
        try {
            return new PersonId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not an id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
