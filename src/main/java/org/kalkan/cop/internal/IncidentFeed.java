package org.kalkan.cop.internal;

import org.kalkan.cop.LiveEvent;
import org.kalkan.incident.IncidentFeatures;
import org.kalkan.incident.IncidentReported;
import org.kalkan.incident.IncidentUpdated;
import org.kalkan.platform.AfterCommit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts incident changes on the live stream once they are committed: straight after the commit, in the committing
 * thread, without the event publication registry (a subscriber that misses one reloads on reconnecting).
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
        var incident = event.incident();
        afterCommit.run(() -> publish(() -> new LiveEvent("incident.updated", incident.id().toString(),
                IncidentFeatures.feature(incident), incident.label(), null,
                incident.exerciseId())));
    }

    /** Builds the event (its GeoJSON, MGRS and all) only when someone is listening. */
    private void publish(java.util.function.Supplier<LiveEvent> event) {
        if (stream.subscriberCount() > 0) {
            stream.publish(event.get());
        }
    }
}
