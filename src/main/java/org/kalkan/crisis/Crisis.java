package org.kalkan.crisis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.IncidentId;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A crisis as its team sees it. {@code sitrepEvery} is the SITREP schedule, null when on demand only;
 * {@code exerciseId} the exercise it belongs to, null in the real world (ADR 0006); {@code ref} its short human
 * reference ({@code CRI-2026-0003}), what people see and name it by.
 */
public record Crisis(CrisisId id, String title, CrisisPhase phase, SecurityLabel label, NationCode originNation,
        String openedBy, Instant openedAt, Instant updatedAt, @Nullable Duration sitrepEvery,
        @Nullable Instant nextSitrepAt, CrisisTeam team, List<IncidentId> incidentIds, int version,
        @Nullable UUID exerciseId, String ref) {

    public Crisis {
        incidentIds = List.copyOf(incidentIds);
    }
}
