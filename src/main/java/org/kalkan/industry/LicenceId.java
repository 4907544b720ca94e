package org.kalkan.industry;

import java.util.UUID;

/** The id of a co-production licence. */
public record LicenceId(UUID value) {

    public LicenceId {
        if (value == null) {
            throw new IllegalArgumentException("a licence id is required");
        }
    }

    public static LicenceId random() {
        return new LicenceId(UUID.randomUUID());
    }

    /** Parses a path or body value; a malformed id is a bad request. */
    public static LicenceId parse(String text) {
        try {
            return new LicenceId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a licence id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
