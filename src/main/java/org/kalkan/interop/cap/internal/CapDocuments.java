package org.kalkan.interop.cap.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.InvalidInputException.Violation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Opens what a source posted: one CAP alert (1.2, 1.1 or 1.0 by namespace) or an EDXL-DE 1.0 envelope carrying
 * CAP alerts. Everything is checked before anything is used: the envelope against its schema, each alert against
 * cap12.xsd and {@link CapRules}. One broken alert refuses the whole post, listing every violation.
 */
public final class CapDocuments {

    /** One alert: as received (its signature is checked on this) and as CAP 1.2 (what is read and mapped). */
    public record Incoming(Document original, Document cap12, String prefix, String version) {

        public CapMessage message() {
            return CapMessage.read(cap12);
        }
    }

    /** What was posted: {@code CAP} or {@code EDXL-DE} (with its distribution id) and the alerts in it. */
    public record Opened(String kind, @Nullable String distributionId, List<Incoming> alerts) {
    }

    private CapDocuments() {
    }

    public static Opened open(Document document, Instant now) {
        Element root = document.getDocumentElement();
        String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
        List<Violation> violations = new ArrayList<>();
        List<Incoming> alerts = new ArrayList<>();
        String kind;
        String distributionId = null;
        if ("alert".equals(root.getLocalName()) && !CapVersions.version(namespace).isEmpty()) {
            kind = "CAP";
            alerts.add(incoming(root, "", violations, now));
        } else if ("EDXLDistribution".equals(root.getLocalName()) && CapXml.EDXLDE.equals(namespace)) {
            kind = "EDXL-DE";
            violations.addAll(CapSchemas.validateEdxlDe(document));
            distributionId = CapXml.text(root, "distributionID");
            for (Element content : CapXml.children(root, "contentObject")) {
                Element xml = CapXml.child(content, "xmlContent");
                for (Element embedded : xml == null ? List.<Element>of() : CapXml.children(xml, "embeddedXMLContent")) {
                    for (Element alert : CapXml.children(embedded, "alert")) {
                        String ns = alert.getNamespaceURI() == null ? "" : alert.getNamespaceURI();
                        if (!CapVersions.version(ns).isEmpty()) {
                            alerts.add(incoming(alert, CapXml.path(embedded), violations, now));
                        }
                    }
                }
            }
            if (alerts.isEmpty() && violations.isEmpty()) {
                violations.add(new Violation("/EDXLDistribution", "the envelope carries no CAP alert "
                        + "(contentObject/xmlContent/embeddedXMLContent/alert)"));
            }
        } else {
            throw InvalidInputException.of(List.of(new Violation("/", "neither a CAP alert (CAP 1.2, 1.1 or 1.0 "
                    + "namespace) nor an EDXL-DE 1.0 envelope: {" + namespace + "}" + root.getLocalName())));
        }
        if (!violations.isEmpty()) {
            throw InvalidInputException.of(violations);
        }
        return new Opened(kind, distributionId, alerts);
    }

    private static Incoming incoming(Element alert, String prefix, List<Violation> violations, Instant now) {
        Document original = CapXml.standalone(alert);
        Document cap12 = CapVersions.upgrade(alert);
        List<Violation> rules = CapRules.check(cap12, prefix, now);
        Set<String> ruled = rules.stream().map(Violation::where).collect(Collectors.toSet());
        // The schema says the same thing twice for one bad value (pattern, then type); a rule says it better.
        Map<String, Violation> schema = new LinkedHashMap<>();
        for (Violation violation : CapSchemas.validateCap(cap12, prefix)) {
            if (!ruled.contains(violation.where())) {
                schema.putIfAbsent(violation.where(), violation);
            }
        }
        violations.addAll(schema.values());
        violations.addAll(rules);
        return new Incoming(original, cap12, prefix, CapVersions.version(alert.getNamespaceURI()));
    }
}
