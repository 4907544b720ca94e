package org.kalkan.industry;

import java.util.UUID;

/** The id of a co-production allocation. */
public record AllocationId(UUID value) {

    public AllocationId {
        if (value == null) {
            throw new IllegalArgumentException("a allocation id is required");
        }
    }

    public static AllocationId random() {
        return new AllocationId(UUID.randomUUID());
    }

    /** Parses a path or body value; a malformed id is a bad request. */
    public static AllocationId parse(String text) {
        try {
            return new AllocationId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a allocation id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
