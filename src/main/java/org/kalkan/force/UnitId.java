package org.kalkan.force;

import java.util.UUID;

/** Identifies a national unit in the registry. */
public record UnitId(UUID value) {

    public static UnitId random() {
        return new UnitId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
