package org.kalkan.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kalkan.council.CouncilFixtures.label;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A request for consultations and a broken silence alert every delegate and the chair at FLASH precedence. */
@KalkanTest
class CouncilAlertsTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRequestForConsultationsAlertsEveryDelegateAndTheChair() {
        ApiClient api = new ApiClient(port);
        String statement = "Shelling across the border at " + System.nanoTime();
        assertThat(api.post("/api/v1/council/consultations", token(api, "kgz.delegate"), Map.of(
                "grounds", List.of("TERRITORIAL_INTEGRITY"), "statement", statement,
                "label", label("CONFIDENTIAL", "MEMBERS"))).status()).isEqualTo(201);

        for (String member : List.of("aze.delegate", "tur.delegate", "council.chair")) {
            String inbox = awaitInbox(api, member, statement);
            assertThat(inbox).as(member).contains("CONSULTATIONS REQUESTED by KGZ").contains("FLASH");
        }
        assertThat(api.get("/api/v1/alerts", token(api, "aze.officer")).body()).doesNotContain(statement);
        assertThat(api.get("/api/v1/alerts", token(api, "hun.observer")).body()).doesNotContain(statement);
    }

    @Test
    void aBrokenSilenceAlertsEveryoneAtOnce() {
        ApiClient api = new ApiClient(port);
        Instant deadline = clock.instant().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        String id = CouncilFixtures.id(api.post("/api/v1/council/decisions", token(api, "council.chair"),
                CouncilFixtures.silenceDecision("Joint patrols in the Fergana valley", deadline, "MEMBERS")));
        String statement = "We cannot agree to joint patrols " + System.nanoTime();
        assertThat(api.post("/api/v1/council/decisions/" + id + "/silence-breaks", token(api, "uzb.delegate"),
                CouncilFixtures.statement(statement)).status()).isEqualTo(201);
        String inbox = awaitInbox(api, "kaz.delegate", statement);
        assertThat(inbox).contains("SILENCE BROKEN by UZB").contains("FLASH");
        assertThat(awaitInbox(api, "council.chair", statement)).contains("SILENCE BROKEN");
    }

    /** The user's inbox once it shows the text: alerts follow the Council's events after their transaction. */
    private String awaitInbox(ApiClient api, String user, String text) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/alerts", token(api, user)).body(), inbox -> inbox.contains(text));
    }

    private String token(ApiClient api, String username) {
        return CouncilFixtures.token(api, port, username);
    }
}
