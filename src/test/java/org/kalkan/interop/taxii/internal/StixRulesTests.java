package org.kalkan.interop.taxii.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The rules of STIX 2.1 its JSON schemas cannot state, each shown to refuse what it must. */
class StixRulesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ObjectNode relationship() {
        ObjectNode relationship = JSON.createObjectNode();
        relationship.put("type", "relationship");
        relationship.put("spec_version", "2.1");
        relationship.put("id", "relationship--" + UUID.randomUUID());
        relationship.put("created", "2026-11-20T08:00:00.000Z");
        relationship.put("modified", "2026-11-20T08:00:00.000Z");
        relationship.put("relationship_type", "indicates");
        relationship.put("source_ref", "indicator--" + UUID.randomUUID());
        relationship.put("target_ref", "malware--" + UUID.randomUUID());
        return relationship;
    }

    @Test
    void aWellFormedObjectPasses() {
        assertThat(StixRules.check(relationship())).isEmpty();
    }

    @Test
    void theIdentifierNamesTheObjectsTypeWithAnRfc4122Uuid() {
        assertThat(StixRules.check(relationship().put("id", "sighting--" + UUID.randomUUID())))
                .singleElement().asString().contains("names type sighting");
        assertThat(StixRules.check(relationship().put("id", "relationship--0f6a3b2c-1d4e-4f50-c000-000000000000")))
                .singleElement().asString().contains("RFC 4122");
    }

    @Test
    void createdAndModifiedAreUtcMillisecondsAndInOrder() {
        assertThat(StixRules.check(relationship().put("modified", "2026-11-19T08:00:00.000Z")))
                .singleElement().asString().contains("modified: is before created");
        assertThat(StixRules.check(relationship().put("created", "2026-11-20T08:00:00Z")))
                .singleElement().asString().contains("millisecond");
        assertThat(StixRules.check(relationship().put("created", "2026-11-20T08:00:00.000+03:00")))
                .singleElement().asString().contains("UTC");
    }

    @Test
    void referencesNameObjectsOfTheRightType() {
        assertThat(StixRules.check(relationship().put("source_ref", "marking-definition--" + UUID.randomUUID())))
                .singleElement().asString().contains("not marking-definition");
        assertThat(StixRules.check(relationship().put("created_by_ref", "malware--" + UUID.randomUUID())))
                .singleElement().asString().contains("must reference identity");
        ObjectNode granular = relationship();
        granular.putArray("granular_markings").addObject().put("marking_ref", "identity--" + UUID.randomUUID())
                .putArray("selectors").add("name");
        assertThat(StixRules.check(granular)).singleElement().asString().contains("must reference marking-definition");
    }

    @Test
    void pairedTimesAreInOrder() {
        ObjectNode indicator = JSON.createObjectNode().put("type", "indicator").put("spec_version", "2.1")
                .put("id", "indicator--" + UUID.randomUUID()).put("valid_from", "2026-11-20T08:00:00.000Z")
                .put("valid_until", "2026-11-20T08:00:00.000Z");
        assertThat(StixRules.check(indicator)).singleElement().asString().contains("valid_until: must be after");
    }

    @Test
    void onlyStix21IsTaken() {
        assertThat(StixRules.check(relationship().put("spec_version", "2.0")))
                .singleElement().asString().contains("STIX 2.1 objects only");
    }

    @Test
    void labelMarkingIdsAreDeterministicUuid5() {
        var label = org.kalkan.shared.SecurityLabel.of(org.kalkan.shared.Classification.CONFIDENTIAL, "TUR", "AZE");
        String id = Markings.markingId(label);
        assertThat(id).isEqualTo(Markings.markingId(org.kalkan.shared.SecurityLabel.of(
                org.kalkan.shared.Classification.CONFIDENTIAL, "AZE", "TUR")));
        assertThat(UUID.fromString(id.substring("marking-definition--".length())).version()).isEqualTo(5);
        assertThat(Markings.label(Markings.markingDefinition(label))).contains(label);
        // RFC 4122 appendix B's example: the DNS namespace and "www.example.com"
        assertThat(Markings.uuid5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }
}
