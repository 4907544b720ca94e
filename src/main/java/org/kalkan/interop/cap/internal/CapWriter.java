package org.kalkan.interop.cap.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the CAP 1.2 documents the node publishes, element by element in the schema's order, and wraps them in an
 * EDXL-DE 1.0 envelope on request. Times are UTC as {@code +00:00} without fractions, as CAP requires.
 */
final class CapWriter {

    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    /** An earlier message this one updates or cancels. */
    public record Reference(String sender, String identifier, Instant sent) {

        String value() {
            return sender + "," + identifier + "," + time(sent);
        }
    }

    /** The one info block of an alert the node publishes. */
    public record Info(String category, String event, String urgency, String severity, String certainty,
            String senderName, String headline, String description) {
    }

    /** A message to publish: {@code status} Actual or Exercise, {@code msgType} Alert, Update or Cancel. */
    public record Outgoing(String identifier, String sender, Instant sent, String status, String msgType,
            String note, List<Reference> references, @Nullable Info info) {
    }

    private CapWriter() {
    }

    public static String time(Instant instant) {
        return CAP_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The unsigned CAP 1.2 document. */
    public static Document alert(Outgoing message) {
        Document document = CapXml.newDocument();
        Element alert = document.createElementNS(CapXml.CAP12, "alert");
        // Declared as an attribute too: canonicalisation (and so the signature) sees what a receiver parses.
        alert.setAttributeNS(XMLNS, "xmlns", CapXml.CAP12);
        document.appendChild(alert);
        leaf(alert, "identifier", message.identifier());
        leaf(alert, "sender", message.sender());
        leaf(alert, "sent", time(message.sent()));
        leaf(alert, "status", message.status());
        leaf(alert, "msgType", message.msgType());
        leaf(alert, "scope", "Public");
        leaf(alert, "note", message.note());
        if (!message.references().isEmpty()) {
            leaf(alert, "references", String.join(" ", message.references().stream().map(Reference::value)
                    .toList()));
        }
        Info info = message.info();
        if (info != null) {
            Element block = child(alert, "info");
            leaf(block, "language", "en-US");
            leaf(block, "category", info.category());
            leaf(block, "event", info.event());
            leaf(block, "urgency", info.urgency());
            leaf(block, "severity", info.severity());
            leaf(block, "certainty", info.certainty());
            leaf(block, "senderName", info.senderName());
            leaf(block, "headline", info.headline());
            leaf(block, "description", info.description());
        }
        return document;
    }

    /** An EDXL-DE 1.0 envelope carrying a (signed) CAP alert, labelled with its marking. */
    public static Document envelope(Document alert, Outgoing message, String marking) {
        Document document = CapXml.newDocument();
        Element root = document.createElementNS(CapXml.EDXLDE, "edxlde:EDXLDistribution");
        root.setAttributeNS(XMLNS, "xmlns:edxlde", CapXml.EDXLDE);
        document.appendChild(root);
        edxl(root, "distributionID", message.identifier());
        edxl(root, "senderID", message.sender());
        edxl(root, "dateTimeSent", time(message.sent()));
        edxl(root, "distributionStatus", message.status());
        edxl(root, "distributionType", switch (message.msgType()) {
            case "Update" -> "Update";
            case "Cancel" -> "Cancel";
            default -> "Report";
        });
        edxl(root, "combinedConfidentiality", marking);
        edxl(root, "language", "en-US");
        Element content = (Element) root.appendChild(document.createElementNS(CapXml.EDXLDE, "edxlde:contentObject"));
        edxl(content, "contentDescription", message.info() == null ? message.msgType() + " " + message.identifier()
                : message.info().headline());
        edxl(content, "confidentiality", marking);
        Element xml = (Element) content.appendChild(document.createElementNS(CapXml.EDXLDE, "edxlde:xmlContent"));
        Element embedded = (Element) xml.appendChild(
                document.createElementNS(CapXml.EDXLDE, "edxlde:embeddedXMLContent"));
        embedded.appendChild(document.importNode(alert.getDocumentElement(), true));
        return document;
    }

    private static Element child(Element parent, String name) {
        return (Element) parent.appendChild(parent.getOwnerDocument().createElementNS(CapXml.CAP12, name));
    }

    private static void leaf(Element parent, String name, String text) {
        child(parent, name).setTextContent(text);
    }

    private static void edxl(Element parent, String name, String text) {
        parent.appendChild(parent.getOwnerDocument().createElementNS(CapXml.EDXLDE, "edxlde:" + name))
                .setTextContent(text);
    }
}
