package org.kalkan.interop.cap.internal;

import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * CAP 1.1 and 1.0 messages, recognised by their namespace, upgraded to CAP 1.2 so that one schema and one set of
 * rules apply. 1.1 only changes namespace (1.2 is a superset of it). 1.0 also loses {@code password} (deprecated),
 * writes {@code valueName=value} pairs as elements, says {@code Likely} for {@code Very Likely}, takes
 * {@code Other} for a missing category and {@code Restricted} for a missing scope: without a scope we assume the
 * narrower audience, so the message gets the source's restricted label (fail closed).
 */
final class CapVersions {

    private static final List<String> AFTER_SCOPE = List.of("restriction", "addresses", "code", "note", "references",
            "incidents", "info", "Signature");
    private static final Set<String> PAIRS = Set.of("eventCode", "parameter", "geocode");

    private CapVersions() {
    }

    /** The CAP version of a namespace, or null for anything else. */
    public static String version(String namespace) {
        return switch (namespace) {
            case CapXml.CAP12 -> "1.2";
            case CapXml.CAP11 -> "1.1";
            case CapXml.CAP10 -> "1.0";
            default -> "";
        };
    }

    /** The alert as a CAP 1.2 document of its own (a copy; {@code alert} is left as it was). */
    public static Document upgrade(Element alert) {
        String namespace = alert.getNamespaceURI() == null ? "" : alert.getNamespaceURI();
        if (CapXml.CAP12.equals(namespace)) {
            return CapXml.standalone(alert);
        }
        Document document = CapXml.newDocument();
        document.appendChild(copy(document, alert, namespace, CapXml.CAP10.equals(namespace)));
        return document;
    }

    private static Element copy(Document document, Element source, String namespace, boolean v10) {
        Element target = document.createElementNS(CapXml.CAP12, source.getLocalName());
        boolean scopeSeen = false;
        boolean categorySeen = false;
        for (Node child = source.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() != Node.ELEMENT_NODE) {
                if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    target.appendChild(document.createTextNode(child.getNodeValue()));
                }
                continue;
            }
            Element element = (Element) child;
            if (!namespace.equals(element.getNamespaceURI())) {
                target.appendChild(document.importNode(element, true)); // a signature, kept as it is
                continue;
            }
            String name = element.getLocalName();
            if (v10 && "alert".equals(source.getLocalName())) {
                if ("password".equals(name)) {
                    continue;
                }
                if (!scopeSeen && AFTER_SCOPE.contains(name)) {
                    target.appendChild(leaf(document, "scope", "Restricted"));
                    scopeSeen = true;
                }
                scopeSeen |= "scope".equals(name);
            }
            if (v10 && "info".equals(source.getLocalName())) {
                if (!categorySeen && "event".equals(name)) {
                    target.appendChild(leaf(document, "category", "Other"));
                }
                categorySeen |= "category".equals(name) || "event".equals(name);
                if ("certainty".equals(name) && "Very Likely".equals(element.getTextContent().strip())) {
                    target.appendChild(leaf(document, "certainty", "Likely"));
                    continue;
                }
            }
            if (v10 && PAIRS.contains(name) && CapXml.children(element, "valueName").isEmpty()) {
                target.appendChild(pair(document, name, element.getTextContent().strip()));
                continue;
            }
            target.appendChild(copy(document, element, namespace, v10));
        }
        if (v10 && "alert".equals(source.getLocalName()) && !scopeSeen) {
            target.appendChild(leaf(document, "scope", "Restricted"));
        }
        return target;
    }

    private static Element leaf(Document document, String name, String text) {
        Element element = document.createElementNS(CapXml.CAP12, name);
        element.setTextContent(text);
        return element;
    }

    private static Element pair(Document document, String name, String text) {
        int equals = text.indexOf('=');
        Element element = document.createElementNS(CapXml.CAP12, name);
        element.appendChild(leaf(document, "valueName", equals < 0 ? "CAP-1.0" : text.substring(0, equals).strip()));
        element.appendChild(leaf(document, "value", equals < 0 ? text : text.substring(equals + 1).strip()));
        return element;
    }
}
