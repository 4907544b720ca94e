package org.kalkan.incident;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;

/**
 * An incident as other modules and the live picture see it. The label governs who may see it at all.
 * {@code updatedAt} is when it last changed (a report joined or left, its status changed): the STIX version of
 * the incident in the TAXII {@code incidents} collection. {@code ref} is its short human reference
 * ({@code INC-2026-0142}), what people see and type instead of its id.
 */
public record IncidentSummary(IncidentId id, IncidentCategory category, String title, IncidentStatus status,
        int severity, GeoPoint location, Instant firstObservedAt, Instant lastObservedAt, int reportCount,
        SecurityLabel label, @Nullable UUID exerciseId, int version, Instant updatedAt, String ref) {

    /** APP-6D symbol code; exercise incidents carry the exercise context digit. */
    public String sidc() {
        return category.sidc(exerciseId != null);
    }
}
