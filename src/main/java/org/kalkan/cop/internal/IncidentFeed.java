package org.kalkan.cop.internal;

import java.util.Map;
import org.kalkan.cop.LiveEvent;
import org.kalkan.incident.IncidentFeatures;
import org.kalkan.incident.IncidentReported;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.IncidentUpdated;
import org.kalkan.shared.SecurityLabel;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts incident changes on the live stream once they are committed. An incident left without reports is removed
 * ({@code incident.removed}, its id only) from everyone who saw it; one whose label narrowed is removed from those
 * who could read the old label but not the new one, and updated for the others.
 */
@Component
class IncidentFeed {

    private final LiveStream stream;

    IncidentFeed(LiveStream stream) {
        this.stream = stream;
    }

    @ApplicationModuleListener
    void on(IncidentReported event) {
        var incident = event.incident();
        stream.publish(new LiveEvent("incident.reported", incident.id().toString(),
                IncidentFeatures.feature(incident), incident.label(), null,
                incident.exerciseId()));
    }

    @ApplicationModuleListener
    void on(IncidentUpdated event) {
        IncidentSummary incident = event.incident();
        SecurityLabel previous = event.previousLabel();
        if (event.emptied()) {
            stream.publish(removal(incident, incident.label(), null));
            if (previous != null && !previous.equals(incident.label())) {
                stream.publish(removal(incident, previous, incident.label()));
            }
            return;
        }
        stream.publish(new LiveEvent("incident.updated", incident.id().toString(),
                IncidentFeatures.feature(incident), incident.label(), null,
                incident.exerciseId()));
        if (previous != null && !previous.equals(incident.label())) {
            stream.publish(removal(incident, previous, incident.label()));
        }
    }

    private static LiveEvent removal(IncidentSummary incident, SecurityLabel to,
            @org.jspecify.annotations.Nullable SecurityLabel unlessReadable) {
        return new LiveEvent("incident.removed", incident.id().toString(), Map.of("id", incident.id().toString()),
                to, null, incident.exerciseId(), unlessReadable);
    }
}
