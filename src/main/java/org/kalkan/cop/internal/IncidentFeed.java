package org.kalkan.cop.internal;

import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.kalkan.cop.LiveEvent;
import org.kalkan.incident.IncidentFeatures;
import org.kalkan.incident.IncidentReported;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.IncidentUpdated;
import org.kalkan.platform.AfterCommit;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts incident changes on the live stream once they are committed: straight after the commit, in the committing
 * thread, without the event publication registry (a subscriber that misses one reloads on reconnecting). An incident
 * left without reports is removed ({@code incident.removed}, its id only) from everyone who saw it; one whose label
 * narrowed is removed from those who could read the old label but not the new one, and updated for the others.
 */
@Component
class IncidentFeed {

    private final LiveStream stream;
    private final AfterCommit afterCommit;

    IncidentFeed(LiveStream stream, AfterCommit afterCommit) {
        this.stream = stream;
        this.afterCommit = afterCommit;
    }

    @EventListener
    void on(IncidentReported event) {
        var incident = event.incident();
        afterCommit.run(() -> publish(() -> new LiveEvent("incident.reported", incident.id().toString(),
                IncidentFeatures.feature(incident), incident.label(), null,
                incident.exerciseId())));
    }

    @EventListener
    void on(IncidentUpdated event) {
        IncidentSummary incident = event.incident();
        SecurityLabel previous = event.previousLabel();
        boolean narrowed = previous != null && !previous.equals(incident.label());
        afterCommit.run(() -> {
            if (event.emptied()) {
                publish(() -> removal(incident, incident.label(), null));
            } else {
                publish(() -> new LiveEvent("incident.updated", incident.id().toString(),
                        IncidentFeatures.feature(incident), incident.label(), null,
                        incident.exerciseId()));
            }
            if (narrowed) {
                publish(() -> removal(incident, previous, incident.label()));
            }
        });
    }

    /** Builds the event (its GeoJSON, MGRS and all) only when someone is listening. */
    private void publish(Supplier<LiveEvent> event) {
        if (stream.subscriberCount() > 0) {
            stream.publish(event.get());
        }
    }

    private static LiveEvent removal(IncidentSummary incident, SecurityLabel to, @Nullable SecurityLabel unlessReadable) {
        return new LiveEvent("incident.removed", incident.id().toString(), Map.of("id", incident.id().toString()),
                to, null, incident.exerciseId(), unlessReadable);
    }
}
