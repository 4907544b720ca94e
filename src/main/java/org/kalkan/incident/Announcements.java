package org.kalkan.incident;

import java.util.List;
import org.kalkan.incident.internal.Regrouping;
import org.springframework.context.ApplicationEventPublisher;

/** Tells the other modules about every incident an act changed, opened ones as such. */
final class Announcements {

    private Announcements() {
    }

    static void publish(ApplicationEventPublisher events, List<Regrouping.Changed> changed, String change) {
        changed.forEach(c -> events.publishEvent(new IncidentUpdated(c.incident(),
                c.opened() ? "opened: " + change : change, c.mergedInto(), c.previousLabel())));
    }
}
