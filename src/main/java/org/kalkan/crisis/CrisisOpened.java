package org.kalkan.crisis;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.IncidentId;
import org.kalkan.shared.SecurityLabel;

/**
 * A crisis manager opened a crisis. The label governs who may learn of it; {@code exerciseId} is the exercise it
 * belongs to, null in the real world (ADR 0006).
 */
public record CrisisOpened(CrisisId crisisId, String title, SecurityLabel label, List<IncidentId> incidentIds,
        String openedBy, @Nullable UUID exerciseId) {
}
