package org.kalkan.force;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A planner states requirements for a crisis; AZE and TUR offer units, AZE's with "own territory only"; the plan
 * never sends that unit abroad and reports a gap with a reason where nothing fits.
 */
@KalkanTest
class SourcingApiTests {

    @LocalServerPort int port;

    @Test
    void thePlanRespectsCaveatsAndExplainsGaps() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", "kalkan-demo");
        String crisis = api.post("/api/v1/crises", director, Map.of("title", "Eastern Anatolia flooding and unrest",
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")),
                "team", Map.of("nations", List.of("UZB", "AZE", "TUR")))).json().get("id").asString();
        String planner = api.token("force.planner", "kalkan-demo");
        String neededBy = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String engineers = requirement(api, planner, crisis, "ENGINEER", neededBy);
        String medics = requirement(api, planner, crisis, "MEDICAL", neededBy);

        String aze = api.token("aze.officer", "kalkan-demo");
        Map<String, Object> azeUnit = UnitRegistryTests.unit("AZE Engineer Battalion (home only)", "MEMBERS");
        azeUnit.put("capabilities", List.of("ENGINEER"));
        azeUnit.put("caveats", Map.of("ownTerritoryOnly", true));
        String azeId = api.post("/api/v1/forces/units", aze, azeUnit).json().get("id").asString();
        assertThat(api.post("/api/v1/forces/requirements/" + engineers + "/offers", aze, Map.of("unitId", azeId))
                .status()).isEqualTo(201);

        String tur = api.token("tur.officer", "kalkan-demo");
        Map<String, Object> turUnit = UnitRegistryTests.unit("TUR Engineer Regiment", "MEMBERS");
        turUnit.put("capabilities", List.of("ENGINEER"));
        turUnit.put("home", Map.of("lat", 39.93, "lon", 32.86));
        String turId = api.post("/api/v1/forces/units", tur, turUnit).json().get("id").asString();
        api.post("/api/v1/forces/requirements/" + engineers + "/offers", tur, Map.of("unitId", turId));
        assertThat(api.post("/api/v1/forces/requirements/" + engineers + "/offers", tur, Map.of("unitId", azeId))
                .status()).as("a nation offers only its own units").isEqualTo(403);

        var plan = api.post("/api/v1/forces/sourcing-plans", planner, Map.of("crisisId", crisis,
                "timeLimitSeconds", 5));
        assertThat(plan.status()).isEqualTo(201);
        JsonNode body = plan.json();
        assertThat(body.get("provenOptimal").asBoolean()).isTrue();
        assertThat(body.get("assignments")).hasSize(1);
        JsonNode assignment = body.get("assignments").get(0);
        assertThat(assignment.get("unitId").asString()).isEqualTo(turId);
        assertThat(assignment.get("requirementId").asString()).isEqualTo(engineers);
        assertThat(assignment.get("explanation").asString()).contains("TUR Engineer Regiment");
        assertThat(body.get("assignments").toString()).as("the home-only AZE unit stays home").doesNotContain(azeId);
        JsonNode gap = body.get("gaps").get(0);
        assertThat(gap.get("requirementId").asString()).isEqualTo(medics);
        assertThat(gap.get("reasons").toString()).contains("capability");
        assertThat(api.post("/api/v1/forces/sourcing-plans", aze, Map.of("crisisId", crisis)).status())
                .isEqualTo(403);
    }

    private static String requirement(ApiClient api, String planner, String crisis, String capability,
            String neededBy) {
        var created = api.post("/api/v1/forces/requirements", planner, Map.of("crisisId", crisis,
                "capability", capability, "quantity", 1, "location", Map.of("lat", 39.90, "lon", 41.27),
                "country", "TUR", "neededBy", neededBy, "durationDays", 30,
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
