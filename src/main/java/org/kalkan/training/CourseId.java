package org.kalkan.training;

import java.util.UUID;

/** Identifies a course of the catalogue (its code is the name people use). */
public record CourseId(UUID value) {

    public CourseId {
        if (value == null) {
            throw new IllegalArgumentException("an id is required");
        }
    }

    public static CourseId random() {
        return new CourseId(UUID.randomUUID());
    }

    /** Parses a request's id; a malformed one is bad input naming the field. */
    public static CourseId parse(String text, String field) {
        try {
            return new CourseId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not an id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
