package org.kalkan.notification;

import java.util.UUID;

/** Identifies an alert. */
public record AlertId(UUID value) {

    public static AlertId random() {
        return new AlertId(UUID.randomUUID());
    }

    /** Parses an id from a path or a form; anything else is bad input. */
    public static AlertId parse(String value) {
        try {
            return new AlertId(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an alert id: " + value, e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
