package org.kalkan.industry;

import java.util.UUID;

/** The id of a co-production programme. */
public record ProgrammeId(UUID value) {

    public ProgrammeId {
        if (value == null) {
            throw new IllegalArgumentException("a programme id is required");
        }
    }

    public static ProgrammeId random() {
        return new ProgrammeId(UUID.randomUUID());
    }

    /** Parses a path or body value; a malformed id is a bad request. */
    public static ProgrammeId parse(String text) {
        try {
            return new ProgrammeId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a programme id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
