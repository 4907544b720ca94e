package org.kalkan.interop.taxii.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kalkan.interop.taxii.StixTimestamps;
import tools.jackson.databind.JsonNode;

/**
 * What STIX 2.1 requires and its JSON schemas cannot state: the identifier's type is the object's type and its
 * UUID an RFC 4122 one; {@code created} and {@code modified} are UTC with at least millisecond precision and
 * {@code modified} is not before {@code created}; paired times are in order; and every reference names an object
 * of a type the property allows.
 */
final class StixRules {

    private static final Pattern IDENTIFIER = Pattern.compile("([a-z][a-z0-9-]*[a-z0-9])--([0-9a-fA-F-]{36})");
    private static final Pattern MILLIS = Pattern.compile(".*T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3,}Z");
    private static final Set<String> NOT_RELATABLE = Set.of("relationship", "sighting", "marking-definition",
            "language-content", "extension-definition", "bundle");
    private static final Set<String> ADDRESSES = Set.of("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name");
    private static final Map<String, Set<String>> REFERENCE_TYPES = Map.ofEntries(
            Map.entry("created_by_ref", Set.of("identity")),
            Map.entry("object_marking_refs", Set.of("marking-definition")),
            Map.entry("marking_ref", Set.of("marking-definition")),
            Map.entry("where_sighted_refs", Set.of("identity", "location")),
            Map.entry("observed_data_refs", Set.of("observed-data")),
            Map.entry("sample_ref", Set.of("file", "artifact")),
            Map.entry("sample_refs", Set.of("file", "artifact")),
            Map.entry("operating_system_refs", Set.of("software")),
            Map.entry("operating_system_ref", Set.of("software")),
            Map.entry("host_vm_ref", Set.of("software")),
            Map.entry("installed_software_refs", Set.of("software")),
            Map.entry("resolves_to_refs", ADDRESSES),
            Map.entry("belongs_to_refs", Set.of("autonomous-system")),
            Map.entry("from_ref", Set.of("email-addr")),
            Map.entry("sender_ref", Set.of("email-addr")),
            Map.entry("to_refs", Set.of("email-addr")),
            Map.entry("cc_refs", Set.of("email-addr")),
            Map.entry("bcc_refs", Set.of("email-addr")),
            Map.entry("raw_email_ref", Set.of("artifact")),
            Map.entry("body_raw_ref", Set.of("artifact", "file")),
            Map.entry("src_ref", ADDRESSES),
            Map.entry("dst_ref", ADDRESSES),
            Map.entry("src_payload_ref", Set.of("artifact")),
            Map.entry("dst_payload_ref", Set.of("artifact")),
            Map.entry("encapsulates_refs", Set.of("network-traffic")),
            Map.entry("encapsulated_by_ref", Set.of("network-traffic")),
            Map.entry("parent_directory_ref", Set.of("directory")),
            Map.entry("content_ref", Set.of("artifact")),
            Map.entry("creator_user_ref", Set.of("user-account")),
            Map.entry("image_ref", Set.of("file")),
            Map.entry("parent_ref", Set.of("process")),
            Map.entry("child_refs", Set.of("process")),
            Map.entry("opened_connection_refs", Set.of("network-traffic")));

    private StixRules() {
    }

