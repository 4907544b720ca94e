package org.kalkan.interop.cap;

import java.util.UUID;

/** Identifies a message the gateway received (each alert of an EDXL-DE envelope is a message of its own). */
public record CapMessageId(UUID value) {

    public static CapMessageId random() {
        return new CapMessageId(UUID.randomUUID());
    }

    /** Parses an id from a path; anything else is bad input. */
    public static CapMessageId parse(String value) {
        try {
            return new CapMessageId(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a CAP message id: " + value, e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
