package org.kalkan.interop.taxii;

import java.util.List;
import java.util.UUID;
import org.kalkan.interop.taxii.internal.Markings;
import org.kalkan.shared.SecurityLabel;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** STIX 2.1 objects and TAXII envelopes as a CERT's tooling would post them. */
final class StixFixtures {

    static final String TLP_CLEAR = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
    static final String TLP_GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    static final String TLP_AMBER = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    static final String TLP_AMBER_STRICT = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
    static final String TLP_RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    static final String CREATED = "2026-11-20T08:00:00.000Z";

    private StixFixtures() {
    }

    static ObjectNode indicator(String name, String... markings) {
        return indicator(UUID.randomUUID(), CREATED, name, markings);
    }

    static ObjectNode indicator(UUID id, String modified, String name, String... markings) {
        ObjectNode indicator = TaxiiClient.JSON.createObjectNode();
        indicator.put("type", "indicator");
        indicator.put("spec_version", "2.1");
        indicator.put("id", "indicator--" + id);
        indicator.put("created", CREATED);
        indicator.put("modified", modified);
        indicator.put("name", name);
        indicator.putArray("indicator_types").add("malicious-activity");
        indicator.put("pattern", "[ipv4-addr:value = '198.51.100." + (Math.abs(name.hashCode()) % 250) + "']");
        indicator.put("pattern_type", "stix");
        indicator.put("valid_from", CREATED);
        return marked(indicator, markings);
    }

    static ObjectNode location(double lat, double lon) {
        ObjectNode location = TaxiiClient.JSON.createObjectNode();
        location.put("type", "location");
        location.put("spec_version", "2.1");
        location.put("id", "location--" + UUID.randomUUID());
        location.put("created", CREATED);
        location.put("modified", CREATED);
        location.put("name", "Sangachal terminal");
        location.put("latitude", lat);
        location.put("longitude", lon);
        return location;
    }

    static ObjectNode sighting(ObjectNode of, ObjectNode where, String... markings) {
        ObjectNode sighting = TaxiiClient.JSON.createObjectNode();
        sighting.put("type", "sighting");
        sighting.put("spec_version", "2.1");
        sighting.put("id", "sighting--" + UUID.randomUUID());
        sighting.put("created", CREATED);
        sighting.put("modified", CREATED);
        sighting.put("first_seen", "2026-11-20T07:55:00.000Z");
        sighting.put("last_seen", "2026-11-20T07:58:00.000Z");
        sighting.put("count", 3);
        sighting.put("sighting_of_ref", of.get("id").asString());
        sighting.putArray("where_sighted_refs").add(where.get("id").asString());
        return marked(sighting, markings);
    }

    static ObjectNode relationship(ObjectNode source, String type, ObjectNode target, String... markings) {
        ObjectNode relationship = TaxiiClient.JSON.createObjectNode();
        relationship.put("type", "relationship");
        relationship.put("spec_version", "2.1");
        relationship.put("id", "relationship--" + UUID.randomUUID());
        relationship.put("created", CREATED);
        relationship.put("modified", CREATED);
        relationship.put("relationship_type", type);
        relationship.put("source_ref", source.get("id").asString());
        relationship.put("target_ref", target.get("id").asString());
        return marked(relationship, markings);
    }

    /** Adds {@code object_marking_refs} when markings are given. */
    static ObjectNode marked(ObjectNode object, String... markings) {
        if (markings.length > 0) {
            ArrayNode refs = object.putArray("object_marking_refs");
            for (String marking : markings) {
                refs.add(marking);
            }
        }
        return object;
    }

    /** Kalkan's marking-definition of a label, as a client builds it from the extension-definition. */
    static ObjectNode marking(SecurityLabel label) {
        return Markings.markingDefinition(label);
    }

    static String markingId(SecurityLabel label) {
        return Markings.markingId(label);
    }

    static ObjectNode envelope(ObjectNode... objects) {
        return envelope(List.of(objects));
    }

    static ObjectNode envelope(List<ObjectNode> objects) {
        ObjectNode envelope = TaxiiClient.JSON.createObjectNode();
        ArrayNode list = envelope.putArray("objects");
        objects.forEach(list::add);
        return envelope;
    }
}
