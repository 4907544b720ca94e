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

    /** The object's {@code name}, or its id when it has none (observables, relationships). */
    public String name() {
        var name = object.get("name");
        return name != null && name.isString() ? name.asString() : id;
    }
}
