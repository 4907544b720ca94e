package org.kalkan.training;

import java.util.UUID;

/** Identifies a scheduled session of a course. */
public record SessionId(UUID value) {

    public SessionId {
        if (value == null) {
            throw new IllegalArgumentException("an id is required");
        }
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID());
    }

    /** Parses a request's id; a malformed one is bad input naming the field. */
    public static SessionId parse(String text, String field) {
        try {
            return new SessionId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not an id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
