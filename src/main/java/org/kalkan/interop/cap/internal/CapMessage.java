package org.kalkan.interop.cap.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.GeoPoint;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A CAP 1.2 alert as the gateway uses it, read from a document that passed the schema and the rules (so every
 * value here is well-formed). Values keep CAP's own words ({@code Update}, {@code Severe}); mapping them to
 * Kalkan's is {@link CapMapping}'s job.
 */
public record CapMessage(String identifier, String sender, OffsetDateTime sent, String status, String msgType,
        String scope, @Nullable String source, @Nullable String note, List<Reference> references, List<Info> infos) {

    /** One earlier message named in {@code references}. */
    public record Reference(String sender, String identifier, OffsetDateTime sent) {
    }

    public record Info(@Nullable String language, List<String> categories, String event, String urgency,
            String severity, String certainty, @Nullable OffsetDateTime effective, @Nullable OffsetDateTime onset,
            @Nullable OffsetDateTime expires, @Nullable String senderName, @Nullable String headline,
            @Nullable String description, @Nullable String instruction, @Nullable String web,
            @Nullable String contact, List<Area> areas) {
    }

    public record Area(String description, List<List<GeoPoint>> polygons, List<CapGeometry.Circle> circles,
            List<String> geocodes) {

        public @Nullable GeoPoint centroid() {
            return CapGeometry.centroid(polygons, circles);
        }

        public @Nullable String geoJson() {
            return CapGeometry.geoJson(polygons, circles);
        }
    }

    /** Reads a CAP 1.2 document that passed {@link CapRules}; anything else is a programming error. */
    public static CapMessage read(Document document) {
        Element alert = document.getDocumentElement();
        List<Info> infos = new ArrayList<>();
        for (Element info : CapXml.children(alert, "info")) {
            infos.add(info(info));
        }
        String references = CapXml.text(alert, "references");
        return new CapMessage(required(alert, "identifier"), required(alert, "sender"),
                OffsetDateTime.parse(required(alert, "sent")), required(alert, "status"), required(alert, "msgType"),
                required(alert, "scope"), CapXml.text(alert, "source"), CapXml.text(alert, "note"),
                references == null ? List.of() : references(references), infos);
    }

    /** The entries of a {@code references} value: {@code sender,identifier,sent} separated by whitespace. */
    public static List<Reference> references(String value) {
        List<Reference> references = new ArrayList<>();
        for (String entry : value.strip().split("\\s+")) {
            String[] parts = entry.split(",", -1);
            references.add(new Reference(parts[0], parts[1], OffsetDateTime.parse(parts[2])));
        }
        return references;
    }

    private static Info info(Element info) {
        List<Area> areas = new ArrayList<>();
        for (Element area : CapXml.children(info, "area")) {
            List<List<GeoPoint>> polygons = new ArrayList<>();
            CapXml.children(area, "polygon")
                    .forEach(p -> polygons.add(CapGeometry.polygon(p.getTextContent()).value()));
            List<CapGeometry.Circle> circles = new ArrayList<>();
            CapXml.children(area, "circle").forEach(c -> circles.add(CapGeometry.circle(c.getTextContent()).value()));
            List<String> geocodes = new ArrayList<>();
            CapXml.children(area, "geocode").forEach(g -> geocodes.add(CapXml.text(g, "valueName") + " "
                    + CapXml.text(g, "value")));
            String description = CapXml.text(area, "areaDesc");
            areas.add(new Area(description == null ? "" : description, polygons, circles, geocodes));
        }
        return new Info(CapXml.text(info, "language"),
                CapXml.children(info, "category").stream().map(c -> c.getTextContent().strip()).toList(),
                required(info, "event"), required(info, "urgency"), required(info, "severity"),
                required(info, "certainty"), time(info, "effective"), time(info, "onset"), time(info, "expires"),
                CapXml.text(info, "senderName"), CapXml.text(info, "headline"), CapXml.text(info, "description"),
                CapXml.text(info, "instruction"), CapXml.text(info, "web"), CapXml.text(info, "contact"), areas);
    }

    private static @Nullable OffsetDateTime time(Element parent, String name) {
        String text = CapXml.text(parent, name);
        return text == null ? null : OffsetDateTime.parse(text);
    }

    private static String required(Element parent, String name) {
        String text = CapXml.text(parent, name);
        return text == null ? "" : text;
    }
}
