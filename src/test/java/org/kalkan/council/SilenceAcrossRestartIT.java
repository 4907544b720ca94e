package org.kalkan.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.PackagedNode;
import tools.jackson.databind.JsonNode;

/**
 * The silence deadline lives in the database: a decision whose silence ends while the node is stopped is adopted
 * when it comes back, at exactly its deadline.
 */
class SilenceAcrossRestartIT {

    private Process node;

    @AfterEach
    void stop() throws InterruptedException {
        if (node != null && node.isAlive()) {
            node.destroy();
            node.waitFor();
        }
    }

    @Test
    void aSilenceThatEndsWhileTheNodeIsStoppedIsAdoptedAtItsDeadlineAfterTheRestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "council-restart-");
        int port = PackagedNode.freePort();
        ApiClient api = new ApiClient(port);

        node = PackagedNode.start(dataDir, port, "council-restart-first");
        String chair = api.token("council.chair", CouncilFixtures.PASSWORD);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15)).truncatedTo(ChronoUnit.MILLIS);
        var circulated = api.post("/api/v1/council/decisions", chair,
                CouncilFixtures.silenceDecision("Adopted while the node was down", deadline, "ALL"));
        assertThat(circulated.status()).isEqualTo(201);
        String id = CouncilFixtures.id(circulated);

        node.destroy(); // SIGTERM: an orderly stop
        node.waitFor();
        assertThat(Files.readString(Path.of("target/council-restart-first.log")))
                .as("the first node stopped before the deadline").doesNotContain("Decision " + id + " adopted");
        await("the deadline passes while the node is down").pollInterval(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(deadline));

        node = PackagedNode.start(dataDir, port, "council-restart-second");
        JsonNode decision = api.get("/api/v1/council/decisions/" + id, chair).json();
        assertThat(decision.get("status").asString()).isEqualTo("ADOPTED");
        assertThat(Instant.parse(decision.get("adoptedAt").asString())).isEqualTo(deadline);
        assertThat(decision.get("registerNumber").asString()).matches("JDC-\\d{4}-\\d{4}");

        var late = api.post("/api/v1/council/decisions/" + id + "/silence-breaks",
                api.token("kaz.delegate", CouncilFixtures.PASSWORD), Map.of("statement", "Too late."));
        assertThat(late.status()).isEqualTo(409);
    }
}
