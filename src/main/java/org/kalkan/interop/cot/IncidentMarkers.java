package org.kalkan.interop.cot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import org.kalkan.incident.IncidentReported;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.platform.AfterCommit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends each reported real-world incident as a CoT spot marker to the TAK clients allowed to read it. TAK clients
 * work in the real world: an incident of an exercise is never sent to them (ADR 0006).
 */
@Component
class IncidentMarkers {

    static final Duration MARKER_LIFETIME = Duration.ofHours(24);
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final CotHub hub;
    private final Clock clock;
    private final AfterCommit afterCommit;

    IncidentMarkers(CotHub hub, Clock clock, AfterCommit afterCommit) {
        this.hub = hub;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /** After the commit, without the event publication registry: a TAK client that was offline reconnects. */
    @EventListener
    void on(IncidentReported reported) {
        IncidentSummary incident = reported.incident();
        if (incident.exerciseId() != null) {
            return;
        }
        afterCommit.run(() -> {
            if (hub.connected()) {
                hub.distribute(marker(incident, clock.instant()), incident.label(), null, null, null);
            }
        });
    }

    static CotEvent marker(IncidentSummary incident, Instant now) {
        String callsign = incident.category().name() + ": " + incident.title();
        var out = new java.io.StringWriter();
        try {
            var writer = OUTPUT.createXMLStreamWriter(out);
            writer.writeEmptyElement("contact");
            writer.writeAttribute("callsign", callsign);
            writer.writeStartElement("remarks");
            writer.writeCharacters(incident.title() + " (" + incident.status() + ", severity " + incident.severity()
                    + ", " + incident.reportCount() + " reports, last observed " + incident.lastObservedAt() + ")");
            writer.writeEndElement();
            writer.writeEmptyElement("link");
            writer.writeAttribute("relation", "related");
            writer.writeAttribute("url", "/incidents/" + incident.id().value());
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return new CotEvent("kalkan-incident-" + incident.id().value(), "b-m-p-s-m", "h-e", now,
                incident.lastObservedAt(), now.plus(MARKER_LIFETIME), incident.location().lat(),
                incident.location().lon(), CotEvent.UNKNOWN, CotEvent.UNKNOWN, CotEvent.UNKNOWN, out.toString(),
                callsign, incident.label());
    }
}
