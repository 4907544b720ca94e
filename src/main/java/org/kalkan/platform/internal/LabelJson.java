package org.kalkan.platform.internal;

import java.util.TreeSet;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON shape of a {@link SecurityLabel}, for every module's API:
 * {@code {"classification":"CONFIDENTIAL","releasableTo":["AZE","TUR"],"marking":"CONFIDENTIAL // REL TO AZE, TUR"}}.
 * On input {@code marking} is ignored (it is derived), and a missing, unknown or blank part is refused by name.
 */
@Configuration(proxyBeanMethods = false)
class LabelJson {

    @Bean
    JacksonModule securityLabelModule() {
        SimpleModule module = new SimpleModule("kalkan-security-label");
        module.addSerializer(SecurityLabel.class, new Writer());
        module.addDeserializer(SecurityLabel.class, new Reader());
        return module;
    }

    static final class Writer extends ValueSerializer<SecurityLabel> {
        @Override
        public void serialize(SecurityLabel label, JsonGenerator json, SerializationContext context) {
            json.writeStartObject();
            json.writeStringProperty("classification", label.classification().name());
            json.writeName("releasableTo");
            json.writeStartArray();
            for (String entry : label.releasableTo()) {
                json.writeString(entry);
            }
            json.writeEndArray();
            json.writeStringProperty("marking", label.marking());
            json.writeEndObject();
        }
    }

    static final class Reader extends ValueDeserializer<SecurityLabel> {
        @Override
        public SecurityLabel deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode node = context.readTree(parser);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(
                        "label must be an object with classification and releasableTo");
            }
            JsonNode classification = node.get("classification");
            if (classification == null || !classification.isString()) {
                throw new IllegalArgumentException("label.classification is required");
            }
            String name = classification.asString();
            Classification parsed = Classification.parse(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown classification '" + name + "'; one of UNCLASSIFIED, RESTRICTED, CONFIDENTIAL, SECRET"));
            JsonNode releasable = node.get("releasableTo");
            if (releasable == null || !releasable.isArray() || releasable.isEmpty()) {
                throw new IllegalArgumentException("label.releasableTo needs at least one nation or community");
            }
            TreeSet<String> entries = new TreeSet<>();
            for (int i = 0; i < releasable.size(); i++) {
                JsonNode entry = releasable.get(i);
                if (entry == null || !entry.isString() || entry.asString().isBlank()) {
                    throw new IllegalArgumentException("label.releasableTo[" + i + "] must be a nation or community");
                }
                entries.add(entry.asString());
            }
            return new SecurityLabel(parsed, entries);
        }
    }
}
