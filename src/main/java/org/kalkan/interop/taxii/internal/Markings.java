package org.kalkan.interop.taxii.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.kalkan.security.ConfidentialityLabels;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kalkan labels as STIX markings. Each distinct label is one marking-definition whose id is the UUIDv5 of the
 * label's marking (so every node names a label alike), carrying Kalkan's property extension — STANAG 4774 in
 * STIX: policy identifier, classification and the permissive category {@code releasable_to} — with the marking as
 * its {@code name}. The extension-definition and the Kalkan identity that created both are served as objects too.
 * TLP 2.0 markings (and the TLP 1.0 ones still in circulation) are recognised by their published ids.
 */
public final class Markings {

    public static final String EXTENSION_ID = "extension-definition--ec8e9020-8e65-441f-8d7b-ba37e01df4cd";
    public static final String TLP2_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    /** When Kalkan's fixed objects (identity, extension-definition, marking-definitions) were first defined. */
    public static final String DEFINED = "2026-01-01T00:00:00.000Z";
    static final UUID NAMESPACE = UUID.fromString("ec8e9020-8e65-441f-8d7b-ba37e01df4cd");
    public static final String IDENTITY_ID = "identity--" + uuid5(NAMESPACE, "identity:KALKAN");

    /** TLP levels, least restrictive first. */
    public enum Tlp {
        CLEAR, GREEN, AMBER, AMBER_STRICT, RED
    }

    private static final Map<String, Tlp> TLP_IDS = Map.of(
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", Tlp.CLEAR,
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", Tlp.GREEN,
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", Tlp.AMBER,
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", Tlp.AMBER_STRICT,
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", Tlp.RED,
            // TLP 1.0 (STIX 2.1 §7.2.1.4): white, green, amber, red
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp.CLEAR,
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp.GREEN,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp.AMBER,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp.RED);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Markings() {
    }

    /** The deterministic marking-definition id of a label. */
    public static String markingId(SecurityLabel label) {
        return "marking-definition--" + uuid5(NAMESPACE, "label:" + label.marking());
    }

    /** Whether the id has the form of a Kalkan label's marking-definition id (a UUIDv5). */
    static boolean isKalkanId(String markingId) {
        try {
            return UUID.fromString(markingId.substring("marking-definition--".length())).version() == 5;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    public static Optional<Tlp> tlp(String markingId) {
        return Optional.ofNullable(TLP_IDS.get(markingId));
    }

    /** The marking-definition of a label, as this node serves it. */
    public static ObjectNode markingDefinition(SecurityLabel label) {
        ObjectNode marking = JSON.createObjectNode();
        marking.put("type", "marking-definition");
        marking.put("spec_version", "2.1");
        marking.put("id", markingId(label));
        marking.put("created_by_ref", IDENTITY_ID);
        marking.put("created", DEFINED);
        marking.put("name", label.marking());
        ObjectNode extension = marking.putObject("extensions").putObject(EXTENSION_ID);
        extension.put("extension_type", "property-extension");
        extension.put("policy_identifier", ConfidentialityLabels.POLICY_IDENTIFIER);
        extension.put("classification", label.classification().name());
        ArrayNode releasable = extension.putArray("releasable_to");
        label.releasableTo().forEach(releasable::add);
        return marking;
    }

    /**
     * The label a Kalkan marking-definition states, if it uses Kalkan's extension; a malformed extension is refused
     * with the reason. Whether its nations and communities exist is for the access policy to decide.
     */
    public static Optional<SecurityLabel> label(JsonNode markingDefinition) {
        JsonNode extension = markingDefinition.path("extensions").path(EXTENSION_ID);
        if (extension.isMissingNode()) {
            return Optional.empty();
        }
        if (!"property-extension".equals(extension.path("extension_type").stringValue(""))) {
            throw new IllegalArgumentException("the Kalkan extension must be a property-extension");
        }
        if (!ConfidentialityLabels.POLICY_IDENTIFIER.equals(extension.path("policy_identifier").stringValue(""))) {
            throw new IllegalArgumentException("policy_identifier must be " + ConfidentialityLabels.POLICY_IDENTIFIER);
        }
        Classification classification = Classification.parse(extension.path("classification").stringValue(""))
                .orElseThrow(() -> new IllegalArgumentException("classification must be one of UNCLASSIFIED, "
                        + "RESTRICTED, CONFIDENTIAL, SECRET"));
        JsonNode releasable = extension.path("releasable_to");
        if (!releasable.isArray() || releasable.isEmpty()) {
            throw new IllegalArgumentException("releasable_to must list at least one nation or community");
        }
        TreeSet<String> entries = new TreeSet<>();
        for (JsonNode entry : releasable) {
            if (!entry.isString() || entry.asString().isBlank()) {
                throw new IllegalArgumentException("releasable_to must list nation codes and community names");
            }
            entries.add(entry.asString());
        }
        return Optional.of(new SecurityLabel(classification, entries));
    }

    /** The identity that creates Kalkan's markings and extension: the same on every node. */
    public static ObjectNode identity() {
        ObjectNode identity = JSON.createObjectNode();
        identity.put("type", "identity");
        identity.put("spec_version", "2.1");
        identity.put("id", IDENTITY_ID);
        identity.put("created", DEFINED);
        identity.put("modified", DEFINED);
        identity.put("name", "Kalkan");
        identity.put("description", "The information system of the alliance's Joint Defense Council and Crisis "
                + "Management Center; it defines the Kalkan confidentiality label extension.");
        identity.put("identity_class", "system");
        return identity;
    }

    /** Kalkan's extension-definition: a property extension of marking-definitions. */
    public static ObjectNode extensionDefinition() {
        ObjectNode definition = JSON.createObjectNode();
        definition.put("type", "extension-definition");
        definition.put("spec_version", "2.1");
        definition.put("id", EXTENSION_ID);
        definition.put("created_by_ref", IDENTITY_ID);
        definition.put("created", DEFINED);
        definition.put("modified", DEFINED);
        definition.put("name", "Kalkan confidentiality label");
        definition.put("description", "A STANAG 4774-style confidentiality label on a marking-definition: the "
                + "security policy, the classification and a permissive category of the nations and communities "
                + "the marked content is releasable to. The marking-definition's name is the human-readable marking "
                + "and its id the UUIDv5 of that marking in the namespace " + NAMESPACE + ".");
        definition.put("schema", "policy_identifier (string, always KALKAN); classification (string: UNCLASSIFIED, "
                + "RESTRICTED, CONFIDENTIAL or SECRET, in ascending order); releasable_to (list of strings, at least "
                + "one: ISO 3166-1 alpha-3 nation codes and community names such as MEMBERS or ALL). A reader must "
                + "hold at least the classification and belong to one of the releasable_to entries (STANAG 4774 "
                + "permissive category Releasable To).");
        definition.put("version", "1.0.0");
        definition.putArray("extension_types").add("property-extension");
        return definition;
    }

    /** A name-based UUID, version 5 (SHA-1), as RFC 4122 §4.3 defines it. */
    static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
