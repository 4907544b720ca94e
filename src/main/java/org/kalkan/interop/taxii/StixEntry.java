package org.kalkan.interop.taxii;

import java.time.Instant;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import tools.jackson.databind.node.ObjectNode;

/**
 * One version of a STIX object as a caller may receive it: the object carries the marking-definition of its
 * Kalkan label in {@code object_marking_refs}. {@code dateAdded} is when this node added the version.
 */
public record StixEntry(String id, String type, String specVersion, String version, Instant dateAdded,
        ObjectNode object, SecurityLabel label, NationCode origin) {

    /** The object's {@code name}; for relationships and sightings what they say; else its id (observables). */
    public String name() {
        var name = object.get("name");
        if (name != null && name.isString()) {
            return name.asString();
        }
        if (type.equals("relationship")) {
            return object.path("relationship_type").stringValue(type) + " → "
                    + object.path("target_ref").stringValue("");
        }
        if (type.equals("sighting")) {
            return "sighting of " + object.path("sighting_of_ref").stringValue("");
        }
        var value = object.get("value");
        return value != null && value.isString() ? value.asString() : id;
    }

    /** Whether the node itself defined the object (its identity, extension and their marking). */
    public boolean definedByNode() {
        return origin.value().equals("XKL");
    }
}
