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
    // The JDK's StAX, whatever else is on the classpath: Woodstox (which xmlsec brings) refuses the several roots of a
    // detail fragment.
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private CotXml() {
    }

    private static XMLInputFactory hardenedInput() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entities are refused: " + systemId);
        });
        return factory;
    }

    /**
     * How large one event may be as a tree: its deepest element ({@code <event>} is at depth 1, {@code <detail>}'s
     * children at 3) and how many elements it has. A larger one is refused (counted as {@code depth} or
     * {@code elements}) before anything of it is kept.
     */
    record Limits(int maxDepth, int maxElements) {

        static final Limits DEFAULT = new Limits(32, 5000);

        Limits {
            if (maxDepth < 3 || maxElements < 3) {
                throw new IllegalArgumentException("a CoT event needs at least depth 3 and 3 elements");
            }
        }
    }

    /** Parses one event within the default limits. */
    static CotEvent parse(byte[] document) throws Refused {
        return parse(document, Limits.DEFAULT);
    }

    static CotEvent parse(byte[] document, Limits limits) throws Refused {
        XMLStreamReader reader = null;
        try {
            reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(document), "UTF-8");
            return new Walk(reader, limits).event();
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

    /** One pass over a document, counting depth and elements as it goes. */
    private static final class Walk {

        private final XMLStreamReader reader;
        private final Limits limits;
        private int depth;
        private int elements;

        Walk(XMLStreamReader reader, Limits limits) {
            this.reader = reader;
            this.limits = limits;
        }

        CotEvent event() throws XMLStreamException, Refused {
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
                int next = next();
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
                    skip();
                } else if ("detail".equals(name)) {
                    StringWriter out = new StringWriter();
                    XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(out);
                    String[] found = new String[3];
                    copyChildren(writer, found);
                    writer.flush();
                    detail = out.toString();
                    callsign = found[0];
                    if (found[1] != null || found[2] != null) {
                        label = label(found[1], found[2]);
                    }
                } else {
                    skip();
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

        /**
         * Every event the reader returns passes here: DTDs and entity references end the document, and so does an
         * element deeper or more numerous than the limits.
         */
        private int next() throws XMLStreamException, Refused {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new Refused("dtd", "a DTD was refused");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.ENTITY_DECLARATION) {
                throw new Refused("entity", "an entity reference was refused");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (++depth > limits.maxDepth()) {
                    throw new Refused("depth", "elements nested deeper than " + limits.maxDepth());
                }
                if (++elements > limits.maxElements()) {
                    throw new Refused("elements", "more than " + limits.maxElements() + " elements");
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            return event;
        }

        private void skip() throws XMLStreamException, Refused {
            int level = 1;
            while (level > 0) {
                int event = next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    level++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    level--;
                }
            }
        }

        /** Copies {@code <detail>}'s children, taking the contact callsign and the label element out on the way. */
        private void copyChildren(XMLStreamWriter writer, String[] found) throws XMLStreamException, Refused {
            int level = 1;
            while (level > 0) {
                int event = next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = reader.getLocalName();
                        if (level == 1 && LABEL_ELEMENT.equals(name)) {
                            found[1] = reader.getAttributeValue(null, "classification");
                            found[2] = reader.getAttributeValue(null, "releasableTo");
                            skip();
                            continue;
                        }
                        if (level == 1 && "contact".equals(name)) {
                            found[0] = reader.getAttributeValue(null, "callsign");
                        }
                        level++;
                        writer.writeStartElement(name);
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            writer.writeAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        level--;
                        if (level > 0) {
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

    /** Writes the content of a {@code <detail>} the node composes. */
    interface DetailBody {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    /**
     * The content of a {@code <detail>} written by {@code body}, with every element it opened closed (an element
     * left open, or an empty element whose tag the writer had not yet ended, would make the event malformed).
     */
    static String detail(DetailBody body) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(out);
            body.write(writer);
            writer.writeEndDocument();
            writer.flush();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a CoT detail", e);
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
