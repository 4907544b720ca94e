package org.kalkan.cop.internal;

import org.kalkan.cop.LiveEvent;
import org.kalkan.incident.IncidentFeatures;
import org.kalkan.incident.IncidentReported;
import org.kalkan.incident.IncidentUpdated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Puts incident changes on the live stream once they are committed. */
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
        var incident = event.incident();
        stream.publish(new LiveEvent("incident.updated", incident.id().toString(),
                IncidentFeatures.feature(incident), incident.label(), null,
                incident.exerciseId()));
    }
}
