package org.kalkan.interop.cot;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;

/**
 * CoT XML in and out. Reading is hardened: no DTDs, no external entities, no entity references at all; a
 * document with any of them is refused. Writing is strict: the node writes every byte it sends itself.
 */
final class CotXml {

    /** A refused document; {@code reason} names the drop counter. */
    static final class Refused extends Exception {

        private final String reason;

        Refused(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    static final String LABEL_ELEMENT = "__kalkan";
    private static final XMLInputFactory INPUT = hardenedInput();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private CotXml() {
    }

    private static XMLInputFactory hardenedInput() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entities are refused: " + systemId);
        });
        return factory;
    }

    static CotEvent parse(byte[] document) throws Refused {
        XMLStreamReader reader = null;
        try {
            reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(document), "UTF-8");
            return read(reader);
        } catch (XMLStreamException | RuntimeException e) {
            throw new Refused("malformed", "not a CoT event: " + e.getMessage());
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the byte array
                }
            }
        }
    }

    private static CotEvent read(XMLStreamReader reader) throws XMLStreamException, Refused {
        String uid = null;
        String type = null;
        String how = "m-g";
        Instant time = null;
        Instant start = null;
        Instant stale = null;
        double[] point = null;
        String detail = "";
        String callsign = null;
        SecurityLabel label = null;
        boolean inEvent = false;
        while (reader.hasNext()) {
            int next = next(reader);
            if (next != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            if (!inEvent) {
                if (!"event".equals(name)) {
                    throw new Refused("malformed", "the document is not an event: <" + name + ">");
                }
                inEvent = true;
                uid = required(reader, "uid");
                type = required(reader, "type");
                how = attribute(reader, "how", how);
                time = instant(reader, "time");
                start = instant(reader, "start");
                stale = instant(reader, "stale");
            } else if ("point".equals(name)) {
                point = new double[] {number(reader, "lat", Double.NaN), number(reader, "lon", Double.NaN),
                        number(reader, "hae", CotEvent.UNKNOWN), number(reader, "ce", CotEvent.UNKNOWN),
                        number(reader, "le", CotEvent.UNKNOWN)};
                skip(reader);
            } else if ("detail".equals(name)) {
                StringWriter out = new StringWriter();
                XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(out);
                String[] found = new String[3];
                copyChildren(reader, writer, found);
                writer.flush();
                detail = out.toString();
                callsign = found[0];
                if (found[1] != null || found[2] != null) {
                    label = label(found[1], found[2]);
                }
            } else {
                skip(reader);
            }
        }
        if (uid == null || type == null) {
            throw new Refused("malformed", "no event");
        }
        if (point == null || !(Math.abs(point[0]) <= 90) || !(Math.abs(point[1]) <= 180)) {
            throw new Refused("malformed", "an event needs a <point> with lat and lon");
        }
        return new CotEvent(uid, type, how, time, start, stale, point[0], point[1], point[2], point[3], point[4],
                detail, callsign, label);
    }

    /** Every event the reader returns passes here: DTDs and entity references end the document. */
    private static int next(XMLStreamReader reader) throws XMLStreamException, Refused {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
            throw new Refused("dtd", "a DTD was refused");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.ENTITY_DECLARATION) {
            throw new Refused("entity", "an entity reference was refused");
        }
        return event;
    }

    private static void skip(XMLStreamReader reader) throws XMLStreamException, Refused {
        int depth = 1;
        while (depth > 0) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** Copies {@code <detail>}'s children, taking the contact callsign and the label element out on the way. */
    private static void copyChildren(XMLStreamReader reader, XMLStreamWriter writer, String[] found)
            throws XMLStreamException, Refused {
        int depth = 1;
        while (depth > 0) {
            int event = next(reader);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = reader.getLocalName();
                    if (depth == 1 && LABEL_ELEMENT.equals(name)) {
                        found[1] = reader.getAttributeValue(null, "classification");
                        found[2] = reader.getAttributeValue(null, "releasableTo");
                        skip(reader);
                        continue;
                    }
                    if (depth == 1 && "contact".equals(name)) {
                        found[0] = reader.getAttributeValue(null, "callsign");
                    }
                    depth++;
                    writer.writeStartElement(name);
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        writer.writeAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (depth > 0) {
                        writer.writeEndElement();
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        writer.writeCharacters(reader.getText());
                default -> {
                    // comments and processing instructions are not passed on
                }
            }
        }
    }

    /** A label from {@code classification="…" releasableTo="…"} (entries separated by commas or spaces). */
    static SecurityLabel label(@Nullable String classification, @Nullable String releasableTo) throws Refused {
        var level = Classification.parse(classification == null ? "" : classification.trim().toUpperCase())
                .orElseThrow(() -> new Refused("label", "unknown classification " + classification));
        var entries = Arrays.stream((releasableTo == null ? "" : releasableTo).split("[,\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (entries.isEmpty()) {
            throw new Refused("label", "a label needs releasableTo");
        }
        return SecurityLabel.of(level, entries);
    }

    /** A label written as a marking: {@code RESTRICTED // REL TO MEMBERS}. */
    static SecurityLabel marking(String marking) {
        String[] parts = marking.split("//", 2);
        String releasability = parts.length > 1 ? parts[1].trim().replaceFirst("^REL TO\\s+", "") : "";
        try {
            return label(parts[0].trim(), releasability);
        } catch (Refused e) {
            throw new IllegalArgumentException("not a label marking: " + marking);
        }
    }

    static String write(CotEvent event, @Nullable SecurityLabel label) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(out);
            writer.writeStartElement("event");
            writer.writeAttribute("version", "2.0");
            writer.writeAttribute("uid", event.uid());
            writer.writeAttribute("type", event.type());
            writer.writeAttribute("how", event.how());
            writer.writeAttribute("time", event.time().toString());
            writer.writeAttribute("start", event.start().toString());
            writer.writeAttribute("stale", event.stale().toString());
            writer.writeEmptyElement("point");
            writer.writeAttribute("lat", Double.toString(event.lat()));
            writer.writeAttribute("lon", Double.toString(event.lon()));
            writer.writeAttribute("hae", Double.toString(event.hae()));
            writer.writeAttribute("ce", Double.toString(event.ce()));
            writer.writeAttribute("le", Double.toString(event.le()));
            writer.writeStartElement("detail");
            writer.writeCharacters(""); // closes the start tag before raw content
            writer.flush();
            out.write(event.detail());
            if (label != null) {
                writer.writeEmptyElement(LABEL_ELEMENT);
                writer.writeAttribute("classification", label.classification().name());
                writer.writeAttribute("releasableTo", String.join(",", label.releasableTo()));
            }
            writer.writeEndElement();
            writer.writeEndElement();
            writer.flush();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write CoT", e);
        }
    }

    private static String required(XMLStreamReader reader, String name) throws Refused {
        String value = reader.getAttributeValue(null, name);
        if (value == null || value.isBlank() || value.length() > 512) {
            throw new Refused("malformed", "the event needs a " + name);
        }
        return value;
    }

    private static String attribute(XMLStreamReader reader, String name, String fallback) {
        String value = reader.getAttributeValue(null, name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Instant instant(XMLStreamReader reader, String name) throws Refused {
        String value = required(reader, name);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e2) {
                throw new Refused("malformed", "not an ISO 8601 time: " + name);
            }
        }
    }

    private static double number(XMLStreamReader reader, String name, double fallback) throws Refused {
        String value = reader.getAttributeValue(null, name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new Refused("malformed", "not a number: " + name);
        }
    }
}
