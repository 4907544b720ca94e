package org.kalkan.interop.cap.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.InvalidInputException.Violation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * CAP and EDXL-DE documents in and out. Reading is hardened twice: a streaming pre-scan refuses any document type
 * declaration or entity reference and bounds depth and element count before a tree is built, and the DOM parser
 * itself refuses DOCTYPEs, external entities and XInclude. Bytes are decoded as the document declares (UTF-8,
 * UTF-16, ISO-8859-1, …), never by a guess of ours.
 */
public final class CapXml {

    public static final String CAP12 = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final String CAP11 = "urn:oasis:names:tc:emergency:cap:1.1";
    public static final String CAP10 = "http://www.incident.com/cap/1.0";
    public static final String EDXLDE = "urn:oasis:names:tc:emergency:EDXL:DE:1.0";
    public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    /** Elements that may repeat: their paths always carry a 1-based index ({@code /alert/info[2]/area[1]}). */
    private static final Set<String> REPEATABLE = Set.of("info", "area", "polygon", "circle", "geocode", "parameter",
            "eventCode", "resource", "category", "responseType", "code", "contentObject", "embeddedXMLContent",
            "Signature");

    private static final XMLInputFactory SCANNER = scanner();
    private static final DocumentBuilderFactory BUILDERS = builders();

    /** How large a document may be, in nesting depth and in elements. */
    public record Limits(int maxDepth, int maxElements) {
    }

    private CapXml() {
    }

    private static XMLInputFactory scanner() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK's, whatever else is on the classpath
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entities are refused: " + systemId);
        });
        return factory;
    }

    private static DocumentBuilderFactory builders() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
        }
    }

    /** A new, empty, namespace-aware document (for documents the node writes itself). */
    public static Document newDocument() {
        return builder().newDocument();
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilder builder = BUILDERS.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are refused: " + systemId);
            });
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses a document, or refuses it whole (400) naming why: not well-formed, a DOCTYPE or entity reference, too
     * deep or too large. Nothing outside the bytes is ever read.
     */
    public static Document parse(byte[] bytes, Limits limits) {
        scan(bytes, limits);
        try {
            return builder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw refused("not well-formed XML (line " + e.getLineNumber() + "): " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw refused("not well-formed XML: " + e.getMessage());
        }
    }

    private static void scan(byte[] bytes, Limits limits) {
        XMLStreamReader reader = null;
        try {
            reader = SCANNER.createXMLStreamReader(new ByteArrayInputStream(bytes));
            int depth = 0;
            int elements = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw refused("a document type declaration (DOCTYPE) is refused: DTDs and entities are never "
                            + "processed");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw refused("the entity reference &" + reader.getLocalName() + "; is refused");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    elements++;
                    if (depth > limits.maxDepth()) {
                        throw refused("elements nested deeper than " + limits.maxDepth() + " are refused");
                    }
                    if (elements > limits.maxElements()) {
                        throw refused("more than " + limits.maxElements() + " elements are refused");
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw refused("not well-formed XML: " + firstLine(e.getMessage()));
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

    private static InvalidInputException refused(String message) {
        return InvalidInputException.of(List.of(new Violation("/", message)));
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).replace("ParseError at [row,col]:", "at");
    }

    /** The element path for violations: {@code /alert/info[1]/area[2]/polygon[1]}; local names only. */
    public static String path(@Nullable Node node) {
        List<String> steps = new ArrayList<>();
        Node current = node;
        while (current != null && current.getNodeType() == Node.ELEMENT_NODE) {
            Element element = (Element) current;
            String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
            steps.add(0, REPEATABLE.contains(name) ? name + "[" + index(element, name) + "]" : name);
            current = element.getParentNode();
        }
        return "/" + String.join("/", steps);
    }

    private static int index(Element element, String name) {
        int index = 1;
        for (Node sibling = element.getPreviousSibling(); sibling != null; sibling = sibling.getPreviousSibling()) {
            if (sibling.getNodeType() == Node.ELEMENT_NODE && name.equals(sibling.getLocalName())) {
                index++;
            }
        }
        return index;
    }

    /** The direct child elements of {@code parent} with this local name, in order. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && localName.equals(child.getLocalName())) {
                children.add((Element) child);
            }
        }
        return children;
    }

    public static @Nullable Element child(Element parent, String localName) {
        List<Element> children = children(parent, localName);
        return children.isEmpty() ? null : children.get(0);
    }

    /** The trimmed text of the first such child, or null when it is absent or empty. */
    public static @Nullable String text(Element parent, String localName) {
        Element child = child(parent, localName);
        if (child == null) {
            return null;
        }
        String text = child.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    /** A copy of {@code element} as the document element of a document of its own. */
    public static Document standalone(Element element) {
        Document document = newDocument();
        document.appendChild(document.importNode(element, true));
        return document;
    }

    /** Serialises a document as UTF-8 with an XML declaration, exactly as it is (no pretty-printing). */
    public static byte[] bytes(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise an XML document", e);
        }
    }
}
