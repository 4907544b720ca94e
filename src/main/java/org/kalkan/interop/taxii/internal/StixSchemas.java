package org.kalkan.interop.taxii.internal;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The OASIS STIX 2.1 JSON schemas (BSD-3-Clause, {@code stix/schemas/} in the node's resources), one per object
 * type. The schemas name each other by web URLs ({@code $id}); those are mapped to the classpath and nothing is
 * ever fetched from the network: remote fetching is off and only the STIX prefix and the JSON Schema meta-schemas
 * (shipped inside the validator) may be loaded at all.
 */
@Component
public class StixSchemas {

    static final String STIX_ID_PREFIX =
            "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    static final String CLASSPATH = "classpath:stix/schemas/";
    private static final String META_SCHEMAS = "https://json-schema.org/draft/2020-12/";

    private static final Map<String, String> FILES = files();

    private final Map<String, Schema> schemas = new TreeMap<>();
    private final SchemaRegistry registry;

    public StixSchemas() {
        Predicate<AbsoluteIri> offline = iri -> {
            String text = iri.toString();
            return text.startsWith(STIX_ID_PREFIX) || text.startsWith(CLASSPATH) || text.startsWith(META_SCHEMAS);
        };
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaLoader(loader -> loader
                        .fetchRemoteResources(false)
                        .allow(offline)
                        .schemaIdResolvers(resolvers -> resolvers.mapPrefix(STIX_ID_PREFIX, CLASSPATH))));
        // Every schema is loaded now, so a missing or unreadable file stops the node at start, not a request.
        FILES.forEach((type, file) -> schemas.put(type, registry.getSchema(SchemaLocation.of(STIX_ID_PREFIX + file))));
    }

    /** Loads a schema by its IRI through the same offline registry (for tests of what may be loaded). */
    Schema schemaAt(String iri) {
        return registry.getSchema(SchemaLocation.of(iri));
    }

    /** Whether the type is one of STIX 2.1's own (the schemas know it). */
    public boolean knows(String type) {
        return schemas.containsKey(type);
    }

    public static boolean isObservable(String type) {
        return Optional.ofNullable(FILES.get(type)).filter(f -> f.startsWith("observables/")).isPresent();
    }

    public static boolean isDomainObject(String type) {
        return Optional.ofNullable(FILES.get(type)).filter(f -> f.startsWith("sdos/")).isPresent();
    }

    /** The schema's complaints about the object, at most a few, each naming the property; empty when valid. */
    public List<String> validate(JsonNode object) {
        JsonNode type = object.get("type");
        Schema schema = type == null || !type.isString() ? null : schemas.get(type.asString());
        if (schema == null) {
            return List.of("type: not a STIX 2.1 object type: " + (type == null ? "missing" : type.toString()));
        }
        return schema.validate(object).stream().map(Error::toString).distinct().limit(5).toList();
    }

    private static Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        for (String sdo : List.of("attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident",
                "indicator", "infrastructure", "intrusion-set", "location", "malware-analysis", "malware", "note",
                "observed-data", "opinion", "report", "threat-actor", "tool", "vulnerability")) {
            files.put(sdo, "sdos/" + sdo + ".json");
        }
        for (String sro : List.of("relationship", "sighting")) {
            files.put(sro, "sros/" + sro + ".json");
        }
        for (String sco : List.of("artifact", "autonomous-system", "directory", "domain-name", "email-addr",
                "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process",
                "software", "url", "user-account", "windows-registry-key", "x509-certificate")) {
            files.put(sco, "observables/" + sco + ".json");
        }
        for (String meta : List.of("marking-definition", "extension-definition", "language-content")) {
            files.put(meta, "common/" + meta + ".json");
        }
        return Map.copyOf(files);
    }
}
