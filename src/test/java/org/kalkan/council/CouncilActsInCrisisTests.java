package org.kalkan.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kalkan.council.CouncilFixtures.MEMBER_DELEGATES;
import static org.kalkan.council.CouncilFixtures.position;
import static org.kalkan.council.CouncilFixtures.withMeasure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An adopted decision acts where it belongs: the alert level it names changes, and its crisis logs it. */
@KalkanTest
class CouncilActsInCrisisTests {

    @LocalServerPort int port;

    @Test
    void adoptedMeasuresRaiseTheAlertLevelAndAreLoggedInTheCrisis() {
        ApiClient api = new ApiClient(port);
        String director = token(api, "cmc.director");
        // The chair is on the crisis team: a decision's crisis is one the chair may see (issue 12).
        String crisisId = api.post("/api/v1/crises", director, Map.of("title", "Caspian ferry threat",
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")),
                "team", Map.of("users", List.of("council.chair")))).json().get("id").asString();

        Map<String, Object> draft = withMeasure(CouncilFixtures.consensusDecision("Respond to the ferry threat",
                "MEMBERS"), "RAISE_ALERT_LEVEL", Map.of("level", "HIGH", "target", "REGION:Caspian Ferries"), crisisId);
        String id = CouncilFixtures.id(api.post("/api/v1/council/decisions", token(api, "council.chair"), draft));
        MEMBER_DELEGATES.forEach(d -> api.post("/api/v1/council/decisions/" + id + "/positions", token(api, d),
                position("CONCUR", null)));
        String status = api.post("/api/v1/council/decisions/" + id + "/close", token(api, "council.chair"), Map.of())
                .json().get("status").asString();
        assertThat(status).isEqualTo("ADOPTED");

        // The crisis and alert-level modules act on the adoption's events after its transaction commits.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.get("/api/v1/crises/" + crisisId + "/log", director).body()).contains("DECISION_ADOPTED")
                    .contains("MEASURE_ACTIVATED").contains("Caspian Ferries");
            assertThat(api.get("/api/v1/alert-levels", director).body()).contains("Caspian Ferries")
                    .contains("HIGH");
        });
    }

    private String token(ApiClient api, String username) {
        return CouncilFixtures.token(api, port, username);
    }
}
