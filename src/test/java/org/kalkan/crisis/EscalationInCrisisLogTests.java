package org.kalkan.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An unacknowledged flash alert of a crisis is escalated, and the escalation is in the crisis log. */
@KalkanTest
class EscalationInCrisisLogTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAlertNotAcknowledgedWithinAMinuteIsEscalatedAndLogged() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", "kalkan-demo");
        String crisisId = api.post("/api/v1/crises", director, Map.of("title", "Fergana border clashes",
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")),
                "team", Map.of("nations", List.of("UZB")))).json().get("id").asString();
        var sent = api.post("/api/v1/alerts", director, Map.of("text", "Confirm your border posts are manned",
                "recipients", Map.of("users", List.of("uzb.officer")), "precedence", "FLASH", "ackWithin", "PT1M",
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")),
                "crisisId", crisisId));
        assertThat(sent.status()).isEqualTo(201);

        clock.advance(Duration.ofSeconds(61));
        // The notification module's poller escalates; the crisis module logs its event.
        await("the escalation is logged").atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/api/v1/crises/" + crisisId + "/log", director).body()).contains("ALERT_ESCALATED")
                .contains("uzb.officer"));
        String status = api.get("/api/v1/alerts/" + sent.json().get("id").asString(), director).body();
        assertThat(status).contains("ESCALATED");
    }
}
