package org.kalkan.interop.cot;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.kalkan.notification.AlertRaised;
import org.kalkan.notification.AlertView;
import org.kalkan.notification.Alerts;
import org.kalkan.security.Subject;
import org.kalkan.shared.Dtg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends each raised alert to its recipients' connected TAK clients as a GeoChat message ({@code b-t-f} in the
 * "All Chat Rooms" room, shaped as ATAK and node-cot write one), which TAK clients show and announce. A client
 * gets it only when its user is a recipient, may read the alert through {@link Alerts#view} (the access policy,
 * refusals audited there) and, again in the hub, may read its label.
 */
@Component
class AlertFlashes {

    static final String SENDER_UID = "KALKAN-ALERTS";
    static final String ROOM = "All Chat Rooms";
    private static final Duration LIFETIME = Duration.ofHours(24);
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();
    private static final Logger log = LoggerFactory.getLogger(AlertFlashes.class);

    private final CotHub hub;
    private final Alerts alerts;
    private final Clock clock;

    AlertFlashes(CotHub hub, Alerts alerts, Clock clock) {
        this.hub = hub;
        this.alerts = alerts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AlertRaised raised) {
        Set<String> readers = new HashSet<>();
        AlertView alert = null;
        for (CotSession session : hub.sessions()) {
            Subject subject = session.subject();
            if (!raised.recipients().contains(subject.username()) || readers.contains(subject.username())) {
                continue;
            }
            try {
                alert = alerts.view(subject, raised.alertId());
                readers.add(subject.username());
            } catch (RuntimeException refused) {
                log.debug("alert {} not sent to {}'s TAK client: {}", raised.alertId(), subject.username(),
                        refused.getMessage());
            }
        }
        if (alert != null) {
            hub.sendTo(readers, chat(alert, clock.instant()), alert.label(), alert.originNation(), alert.exerciseId());
        }
    }

    /** The alert as a GeoChat message from "Kalkan" to all chat rooms, its marking and deadline in the text. */
    static CotEvent chat(AlertView alert, Instant now) {
        String messageId = alert.id().toString();
        String text = "[" + alert.label().marking() + "] " + (alert.exerciseId() == null ? "" : "EXERCISE ")
                + alert.precedence() + " alert from " + alert.sender() + " " + Dtg.of(alert.sentAt()) + ": "
                + alert.text() + " (acknowledge in Kalkan by " + Dtg.of(alert.sentAt().plus(alert.ackWithin())) + ")";
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(out);
            writer.writeStartElement("__chat");
            writer.writeAttribute("parent", "RootContactGroup");
            writer.writeAttribute("groupOwner", "false");
            writer.writeAttribute("messageId", messageId);
            writer.writeAttribute("chatroom", ROOM);
            writer.writeAttribute("id", ROOM);
            writer.writeAttribute("senderCallsign", "Kalkan");
            writer.writeEmptyElement("chatgrp");
            writer.writeAttribute("uid0", SENDER_UID);
            writer.writeAttribute("uid1", ROOM);
            writer.writeAttribute("id", ROOM);
            writer.writeEndElement();
            writer.writeEmptyElement("link");
            writer.writeAttribute("uid", SENDER_UID);
            writer.writeAttribute("type", "a-f-G");
            writer.writeAttribute("relation", "p-p");
            writer.writeStartElement("remarks");
            writer.writeAttribute("source", "BAO.F.ATAK." + SENDER_UID);
            writer.writeAttribute("to", ROOM);
            writer.writeAttribute("time", now.toString());
            writer.writeCharacters(text);
            writer.writeEndElement();
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return new CotEvent("GeoChat." + SENDER_UID + "." + ROOM + "." + messageId, "b-t-f", "h-g-i-g-o", now, now,
                now.plus(LIFETIME), 0, 0, CotEvent.UNKNOWN, CotEvent.UNKNOWN, CotEvent.UNKNOWN, out.toString(),
                "Kalkan", alert.label());
    }
}
