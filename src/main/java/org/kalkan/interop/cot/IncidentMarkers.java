package org.kalkan.interop.cot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kalkan.cop.IncidentChangedElsewhere;
import org.kalkan.incident.IncidentReported;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.IncidentUpdated;
import org.kalkan.platform.AfterCommit;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends each real-world incident as a CoT spot marker to the TAK clients allowed to read it, again when it
 * changes, and a delete ({@code t-x-d-d}) to the clients that may no longer see it: every client once it holds no
 * report, those who could read its old label but not its new one when that narrowed. TAK clients work in the real
 * world: an incident of an exercise is never sent to them (ADR 0006). Markers go straight after the commit, without
 * the event publication registry: a TAK client that was offline gets the picture again when it reconnects.
 */
@Component
class IncidentMarkers {

    static final Duration MARKER_LIFETIME = Duration.ofHours(24);

    private final CotHub hub;
    private final Clock clock;
    private final AfterCommit afterCommit;

    IncidentMarkers(CotHub hub, Clock clock, AfterCommit afterCommit) {
        this.hub = hub;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    @EventListener
    void on(IncidentReported reported) {
        IncidentSummary incident = reported.incident();
        if (incident.exerciseId() != null) {
            return;
        }
        afterCommit.run(() -> {
            if (hub.connected()) {
                hub.distribute(marker(incident, clock.instant()), incident.label(), null, null, null, null);
            }
        });
    }

    @EventListener
    void on(IncidentUpdated updated) {
        IncidentSummary incident = updated.incident();
        if (incident.exerciseId() != null) {
            return;
        }
        afterCommit.run(() -> {
            if (hub.connected()) {
                distributeUpdate(incident, updated.emptied(), updated.previousLabel());
            }
        });
    }

    /** On an instance of a cluster: another instance changed it, and this one read it again. */
    @EventListener
    void on(IncidentChangedElsewhere changed) {
        IncidentSummary incident = changed.incident();
        if (incident.exerciseId() == null && hub.connected()) {
            distributeUpdate(incident, changed.emptied(), changed.previousLabel());
        }
    }

    private void distributeUpdate(IncidentSummary incident, boolean emptied, @Nullable SecurityLabel previous) {
        Instant now = clock.instant();
        if (emptied) {
            hub.distribute(delete(incident, now), incident.label(), null, null, null, null);
        } else {
            hub.distribute(marker(incident, now), incident.label(), null, null, null, null);
        }
        if (previous != null && !previous.equals(incident.label())) {
            hub.distribute(delete(incident, now), previous, null, null, null, incident.label());
        }
    }

    static String uid(IncidentSummary incident) {
        return "kalkan-incident-" + incident.id().value();
    }

    static CotEvent marker(IncidentSummary incident, Instant now) {
        String callsign = incident.category().name() + ": " + incident.title();
        String detail = CotXml.detail(writer -> {
            writer.writeEmptyElement("contact");
            writer.writeAttribute("callsign", callsign);
            writer.writeStartElement("remarks");
            writer.writeCharacters(incident.title() + " (" + incident.status() + ", severity " + incident.severity()
                    + ", " + incident.reportCount() + " reports, last observed " + incident.lastObservedAt() + ")");
            writer.writeEndElement();
            writer.writeEmptyElement("link");
            writer.writeAttribute("relation", "related");
            writer.writeAttribute("url", "/incidents/" + incident.id().value());
        });
        return new CotEvent(uid(incident), "b-m-p-s-m", "h-e", now, incident.lastObservedAt(),
                now.plus(MARKER_LIFETIME), incident.location().lat(), incident.location().lon(), CotEvent.UNKNOWN,
                CotEvent.UNKNOWN, CotEvent.UNKNOWN, detail, callsign, incident.label());
    }

    /** Tells a TAK client to drop the incident's marker; it says nothing of the incident but its id. */
    static CotEvent delete(IncidentSummary incident, Instant now) {
        String detail = CotXml.detail(writer -> {
            writer.writeEmptyElement("link");
            writer.writeAttribute("uid", uid(incident));
            writer.writeAttribute("relation", "none");
            writer.writeAttribute("type", "none");
            writer.writeEmptyElement("__forcedelete");
        });
        return new CotEvent(uid(incident) + ".delete", "t-x-d-d", "h-g-i-g-o", now, now, now.plus(MARKER_LIFETIME),
                0, 0, CotEvent.UNKNOWN, CotEvent.UNKNOWN, CotEvent.UNKNOWN, detail, null, null);
    }
}
