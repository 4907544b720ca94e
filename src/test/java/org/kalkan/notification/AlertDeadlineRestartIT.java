package org.kalkan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kalkan.notification.AlertFixtures.PASSWORD;
import static org.kalkan.notification.AlertFixtures.flashTo;
import static org.kalkan.notification.AlertFixtures.raise;
import static org.kalkan.notification.AlertFixtures.recipient;
import static org.kalkan.notification.AlertFixtures.usernames;
import static org.kalkan.notification.AlertFixtures.with;

import org.kalkan.PackagedNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * A deadline that passes while the node is down is escalated when it comes back: deadlines live in the database,
 * not in timers of the process that accepted the alert.
 */
class AlertDeadlineRestartIT {

    private Process node;

    @AfterEach
    void stop() throws InterruptedException {
        if (node != null && node.isAlive()) {
            node.destroy();
            node.waitFor();
        }
    }

    @Test
    void aDeadlineThatPassesWhileTheNodeIsStoppedIsEscalatedAfterTheRestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "alert-restart-");
        int port = PackagedNode.freePort();
        ApiClient api = new ApiClient(port);

        node = PackagedNode.start(dataDir, port, "alert-restart-first");
        String watch = api.token("cmc.watch", PASSWORD);
        String id = raise(api, watch, with(flashTo("Checkpoint at Oybek not answering", "uzb.officer"),
                "ackWithin", "PT5S"));
        JsonNode sent = api.get("/api/v1/alerts/" + id, watch).json();
        assertThat(recipient(sent, "uzb.officer").get("status").asString()).isEqualTo("PENDING");
        Instant deadline = Instant.parse(recipient(sent, "uzb.officer").get("ackDeadline").asString());

        node.destroy(); // SIGTERM: an orderly stop, before the deadline
        node.waitFor();
        Instant stopped = Instant.now();
        assertThat(stopped).as("the node stopped before the deadline").isBefore(deadline);
        // The deadline passes while the node is down (the stop itself has taken most of the five seconds).
        await("the deadline passes").pollInterval(Duration.ofMillis(100)).atMost(Duration.ofSeconds(10))
                .until(() -> Instant.now().isAfter(deadline));

        node = PackagedNode.start(dataDir, port, "alert-restart-second");
        await("uzb.officer is escalated after the restart").atMost(Duration.ofSeconds(30)).until(() ->
                recipient(api.get("/api/v1/alerts/" + id, watch).json(), "uzb.officer").get("status").asString(),
                "ESCALATED"::equals);

        JsonNode escalatedRecipient = recipient(api.get("/api/v1/alerts/" + id, watch).json(), "uzb.officer");
        assertThat(Instant.parse(escalatedRecipient.get("escalatedAt").asString())).isAfter(stopped);
        JsonNode escalation = api.get("/api/v1/alerts/" + escalatedRecipient.get("escalationAlertId").asString(), watch)
                .json();
        assertThat(escalation.get("escalatedFrom").asString()).isEqualTo(id);
        assertThat(escalation.get("text").asString()).startsWith("ESCALATION: uzb.officer (UZB)");
        assertThat(usernames(escalation)).containsExactly("cmc.director", "cmc.watch", "uzb.officer");
    }
}
