package org.kalkan.interop.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.interop.taxii.TaxiiClient.INCIDENTS;
import static org.kalkan.interop.taxii.TaxiiClient.INTEL;
import static org.kalkan.interop.taxii.TaxiiClient.query;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.incident.IncidentFixtures;
import org.kalkan.interop.taxii.internal.StixSchemas;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OASIS STIX 2.1 examples go in through TAXII and come back unchanged but for the Kalkan marking of their
 * label, and everything the server emits — the examples, its own identity, extension and marking-definitions, and
 * the incidents collection — is valid against the STIX 2.1 JSON schemas.
 */
@KalkanTest
class StixRoundTripTests {

    /** Objects the examples mark with a marking-definition nobody defines: refused, the node cannot interpret it. */
    private static final String UNKNOWN_MARKING = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ec";

    @LocalServerPort
    int port;

    private final StixSchemas schemas = new StixSchemas();

    @Test
    void theOasisExamplesRoundTripAndEverythingEmittedIsValidStix() throws IOException {
        TaxiiClient aze = TaxiiClient.basic(port, "aze.cert");
        int compared = 0;
        for (Resource example : new PathMatchingResourcePatternResolver()
                .getResources("classpath:stix/examples/**/*.json")) {
            List<ObjectNode> objects = objects(example);
            TaxiiClient.Response response = aze.post(INTEL + "objects/", StixFixtures.envelope(objects));
            assertThat(response.status()).as(example.getFilename()).isEqualTo(202);
            JsonNode status = response.json();
            status.get("failures").forEach(f -> assertThat(f.get("message").asString())
                    .as(example.getFilename() + " " + f.get("id").asString())
                    .contains("unknown marking-definition " + UNKNOWN_MARKING));
            for (ObjectNode posted : objects) {
                String id = posted.get("id").asString();
                if (posted.toString().contains(UNKNOWN_MARKING)) {
                    continue;
                }
                JsonNode emitted = aze.get(INTEL + "objects/" + id + "/" + query("match[version]", "all")).json()
                        .get("objects");
                assertThat(emitted).as(id).hasSize(1);
                assertThat(withoutKalkanMarking(emitted.get(0), posted)).as(id).isEqualTo(posted);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(200);
        assertEveryObjectIsValid(aze, INTEL);
    }

    @Test
    void theIncidentsCollectionEmitsValidStixIncidents() {
        ApiClient api = new ApiClient(port);
        String officer = api.token("aze.officer", "kalkan-demo");
        Map<String, Object> report = IncidentFixtures.report("CYBER_ATTACK", 41.7 + Math.random(),
                44.8 + Math.random(), "CONFIDENTIAL", "AZE", "TUR");
        assertThat(api.post("/api/v1/reports", officer, report).status()).isEqualTo(201);
        assertThat(assertEveryObjectIsValid(TaxiiClient.basic(port, "tur.cert"), INCIDENTS)).isPositive();
    }

    /** Pages through a whole collection and checks every object against the schemas and STIX's other rules. */
    private int assertEveryObjectIsValid(TaxiiClient client, String collection) {
        int checked = 0;
        JsonNode page = client.get(collection + "objects/" + query("match[version]", "all", "limit", "500")).json();
        while (true) {
            for (JsonNode object : page.get("objects")) {
                assertThat(schemas.validate(object)).as(object.get("id").asString()).isEmpty();
                checked++;
            }
            if (!page.get("more").asBoolean()) {
                return checked;
            }
            page = client.get(collection + "objects/" + query("match[version]", "all", "limit", "500", "next",
                    page.get("next").asString())).json();
        }
    }

    /** The emitted object without the Kalkan marking the server adds when the poster did not send it. */
    private static JsonNode withoutKalkanMarking(JsonNode emitted, ObjectNode posted) {
        ObjectNode copy = (ObjectNode) emitted.deepCopy();
        ArrayNode refs = (ArrayNode) copy.get("object_marking_refs");
        assertThat(refs).isNotNull();
        ArrayNode kept = copy.arrayNode();
        for (JsonNode ref : refs) {
            if (posted.path("object_marking_refs").valueStream().anyMatch(ref::equals)) {
                kept.add(ref);
            }
        }
        if (kept.isEmpty() && !posted.has("object_marking_refs")) {
            copy.remove("object_marking_refs");
        } else {
            copy.set("object_marking_refs", kept);
        }
        return copy;
    }

    private static List<ObjectNode> objects(Resource example) throws IOException {
        try (InputStream in = example.getInputStream()) {
            JsonNode document = TaxiiClient.JSON.readTree(in);
            List<ObjectNode> objects = new ArrayList<>();
            if (document.has("objects")) {
                document.get("objects").forEach(o -> objects.add((ObjectNode) o));
            } else {
                objects.add((ObjectNode) document);
            }
            return objects;
        }
    }
}
