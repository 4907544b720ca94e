package org.kalkan.force;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@KalkanTest
class MovementEstimateTests {

    private static final String AKTAU = "43.65,51.16";
    private static final String BAKU = "40.41,49.87";

    @LocalServerPort int port;

    @Test
    void theFerryAcrossTheCaspianIsTakenWhereItIsFastest() {
        ApiClient api = new ApiClient(port);
        String token = api.token("force.planner", "kalkan-demo");
        JsonNode withFerry = api.get("/api/v1/forces/movement-estimates?from=" + AKTAU + "&to=" + BAKU
                + "&modes=ROAD,SEA&noticeToMoveHours=12", token).json();
        JsonNode roadOnly = api.get("/api/v1/forces/movement-estimates?from=" + AKTAU + "&to=" + BAKU
                + "&modes=ROAD&noticeToMoveHours=12", token).json();

        assertThat(modes(withFerry)).as(withFerry.toString()).contains("SEA");
        assertThat(modes(roadOnly)).doesNotContain("SEA");
        assertThat(withFerry.get("totalHours").asDouble()).isLessThan(roadOnly.get("totalHours").asDouble());
        assertThat(withFerry.get("totalHours").asDouble()).isGreaterThan(12);
        assertThat(withFerry.get("estimatedArrival").asString()).endsWith("Z");
    }

    @Test
    void longDistancesGoByAirWhenTheUnitCanFly() {
        ApiClient api = new ApiClient(port);
        JsonNode estimate = api.get("/api/v1/forces/movement-estimates?from=39.93,32.86&to=41.30,69.24"
                + "&modes=ROAD,AIR", api.token("force.planner", "kalkan-demo")).json();
        assertThat(modes(estimate)).contains("AIR");
        assertThat(estimate.get("totalHours").asDouble()).isLessThan(24);
    }

    @Test
    void badInputIsAProblem() {
        ApiClient api = new ApiClient(port);
        String token = api.token("force.planner", "kalkan-demo");
        var badMode = api.get("/api/v1/forces/movement-estimates?from=" + AKTAU + "&to=" + BAKU + "&modes=HOVERCRAFT",
                token);
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/forces/movement-estimates?from=95,0&to=" + BAKU, token).status()).isEqualTo(400);
    }

    private static String modes(JsonNode estimate) {
        StringBuilder modes = new StringBuilder();
        estimate.get("legs").forEach(leg -> modes.append(leg.get("mode").asString()).append(' '));
        return modes.toString();
    }
}
