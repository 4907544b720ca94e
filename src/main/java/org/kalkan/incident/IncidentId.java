package org.kalkan.incident;

import java.util.UUID;

/** Identifies an incident. */
public record IncidentId(UUID value) {

    public static IncidentId random() {
        return new IncidentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
