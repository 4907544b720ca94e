package org.kalkan.crisis;

import java.util.List;
import org.kalkan.incident.IncidentId;
import org.kalkan.shared.SecurityLabel;

/** A crisis manager opened a crisis. The label governs who may learn of it. */
public record CrisisOpened(CrisisId crisisId, String title, SecurityLabel label, List<IncidentId> incidentIds,
        String openedBy) {
}
