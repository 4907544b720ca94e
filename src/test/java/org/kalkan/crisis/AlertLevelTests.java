package org.kalkan.crisis;

import java.util.Set;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.crisis.CrisisFixtures.PASSWORD;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@KalkanTest
class AlertLevelTests {

    @LocalServerPort int port;
    @Autowired AlertLevels levels;

    @Test
    void everyMemberStateAndTheSeededRegionsStartAtNormal() {
        ApiClient api = new ApiClient(port);
        JsonNode current = api.get("/api/v1/alert-levels", api.token("hun.observer", PASSWORD)).json();
        assertThat(current.toString()).contains("\"target\":\"AZE\"", "\"target\":\"UZB\"", "\"target\":\"Caspian\"",
                "\"target\":\"Fergana Valley\"", "\"target\":\"South Caucasus\"");
        assertThat(current.toString()).doesNotContain("\"target\":\"HUN\"");
    }

    @Test
    void aCrisisManagerRaisesALevelAndTheChangeRecordsWhoWhenWhyAndUnderWhichDecision() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        var raised = api.post("/api/v1/alert-levels", director, Map.of("kind", "REGION", "target", "Caspian",
                "level", "HIGH", "reason", "Sabotage at Sangachal terminal", "decisionRef", "JDC-2026-014"));
        assertThat(raised.status()).isEqualTo(200);
        assertThat(raised.json().get("from").asString()).isNotBlank();
        assertThat(raised.json().get("to").asString()).isEqualTo("HIGH");

        JsonNode history = api.get("/api/v1/alert-levels/REGION/Caspian/history", director).json();
        assertThat(history.get(0).get("actor").asString()).isEqualTo("cmc.director");
        assertThat(history.get(0).get("reason").asString()).isEqualTo("Sabotage at Sangachal terminal");
        assertThat(history.get(0).get("decisionRef").asString()).isEqualTo("JDC-2026-014");
        assertThat(history.get(0).get("dtg").asString()).matches("\\d{6}Z[A-Z]{3}\\d{2}");

        assertThat(api.post("/api/v1/alert-levels", api.token("kaz.officer", PASSWORD), Map.of("kind", "NATION",
                "target", "KAZ", "level", "SEVERE", "reason", "r", "decisionRef", "d")).status()).isEqualTo(403);
        for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(
                Map.of("kind", "NATION", "target", "HUN", "level", "HIGH", "reason", "r", "decisionRef", "d"),
                Map.of("kind", "NATION", "target", "KAZ", "level", "DEFCON1", "reason", "r", "decisionRef", "d"),
                Map.of("kind", "NATION", "target", "KAZ", "level", "HIGH", "reason", " ", "decisionRef", "d"),
                Map.of("kind", "NATION", "target", "KAZ", "level", "HIGH", "reason", "r"))) {
            var response = api.post("/api/v1/alert-levels", director, bad);
            assertThat(response.status()).as(bad.toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void anotherModuleAppliesAMeasureThroughTheFacade() {
        SecurityLabel members = SecurityLabel.of(Classification.RESTRICTED, "MEMBERS");
        var change = levels.change(AlertTarget.nation("UZB"), AlertLevel.ELEVATED, "Measure RAISE_ALERT_LEVEL",
                "decision 7", "council", members);
        assertThat(change.to()).isEqualTo(AlertLevel.ELEVATED);
        Subject reader = new Subject("kaz.officer", NationCode.of("KAZ"), Classification.SECRET, Set.of());
        assertThat(levels.current(reader)).anySatisfy(s -> {
            assertThat(s.target()).isEqualTo(AlertTarget.nation("UZB"));
            assertThat(s.level()).isEqualTo(AlertLevel.ELEVATED);
            assertThat(s.changedBy()).isEqualTo("council");
        });
        var region = levels.change(AlertTarget.region("Middle Corridor"), AlertLevel.HIGH, "rail sabotage", "decision 8",
                "council", members);
        assertThat(region.from()).isEqualTo(AlertLevel.NORMAL);
    }
}
