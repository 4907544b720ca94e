package org.kalkan.industry;

import java.util.UUID;

/** The id of a co-production supplier. */
public record SupplierId(UUID value) {

    public SupplierId {
        if (value == null) {
            throw new IllegalArgumentException("a supplier id is required");
        }
    }

    public static SupplierId random() {
        return new SupplierId(UUID.randomUUID());
    }

    /** Parses a path or body value; a malformed id is a bad request. */
    public static SupplierId parse(String text) {
        try {
            return new SupplierId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a supplier id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
