package org.kalkan.cop.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.cluster.Cluster;
import org.kalkan.cluster.Signal;
import org.kalkan.cluster.SignalReceived;
import org.kalkan.cop.LiveEvent;
import org.kalkan.incident.IncidentFeatures;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentReported;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.IncidentUpdated;
import org.kalkan.incident.Incidents;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts incident changes on the live stream once they are committed. An incident left without reports is removed
 * ({@code incident.removed}, its id only) from everyone who saw it; one whose label narrowed is removed from those
 * who could read the old label but not the new one, and updated for the others.
 * <p>
 * In a cluster the change is also signalled to the other instances by id (with the label it had before, when that
 * narrowed); each of them reads the incident again as it stands in the database and puts it on its own stream, whose
 * subscribers get it only through the access policy, exactly as on the instance where it changed (ADR 0012).
 */
@Component
class IncidentFeed {

    static final String SIGNAL = "incident";
    private static final String CHANGE = "change";
    private static final String PREVIOUS_CLASSIFICATION = "previousClassification";
    private static final String PREVIOUS_RELEASABLE_TO = "previousReleasableTo";

    private final LiveStream stream;
    private final Cluster cluster;
    private final Incidents incidents;

    IncidentFeed(LiveStream stream, Cluster cluster, Incidents incidents) {
        this.stream = stream;
        this.cluster = cluster;
        this.incidents = incidents;
    }

    @ApplicationModuleListener
    void on(IncidentReported event) {
        show(event.incident(), "incident.reported", null);
        signal(event.incident(), "incident.reported", null);
    }

    @ApplicationModuleListener
    void on(IncidentUpdated event) {
        show(event.incident(), "incident.updated", event.previousLabel());
        signal(event.incident(), "incident.updated", event.previousLabel());
    }

    /** Another instance changed an incident: show it as it stands now. */
    @EventListener
    void on(SignalReceived received) {
        if (!received.is(SIGNAL)) {
            return;
        }
        Signal signal = received.signal();
        incidents.forLiveView(new IncidentId(UUID.fromString(signal.id())))
                .ifPresent(incident -> show(incident, signal.attribute(CHANGE, "incident.updated"), previous(signal)));
    }

    private void show(IncidentSummary incident, String change, @Nullable SecurityLabel previous) {
        if (incident.reportCount() == 0) {
            stream.publish(removal(incident, incident.label(), null));
            if (previous != null && !previous.equals(incident.label())) {
                stream.publish(removal(incident, previous, incident.label()));
            }
            return;
        }
        stream.publish(new LiveEvent(change, incident.id().toString(), IncidentFeatures.feature(incident),
                incident.label(), null, incident.exerciseId()));
        if (previous != null && !previous.equals(incident.label())) {
            stream.publish(removal(incident, previous, incident.label()));
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
        String releasableTo = signal.attribute(PREVIOUS_RELEASABLE_TO, "");
        return SecurityLabel.of(Classification.valueOf(classification),
                releasableTo.isEmpty() ? List.of() : List.of(releasableTo.split(",")));
    }

    private static LiveEvent removal(IncidentSummary incident, SecurityLabel to, @Nullable SecurityLabel unlessReadable) {
        return new LiveEvent("incident.removed", incident.id().toString(), Map.of("id", incident.id().toString()),
                to, null, incident.exerciseId(), unlessReadable);
    }
}
