package org.kalkan.incident;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An incident changed (status, merge, re-attachment). {@code mergedInto} is set when it was merged away. */
public record IncidentUpdated(IncidentSummary incident, String change, @Nullable IncidentId mergedInto) {

    /** The context the incident belongs to: null for the real world, else its exercise (ADR 0006). */
    public @Nullable UUID exerciseId() {
        return incident.exerciseId();
    }
}
