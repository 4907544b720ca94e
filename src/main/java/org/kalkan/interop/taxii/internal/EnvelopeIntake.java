package org.kalkan.interop.taxii.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.interop.taxii.StixTimestamps;
import org.kalkan.interop.taxii.TaxiiCollection;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes a TAXII envelope into a collection, object by object: each is checked against the STIX 2.1 schemas and
 * the rules they cannot state, given its Kalkan label from its markings (refused when the poster may not write
 * that label), and refused when its id belongs to another nation's object (origin authority). An object that fails
 * fails alone, with its reason in the status resource; the others are stored. Everything — objects, status and
 * audit — is written in one transaction.
 */
@Service
class EnvelopeIntake {

    /** The origin of the objects the node defines itself (its identity, extension and their marking). */
    public static final NationCode NODE_ORIGIN = NationCode.of("XKL");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IntelStore store;
    private final StixSchemas schemas;
    private final LabelResolver labels;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    EnvelopeIntake(IntelStore store, StixSchemas schemas, LabelResolver labels, AccessPolicy policy, AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.schemas = schemas;
        this.labels = labels;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Processes the envelope's objects and returns the id of the status resource. */
    @Transactional
    public UUID add(Subject poster, TaxiiCollection collection, List<JsonNode> objects) {
        Instant now = clock.instant();
        Batch batch = new Batch(poster, collection, store.lock(collection));
        Map<String, SecurityLabel> kalkan = new HashMap<>();
        Set<String> otherMarkings = new HashSet<>();
        for (JsonNode object : objects) {
            if (object.isObject() && "marking-definition".equals(object.path("type").stringValue(""))) {
                String id = object.path("id").stringValue("");
                try {
                    Markings.label(object).ifPresentOrElse(label -> kalkan.put(id, label),
                            () -> otherMarkings.add(id));
                } catch (IllegalArgumentException e) {
                    otherMarkings.remove(id); // refused below, with its reason
                }
            }
        }
        List<IntelStore.NewDetail> details = new ArrayList<>();
        for (JsonNode object : objects) {
            details.add(take(batch, object, kalkan, otherMarkings));
        }
        UUID status = UUID.randomUUID();
        store.insertStatus(status, collection, poster.username(), now, poster.exercise(), details);
        long failed = details.stream().filter(d -> d.outcome().equals("FAILURE")).count();
        audit.record(poster.username(), "TAXII_ADD", "taxii-status:" + status, collection.alias() + ": "
                + (details.size() - failed) + " accepted, " + failed + " refused");
        return status;
    }

    private IntelStore.NewDetail take(Batch batch, JsonNode object, Map<String, SecurityLabel> kalkan,
            Set<String> otherMarkings) {
        String id = object.path("id").stringValue("");
        String versionText = versionText(object);
        SecurityLabel fallback = labels.defaultLabel(batch.poster);
        if (!object.isObject()) {
            return failure(batch, id, versionText, fallback, "not a JSON object");
        }
        List<String> problems = new ArrayList<>(schemas.validate(object));
        if (problems.isEmpty()) {
            problems.addAll(StixRules.check(object));
        }
        if (!problems.isEmpty()) {
            return failure(batch, id, versionText, fallback, String.join("; ", problems));
        }
        String type = object.path("type").stringValue("");
        SecurityLabel label;
        try {
            label = "marking-definition".equals(type) && kalkan.containsKey(id)
                    ? kalkanMarking(id, Objects.requireNonNull(kalkan.get(id)))
                    : labels.labelOf(object, batch.poster, kalkan, otherMarkings);
            if ("marking-definition".equals(type) && !kalkan.containsKey(id)) {
                Markings.label(object); // a malformed Kalkan extension is refused here with its reason
                if (Markings.isKalkanId(id)) {
                    throw new IllegalArgumentException("id: UUIDv5 marking-definition ids are Kalkan's labels; "
                            + "give another marking-definition a UUIDv4");
                }
            }
        } catch (IllegalArgumentException e) {
            return failure(batch, id, versionText, fallback, e.getMessage());
        }
        try {
            policy.checkWritable(batch.poster, label);
        } catch (IllegalArgumentException | ForbiddenException e) {
            return failure(batch, id, versionText, fallback, "marking not permitted: " + e.getMessage());
        }
        if ("marking-definition".equals(type) && (kalkan.containsKey(id) || Markings.tlp(id).isPresent())) {
            // Kalkan's and TLP's markings are the node's own definitions: understood, not stored as sent.
            if (kalkan.containsKey(id)) {
                ensureMarking(batch, label);
            }
            return success(batch, id, versionText, label, "marking understood as " + label.marking());
        }
        List<IntelStore.Row> existing = store.allVersions(batch.collection, id, batch.poster.exercise());
        for (IntelStore.Row row : existing) {
            if (!row.entry().origin().equals(batch.poster.nation())) {
                boolean readable = policy.canRead(batch.poster, row.entry().label(), row.entry().origin(),
                        row.exercise());
                return failure(batch, id, versionText, label, readable
                        ? "the object was created by " + row.entry().origin()
                                + ": only its originating nation adds versions"
                        : "this object id is not available");
            }
            if (row.entry().version().equals(versionText)) {
                return object.equals(JSON.readTree(row.body()))
                        ? success(batch, id, versionText, label, "already in the collection")
                        : failure(batch, id, versionText, label, "this version already exists with other content; "
                                + "a changed object needs a new modified timestamp");
            }
        }
        Instant dateAdded = batch.nextDateAdded(clock.instant());
        store.insert(new IntelStore.NewRow(batch.collection, id, type,
                object.path("spec_version").stringValue("2.1"), version(versionText, dateAdded),
                versionText.isEmpty() ? StixTimestamps.micros(dateAdded) : versionText, JSON.writeValueAsString(object),
                references(object), batch.poster.username(), label, batch.poster.nation(), batch.poster.exercise()),
                dateAdded);
        ensureMarking(batch, label);
        audit.record(batch.poster.username(), "STIX_ADDED", "stix:" + id, label.marking());
        return success(batch, id, versionText.isEmpty() ? StixTimestamps.micros(dateAdded) : versionText, label, null);
    }

    private static SecurityLabel kalkanMarking(String id, SecurityLabel label) {
        if (!id.equals(Markings.markingId(label))) {
            throw new IllegalArgumentException("id: a Kalkan marking-definition's id is the UUIDv5 of its label: "
                    + Markings.markingId(label) + " for " + label.marking());
        }
        return label;
    }

    /** Stores the node's marking-definition of a label the first time an object uses it. */
    private void ensureMarking(Batch batch, SecurityLabel label) {
        String markingId = Markings.markingId(label);
        if (!store.exists(batch.collection, markingId, batch.poster.exercise())) {
            ObjectNode marking = Markings.markingDefinition(label);
            Instant dateAdded = batch.nextDateAdded(clock.instant());
            store.insert(new IntelStore.NewRow(batch.collection, markingId, "marking-definition", "2.1",
                    Instant.parse(Markings.DEFINED), Markings.DEFINED, JSON.writeValueAsString(marking),
                    references(marking), batch.poster.username(), label, batch.poster.nation(),
                    batch.poster.exercise()), dateAdded);
        }
    }

    private IntelStore.NewDetail failure(Batch batch, String id, String version, SecurityLabel label,
            @Nullable String reason) {
        audit.recordFailure(batch.poster.username(), "STIX_REFUSED", "stix:" + id, String.valueOf(reason));
        return new IntelStore.NewDetail("FAILURE", id, version, reason, label, batch.poster.nation());
    }

    private static IntelStore.NewDetail success(Batch batch, String id, String version, SecurityLabel label,
            @Nullable String message) {
        return new IntelStore.NewDetail("SUCCESS", id, version, message, label, batch.poster.nation());
    }

    /** modified, else created: the object's version; empty for objects without either (observables). */
    static String versionText(JsonNode object) {
        String modified = object.path("modified").stringValue("");
        return modified.isEmpty() ? object.path("created").stringValue("") : modified;
    }

    private static Instant version(String text, Instant dateAdded) {
        return text.isEmpty() ? dateAdded : Instant.parse(text).truncatedTo(ChronoUnit.MICROS);
    }

    /** Every identifier the object mentions in a {@code *_ref}/{@code *_refs} property, at any depth. */
    static List<String> references(JsonNode node) {
        Set<String> refs = new LinkedHashSet<>();
        collect(node, refs);
        return List.copyOf(refs);
    }

    private static void collect(JsonNode node, Set<String> refs) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, refs));
        } else if (node.isObject()) {
            for (var property : node.properties()) {
                String name = property.getKey();
                JsonNode value = property.getValue();
                if (name.endsWith("_ref") && value.isString()) {
                    refs.add(value.asString());
                } else if (name.endsWith("_refs") && value.isArray()) {
                    value.forEach(ref -> refs.add(ref.stringValue("")));
                } else {
                    collect(value, refs);
                }
            }
        }
    }

    /** One envelope's writes: the poster, the collection, and the last {@code date_added} handed out. */
    private static final class Batch {

        final Subject poster;
        final TaxiiCollection collection;
        private Instant last;

        Batch(Subject poster, TaxiiCollection collection, Instant last) {
            this.poster = poster;
            this.collection = collection;
            this.last = last;
        }

        /** Strictly increasing, never before the clock: equal times get the next microsecond. */
        Instant nextDateAdded(Instant now) {
            Instant candidate = now.truncatedTo(ChronoUnit.MICROS);
            last = candidate.isAfter(last) ? candidate : last.plus(1, ChronoUnit.MICROS);
            return last;
        }
    }
}
