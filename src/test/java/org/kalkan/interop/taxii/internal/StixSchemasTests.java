package org.kalkan.interop.taxii.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OASIS STIX 2.1 schemas from the node's resources: they validate the OASIS examples, refuse broken objects,
 * and never reach for the network — every connection attempt the JVM would make is recorded and refused while the
 * schemas load and validate, and a reference outside the STIX schemas is refused rather than fetched.
 */
class StixSchemasTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<URI> connections = new CopyOnWriteArrayList<>();
    private ProxySelector previous;

    @BeforeEach
    void noNetwork() {
        previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                connections.add(uri);
                throw new IllegalStateException("no network in this test: " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
            }
        });
    }

    @AfterEach
    void restore() {
        ProxySelector.setDefault(previous);
    }

    @Test
    void everyOasisExampleObjectIsValidAndNothingIsFetched() throws IOException {
        StixSchemas schemas = new StixSchemas();
        int validated = 0;
        for (JsonNode object : exampleObjects()) {
            assertThat(schemas.validate(object)).as(object.get("id").asString()).isEmpty();
            validated++;
        }
        assertThat(validated).isGreaterThan(200);
        assertThat(connections).isEmpty();
    }

    @Test
    void kalkansOwnObjectsAreValidStix() {
        StixSchemas schemas = new StixSchemas();
        for (ObjectNode object : List.of(Markings.identity(), Markings.extensionDefinition(),
                Markings.markingDefinition(org.kalkan.shared.SecurityLabel.of(
                        org.kalkan.shared.Classification.CONFIDENTIAL, "AZE", "TUR")))) {
            assertThat(schemas.validate(object)).as(object.get("id").asString()).isEmpty();
            assertThat(StixRules.check(object)).as(object.get("id").asString()).isEmpty();
        }
    }

    @Test
    void brokenObjectsAreRefusedNamingTheProperty() throws IOException {
        StixSchemas schemas = new StixSchemas();
        ObjectNode indicator = (ObjectNode) exampleObjects().stream()
                .filter(o -> o.get("type").asString().equals("indicator")).findFirst().orElseThrow().deepCopy();
        indicator.remove("pattern");
        assertThat(schemas.validate(indicator)).anySatisfy(m -> assertThat(m).contains("pattern"));
        ObjectNode unknown = JSON.createObjectNode().put("type", "x-weapon").put("id", "x-weapon--1");
        assertThat(schemas.validate(unknown)).singleElement().asString().contains("not a STIX 2.1 object type");
    }

    @Test
    void aSchemaOutsideTheStixSchemasIsRefusedNotFetched() {
        StixSchemas schemas = new StixSchemas();
        assertThatThrownBy(() -> schemas.schemaAt("http://example.org/schemas/evil.json"))
                .hasMessageContaining("not allowed");
        assertThatThrownBy(() -> schemas.schemaAt(StixSchemas.STIX_ID_PREFIX + "common/no-such-schema.json"));
        assertThat(connections).isEmpty();
    }

    static List<JsonNode> exampleObjects() throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath:stix/examples/**/*.json")) {
            try (InputStream in = resource.getInputStream()) {
                JsonNode document = JSON.readTree(in);
                if (document.has("objects")) {
                    document.get("objects").forEach(objects::add);
                } else if (document.has("type")) {
                    objects.add(document); // a single object rather than a bundle
                }
            }
        }
        return objects;
    }
}
