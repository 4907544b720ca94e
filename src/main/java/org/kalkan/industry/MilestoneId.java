package org.kalkan.industry;

import java.util.UUID;

/** The id of a co-production milestone. */
public record MilestoneId(UUID value) {

    public MilestoneId {
        if (value == null) {
            throw new IllegalArgumentException("a milestone id is required");
        }
    }

    public static MilestoneId random() {
        return new MilestoneId(UUID.randomUUID());
    }

    /** Parses a path or body value; a malformed id is a bad request. */
    public static MilestoneId parse(String text) {
        try {
            return new MilestoneId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a milestone id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
