package org.kalkan.industry;

import java.util.UUID;

/** The id of a co-production transfer. */
public record TransferId(UUID value) {

    public TransferId {
        if (value == null) {
            throw new IllegalArgumentException("a transfer id is required");
        }
    }

    public static TransferId random() {
        return new TransferId(UUID.randomUUID());
    }

    /** Parses a path or body value; a malformed id is a bad request. */
    public static TransferId parse(String text) {
        try {
            return new TransferId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a transfer id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
