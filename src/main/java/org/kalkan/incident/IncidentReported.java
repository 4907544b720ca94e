package org.kalkan.incident;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A report was filed; {@code newIncident} tells whether it opened the incident or joined it. */
public record IncidentReported(IncidentSummary incident, ReportId reportId, boolean newIncident) {

    /** The context the incident belongs to: null for the real world, else its exercise (ADR 0006). */
    public @Nullable UUID exerciseId() {
        return incident.exerciseId();
    }
}
