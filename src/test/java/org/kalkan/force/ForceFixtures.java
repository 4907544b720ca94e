package org.kalkan.force;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.kalkan.ApiClient;
import tools.jackson.databind.JsonNode;

/** A crisis, requirements and units for the force generation tests, through the API as a user would. */
final class ForceFixtures {

    static final String PASSWORD = "kalkan-demo";

    private ForceFixtures() {
    }

    static String crisis(ApiClient api, String title) {
        var created = api.post("/api/v1/crises", api.token("cmc.director", PASSWORD), Map.of("title", title,
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")),
                // The Council chair is on the team: a decision's crisis is one the chair may see (issue 12).
                "team", Map.of("nations", List.of("UZB", "AZE", "TUR"), "users", List.of("council.chair"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static String requirement(ApiClient api, String planner, String crisis, String capability, int quantity,
            double lat, double lon, String country, Instant neededBy) {
        var created = api.post("/api/v1/forces/requirements", planner, Map.of("crisisId", crisis,
                "capability", capability, "quantity", quantity, "location", Map.of("lat", lat, "lon", lon),
                "country", country, "neededBy", neededBy.toString(), "durationDays", 30,
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A requirement of one unit, stated and asked of one nation. */
    static String askedOf(ApiClient api, String planner, String crisis, String nation, String capability, double lat,
            double lon, Instant neededBy) {
        String id = requirement(api, planner, crisis, capability, 1, lat, lon, nation, neededBy);
        var asked = api.post("/api/v1/forces/requirements/" + id + "/requests", planner,
                Map.of("nations", List.of(nation)));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        return id;
    }

    static String unit(ApiClient api, String officer, String name, List<String> capabilities, double lat, double lon,
            boolean ownTerritoryOnly) {
        Map<String, Object> unit = UnitRegistryTests.unit(name, "MEMBERS");
        unit.put("capabilities", capabilities);
        unit.put("home", Map.of("lat", lat, "lon", lon));
        unit.put("noticeToMoveHours", 12);
        unit.put("caveats", Map.of("ownTerritoryOnly", ownTerritoryOnly));
        var created = api.post("/api/v1/forces/units", officer, unit);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static JsonNode find(JsonNode array, Predicate<JsonNode> predicate) {
        return array.valueStream().filter(predicate).findFirst()
                .orElseThrow(() -> new AssertionError("nothing matches in " + array));
    }

    static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
