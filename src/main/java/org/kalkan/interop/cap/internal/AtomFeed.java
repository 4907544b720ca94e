package org.kalkan.interop.cap.internal;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * An Atom 1.0 feed (RFC 4287) of published CAP messages, newest first, paged (RFC 5005: {@code next} links to
 * older entries). Each entry links to its CAP document ({@code application/cap+xml}) and its EDXL-DE envelope.
 * Links are relative to the node, so no request header ever decides where they point.
 */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    /** One published message. */
    public record Entry(String id, String title, Instant updated, String summary, String author, String category,
            String capLink, String edxlLink) {
    }

    private AtomFeed() {
    }

    public static byte[] write(String feedId, String title, Instant updated, String self, @Nullable String next,
            List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "id", feedId);
            text(xml, "title", title);
            text(xml, "updated", date(updated));
            link(xml, "self", "application/atom+xml", self);
            if (next != null) {
                link(xml, "next", "application/atom+xml", next);
            }
            xml.writeStartElement(ATOM, "generator");
            xml.writeCharacters("Kalkan");
            xml.writeEndElement();
            for (Entry entry : entries) {
                xml.writeStartElement(ATOM, "entry");
                text(xml, "id", entry.id());
                text(xml, "title", entry.title());
                text(xml, "updated", date(entry.updated()));
                xml.writeStartElement(ATOM, "author");
                text(xml, "name", entry.author());
                xml.writeEndElement();
                xml.writeEmptyElement(ATOM, "category");
                xml.writeAttribute("term", entry.category());
                link(xml, "alternate", "application/cap+xml", entry.capLink());
                link(xml, "related", "application/xml", entry.edxlLink());
                text(xml, "summary", entry.summary());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
    }

    /** RFC 3339 to the second: feed readers misread longer fractions. */
    private static String date(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static void text(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(ATOM, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }
}