    static List<String> check(JsonNode object) {
        List<String> violations = new ArrayList<>();
        String type = object.path("type").stringValue("");
        String id = object.path("id").stringValue("");
        Matcher matcher = IDENTIFIER.matcher(id);
        if (!matcher.matches()) {
            violations.add("id: not a STIX identifier (type--UUID): " + id);
        } else {
            if (!matcher.group(1).equals(type)) {
                violations.add("id: names type " + matcher.group(1) + " but the object is a " + type);
            }
            if (!isRfc4122(matcher.group(2))) {
                violations.add("id: not an RFC 4122 UUID: " + matcher.group(2));
            }
        }
        String specVersion = object.path("spec_version").stringValue(null);
        if (StixSchemas.isObservable(type) ? specVersion != null && !"2.1".equals(specVersion)
                : !"2.1".equals(specVersion)) {
            violations.add("spec_version: this server takes STIX 2.1 objects only, was " + specVersion);
        }
        Instant created = millisecondTimestamp(object, "created", violations);
        Instant modified = millisecondTimestamp(object, "modified", violations);
        if (created != null && modified != null && modified.isBefore(created)) {
            violations.add("modified: is before created");
        }
        inOrder(object, "valid_from", "valid_until", true, violations);
        inOrder(object, "first_seen", "last_seen", false, violations);
        inOrder(object, "first_observed", "last_observed", false, violations);
        inOrder(object, "start_time", "stop_time", true, violations);
        references(object, "", type, violations);
        return violations;
    }

    private static @Nullable Instant millisecondTimestamp(JsonNode object, String property, List<String> violations) {
        JsonNode value = object.get(property);
        if (value == null) {
            return null;
        }
        String text = value.stringValue("");
        if (!StixTimestamps.isUtc(text) || !MILLIS.matcher(text).matches()) {
            violations.add(property + ": must be a UTC timestamp with millisecond precision, was " + value);
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            violations.add(property + ": not a valid timestamp: " + text);
            return null;
        }
    }

    private static void inOrder(JsonNode object, String earlier, String later, boolean strictly,
            List<String> violations) {
        JsonNode from = object.get(earlier);
        JsonNode to = object.get(later);
        if (from == null || to == null || !StixTimestamps.isUtc(from.stringValue(""))
                || !StixTimestamps.isUtc(to.stringValue(""))) {
            return;
        }
        try {
            Instant start = Instant.parse(from.asString());
            Instant end = Instant.parse(to.asString());
            if (strictly ? !end.isAfter(start) : end.isBefore(start)) {
                violations.add(later + ": must be " + (strictly ? "after " : "at or after ") + earlier);
            }
        } catch (java.time.format.DateTimeParseException e) {
            violations.add(earlier + "/" + later + ": not valid timestamps");
        }
    }

    /** Walks every property; {@code *_ref} and {@code *_refs} must name identifiers of the allowed types. */
    private static void references(JsonNode node, String path, String type, List<String> violations) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                references(node.get(i), path + "[" + i + "]", type, violations);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (var property : node.properties()) {
            String name = property.getKey();
            JsonNode value = property.getValue();
            String where = path.isEmpty() ? name : path + "." + name;
            if (name.endsWith("_ref") && value.isString()) {
                reference(name, value.asString(), where, type, violations);
            } else if (name.endsWith("_refs") && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    reference(name, value.get(i).stringValue(""), where + "[" + i + "]", type, violations);
                }
            } else {
                references(value, where, type, violations);
            }
        }
    }

    private static void reference(String property, String target, String where, String type,
            List<String> violations) {
        Matcher matcher = IDENTIFIER.matcher(target);
        if (!matcher.matches() || !isRfc4122(matcher.group(2))) {
            violations.add(where + ": not a STIX identifier: " + target);
            return;
        }
        String targetType = matcher.group(1);
        Set<String> allowed = REFERENCE_TYPES.get(property);
        if (allowed != null && !allowed.contains(targetType)) {
            violations.add(where + ": must reference " + String.join(" or ", new java.util.TreeSet<>(allowed))
                    + ", not " + targetType);
        } else if (("relationship".equals(type) && (property.equals("source_ref") || property.equals("target_ref"))
                && NOT_RELATABLE.contains(targetType))) {
            violations.add(where + ": a relationship connects domain or observable objects, not " + targetType);
        } else if ("sighting_of_ref".equals(property) && (NOT_RELATABLE.contains(targetType)
                || StixSchemas.isObservable(targetType))) {
            violations.add(where + ": a sighting is of a domain object, not " + targetType);
        }
    }

    private static boolean isRfc4122(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            return uuid.variant() == 2 && uuid.version() >= 1 && uuid.version() <= 5
                    && uuid.toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
