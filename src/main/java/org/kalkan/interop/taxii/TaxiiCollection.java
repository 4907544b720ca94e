package org.kalkan.interop.taxii;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * The collections of the one API root: {@code intel}, where national CERTs exchange STIX objects, and
 * {@code incidents}, a read-only view of the node's cyberattack incidents as STIX {@code incident} objects.
 * A URL may name a collection by its id or by its alias.
 */
public enum TaxiiCollection {
    INTEL(UUID.fromString("6b5b0c0e-5a3f-4c9e-9d1c-3f5e1c2a7b10"), "intel",
            "Cyber threat intelligence exchanged by the national CERTs, each object under its Kalkan label."),
    INCIDENTS(UUID.fromString("0d7f2a61-8b4e-4f35-a2c9-6e1b9d4c8a22"), "incidents",
            "The node's cyberattack incidents as STIX incident objects (read-only).");

    private final UUID id;
    private final String alias;
    private final String description;

    TaxiiCollection(UUID id, String alias, String description) {
        this.id = id;
        this.alias = alias;
        this.description = description;
    }

    public UUID id() {
        return id;
    }

    public String alias() {
        return alias;
    }

    /** The title clients show; the alias, as the acceptance contract names the collections. */
    public String title() {
        return alias;
    }

    public String description() {
        return description;
    }

    public static Optional<TaxiiCollection> find(String idOrAlias) {
        return Arrays.stream(values())
                .filter(c -> c.alias.equals(idOrAlias) || c.id.toString().equalsIgnoreCase(idOrAlias))
                .findFirst();
    }
}
