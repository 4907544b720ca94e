package org.kalkan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kalkan.ApiClient;
import tools.jackson.databind.JsonNode;

/** Alert bodies as an API client sends them, and readers of the alerts the node answers. */
final class AlertFixtures {

    static final String PASSWORD = "kalkan-demo";

    private AlertFixtures() {
    }

    static Map<String, Object> alert(String text, Map<String, List<String>> recipients, String precedence,
            String classification, String... releasableTo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("recipients", recipients);
        body.put("precedence", precedence);
        body.put("label", Map.of("classification", classification, "releasableTo", List.of(releasableTo)));
        return body;
    }

    static Map<String, Object> flashTo(String text, String... users) {
        return alert(text, Map.of("users", List.of(users)), "FLASH", "UNCLASSIFIED", "MEMBERS");
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    static String raise(ApiClient api, String token, Map<String, Object> body) {
        var created = api.post("/api/v1/alerts", token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static JsonNode recipient(JsonNode alert, String username) {
        for (JsonNode recipient : alert.get("recipients")) {
            if (recipient.get("username").asString().equals(username)) {
                return recipient;
            }
        }
        throw new AssertionError(username + " is not a recipient of " + alert);
    }

    static List<String> usernames(JsonNode alert) {
        List<String> usernames = new java.util.ArrayList<>();
        alert.get("recipients").forEach(r -> usernames.add(r.get("username").asString()));
        return usernames;
    }
}
