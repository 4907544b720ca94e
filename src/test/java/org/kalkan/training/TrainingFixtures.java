package org.kalkan.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.kalkan.ApiClient;
import tools.jackson.databind.JsonNode;

/** Courses, people and sessions through the training API, as its users would create them. */
public final class TrainingFixtures {

    public static final String PASSWORD = "kalkan-demo";
    public static final Map<String, Object> MEMBERS = label("UNCLASSIFIED", "MEMBERS");

    private TrainingFixtures() {
    }

    public static Map<String, Object> label(String classification, String... releasableTo) {
        return Map.of("classification", classification, "releasableTo", List.of(releasableTo));
    }

    /** A course code no other test uses, e.g. {@code T-4821}. */
    public static String code(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    public static Map<String, Object> course(String code, @Nullable List<String> prerequisiteCourses,
            @Nullable Map<String, String> language, String validFor) {
        Map<String, Object> prerequisites = new HashMap<>();
        prerequisites.put("courses", prerequisiteCourses == null ? List.of() : prerequisiteCourses);
        if (language != null) {
            prerequisites.put("language", language);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("title", "Course " + code);
        body.put("objectives", List.of("Render safe an improvised explosive device", "Plan EOD support"));
        body.put("prerequisites", prerequisites);
        body.put("minimumClearance", "RESTRICTED");
        body.put("grants", Map.of("qualification", code, "validFor", validFor));
        body.put("label", MEMBERS);
        return body;
    }

    public static JsonNode publish(ApiClient api, String coordinator, Map<String, Object> course) {
        var created = api.post("/api/v1/training/courses", coordinator, course);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    public static String person(ApiClient api, String manager, String nation, String name, String clearance,
            String englishProfile, @Nullable String unitId, Map<String, Object> label) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceNumber", nation + "-" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000));
        body.put("name", name);
        body.put("rank", "OF-2");
        body.put("nation", nation);
        body.put("clearance", clearance);
        body.put("languages", List.of(Map.of("language", "en", "profile", englishProfile)));
        body.put("label", label);
        if (unitId != null) {
            body.put("unitId", unitId);
        }
        var created = api.post("/api/v1/training/people", manager, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    public static String session(ApiClient api, String coordinator, String course, String start, String end, int seats,
            Map<String, Integer> quotas) {
        var created = api.post("/api/v1/training/sessions", coordinator, Map.of("course", course, "start", start,
                "end", end, "seats", seats, "quotas", quotas, "label", MEMBERS));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    public static ApiClient.Response nominate(ApiClient api, String manager, String session, String person) {
        return api.post("/api/v1/training/sessions/" + session + "/nominations", manager, Map.of("personId", person));
    }
}
