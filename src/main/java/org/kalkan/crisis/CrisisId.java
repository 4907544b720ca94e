package org.kalkan.crisis;

import java.util.UUID;

/** Identifies a crisis. */
public record CrisisId(UUID value) {

    public static CrisisId random() {
        return new CrisisId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
