package org.kalkan.platform.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * No JSON text with a NUL character ({@code \u0000}) gets past the request body: PostgreSQL cannot store one in
 * text or jsonb, so it would fail later as an internal error. Strings, map keys and free JSON trees are refused while
 * reading, with the path of the value ({@code title}, {@code label.releasableTo[0]}, {@code content.title}), which
 * the problem answer names.
 */
@Configuration(proxyBeanMethods = false)
class NulFreeJson {

    static final String MESSAGE = "contains a NUL character (\\u0000)";

    @Bean
    JacksonModule nulFreeStrings() {
        SimpleModule module = new SimpleModule("kalkan-nul-free-strings");
        module.addDeserializer(String.class, new Strings());
        module.addKeyDeserializer(String.class, new Keys());
        module.addDeserializer(JsonNode.class, new Trees());
        return module;
    }

    static boolean hasNul(@Nullable String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    static final class Strings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (hasNul(value)) {
                return context.reportInputMismatch(String.class, MESSAGE);
            }
            return value;
        }
    }

    static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
            if (hasNul(key)) {
                return context.handleWeirdKey(String.class, key, MESSAGE);
            }
            return key;
        }
    }

    /** Free JSON ({@code JsonNode} fields): read as usual, then every string and property name is checked. */
    static final class Trees extends ValueDeserializer<JsonNode> {

        private final ValueDeserializer<?> trees = JsonNodeDeserializer.getDeserializer(JsonNode.class);

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            JsonNode tree = (JsonNode) trees.deserialize(parser, context);
            Deque<Object> path = new ArrayDeque<>();
            if (findNul(tree, path)) {
                MismatchedInputException refused = MismatchedInputException.from(parser, JsonNode.class, MESSAGE);
                while (!path.isEmpty()) {
                    Object step = path.removeLast();
                    if (step instanceof Integer index) {
                        refused.prependPath(tree, index);
                    } else {
                        refused.prependPath(tree, (String) step);
                    }
                }
                throw refused;
            }
            return tree;
        }

        @Override
        public Object getNullValue(DeserializationContext context) {
            return trees.getNullValue(context);
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return trees.getAbsentValue(context);
        }

        /** Depth first; on a find, {@code path} holds the steps from the root to the bad value. */
        private static boolean findNul(JsonNode node, Deque<Object> path) {
            if (node.isString()) {
                return hasNul(node.asString());
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    path.addLast(i);
                    if (findNul(node.get(i), path)) {
                        return true;
                    }
                    path.removeLast();
                }
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    path.addLast(property.getKey());
                    if (hasNul(property.getKey()) || findNul(property.getValue(), path)) {
                        return true;
                    }
                    path.removeLast();
                }
            }
            return false;
        }
    }
}
