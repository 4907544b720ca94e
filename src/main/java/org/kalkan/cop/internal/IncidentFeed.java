package org.kalkan.cop.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.kalkan.cluster.Cluster;
import org.kalkan.cluster.Signal;
import org.kalkan.cluster.SignalReceived;
import org.kalkan.cop.IncidentChangedElsewhere;
import org.kalkan.cop.LiveEvent;
import org.kalkan.incident.IncidentFeatures;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentReported;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.IncidentUpdated;
import org.kalkan.incident.Incidents;
import org.kalkan.platform.AfterCommit;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts incident changes on the live stream once they are committed: straight after the commit, in the committing
 * thread, without the event publication registry (a subscriber that misses one reloads on reconnecting). An incident
 * left without reports is removed ({@code incident.removed}, its id only) from everyone who saw it; one whose label
 * narrowed is removed from those who could read the old label but not the new one, and updated for the others.
 * <p>
 * In a cluster the change is also signalled to the other instances by id (with the label it had before, when that
 * narrowed), stored with the changing transaction and sent after its commit; each other instance reads the incident
 * again as it stands in the database and puts it on its own stream, whose subscribers get it only through the
 * access policy, exactly as on the instance where it changed (ADR 0012). On a single node nothing is signalled.
 */
@Component
class IncidentFeed {

    static final String SIGNAL = "incident";
    private static final String CHANGE = "change";
    private static final String PREVIOUS_CLASSIFICATION = "previousClassification";
    private static final String PREVIOUS_RELEASABLE_TO = "previousReleasableTo";

    private final LiveStream stream;
    private final AfterCommit afterCommit;
    private final Cluster cluster;
    private final Incidents incidents;

    private final ApplicationEventPublisher events;

    IncidentFeed(LiveStream stream, AfterCommit afterCommit, Cluster cluster, Incidents incidents,
            ApplicationEventPublisher events) {
        this.stream = stream;
        this.afterCommit = afterCommit;
        this.cluster = cluster;
        this.incidents = incidents;
        this.events = events;
    }

    @EventListener
    void on(IncidentReported event) {
        IncidentSummary incident = event.incident();
        afterCommit.run(() -> show(incident, "incident.reported", null));
        signal(incident, "incident.reported", null);
    }

    @EventListener
    void on(IncidentUpdated event) {
        IncidentSummary incident = event.incident();
        SecurityLabel previous = event.previousLabel();
        afterCommit.run(() -> show(incident, "incident.updated", previous));
        signal(incident, "incident.updated", previous);
    }

    /**
     * Another instance changed an incident: show it as it stands now to this instance's subscribers, and tell this
     * instance's other live views ({@link IncidentChangedElsewhere}).
     */
    @EventListener
    void on(SignalReceived received) {
        if (!received.is(SIGNAL)) {
            return;
        }
        Signal signal = received.signal();
        incidents.forLiveView(new IncidentId(UUID.fromString(signal.id()))).ifPresent(incident -> {
            SecurityLabel previous = previous(signal);
            show(incident, signal.attribute(CHANGE, "incident.updated"), previous);
            events.publishEvent(new IncidentChangedElsewhere(incident, previous));
        });
    }

    private void show(IncidentSummary incident, String change, @Nullable SecurityLabel previous) {
        if (incident.reportCount() == 0) {
            publish(() -> removal(incident, incident.label(), null));
        } else {
            publish(() -> new LiveEvent(change, incident.id().toString(), IncidentFeatures.feature(incident),
                    incident.label(), null, incident.exerciseId()));
        }
        if (previous != null && !previous.equals(incident.label())) {
            publish(() -> removal(incident, previous, incident.label()));
        }
    }

    /** Builds the event (its GeoJSON, MGRS and all) only when someone is listening. */
    private void publish(Supplier<LiveEvent> event) {
        if (stream.subscriberCount() > 0) {
            stream.publish(event.get());
        }
    }

    /** Ids and the previous label only: the content is read again from the database by every receiver. */
    private void signal(IncidentSummary incident, String change, @Nullable SecurityLabel previous) {
        if (!cluster.clustered()) {
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(CHANGE, change);
        if (previous != null) {
            attributes.put(PREVIOUS_CLASSIFICATION, previous.classification().name());
            attributes.put(PREVIOUS_RELEASABLE_TO, String.join(",", previous.releasableTo()));
        }
        cluster.signal(SIGNAL, incident.id().toString(), attributes);
    }

    private static @Nullable SecurityLabel previous(Signal signal) {
        String classification = signal.attribute(PREVIOUS_CLASSIFICATION, "");
        if (classification.isEmpty()) {
            return null;
        }
        return SecurityLabel.of(Classification.valueOf(classification),
                List.of(signal.attribute(PREVIOUS_RELEASABLE_TO, "").split(",")));
    }

    private static LiveEvent removal(IncidentSummary incident, SecurityLabel to, @Nullable SecurityLabel unlessReadable) {
        return new LiveEvent("incident.removed", incident.id().toString(), Map.of("id", incident.id().toString()),
                to, null, incident.exerciseId(), unlessReadable);
    }
}
