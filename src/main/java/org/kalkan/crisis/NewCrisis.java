package org.kalkan.crisis;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.IncidentId;
import org.kalkan.shared.SecurityLabel;

/** What a crisis manager gives to open a crisis; the opener joins the team. */
public record NewCrisis(String title, SecurityLabel label, List<IncidentId> incidentIds, CrisisTeam team,
        @Nullable Duration sitrepEvery) {

    public static final int MAX_TITLE = 200;

    public NewCrisis {
        title = Texts.required(title, "title", MAX_TITLE);
        incidentIds = List.copyOf(incidentIds);
        if (incidentIds.stream().distinct().count() != incidentIds.size()) {
            throw new IllegalArgumentException("incidentIds names an incident twice");
        }
    }
}
