package org.kalkan.incident;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A report was filed; {@code newIncident} tells whether it opened the incident or joined it; {@code reportedBy} is
 * who filed it (as the exercise evaluation measures players by it).
 */
public record IncidentReported(IncidentSummary incident, ReportId reportId, boolean newIncident, String reportedBy) {

    /** The context the incident belongs to: null for the real world, else its exercise (ADR 0006). */
    public @Nullable UUID exerciseId() {
        return incident.exerciseId();
    }
}
