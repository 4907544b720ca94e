package org.kalkan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kalkan.notification.AlertFixtures.PASSWORD;
import static org.kalkan.notification.AlertFixtures.alert;
import static org.kalkan.notification.AlertFixtures.flashTo;
import static org.kalkan.notification.AlertFixtures.raise;
import static org.kalkan.notification.AlertFixtures.recipient;
import static org.kalkan.notification.AlertFixtures.usernames;
import static org.kalkan.notification.AlertFixtures.with;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.kalkan.notification.internal.Escalations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Deadlines pass on the node's clock; the poller escalates each silent recipient exactly once. */
@KalkanTest
class EscalationTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired Escalations escalations;
    @Autowired ConfigurableApplicationContext context;
    private final List<RecipientEscalated> escalated = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof RecipientEscalated e) {
            escalated.add(e);
        }
    };
    private ApiClient api;
    private String watch;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        watch = api.token("cmc.watch", PASSWORD);
        context.addApplicationListener(listener);
    }

    @AfterEach
    void tearDown() {
        context.removeApplicationListener(listener);
        clock.reset();
    }

    @Test
    void anAlertToUzbOfficerWithAOneMinuteDeadlineIsEscalatedToUzbPointsOfContactAndTheWatchWhenUnacknowledged() {
        // A crisis the watch officer sees: an alert names only such a crisis (issue 12).
        UUID crisis = UUID.fromString(api.post("/api/v1/crises", api.token("cmc.director", PASSWORD), Map.of("title",
                "Navoi rail junction", "label", Map.of("classification", "RESTRICTED", "releasableTo",
                List.of("MEMBERS")), "team", Map.of("users", List.of("cmc.watch")))).json().get("id").asString());
        String id = raise(api, watch, with(with(flashTo("Explosion at Navoi rail junction", "uzb.officer"),
                "ackWithin", "PT1M"), "crisisId", crisis.toString()));
        clock.advance(Duration.ofSeconds(50));
        escalations.escalateDue(); // a poll ten seconds before the deadline, as the poller's would be
        assertThat(status(id, "uzb.officer")).as("not before the deadline").isEqualTo("PENDING");

        clock.advance(Duration.ofSeconds(15));
        awaitEscalated(id, "uzb.officer");

        JsonNode recipient = recipient(api.get("/api/v1/alerts/" + id, watch).json(), "uzb.officer");
        assertThat(recipient.get("escalatedAtDtg").asString()).matches("\\d{6}Z[A-Z]{3}\\d{2}");
        String escalationId = recipient.get("escalationAlertId").asString();
        JsonNode escalation = api.get("/api/v1/alerts/" + escalationId, watch).json();
        assertThat(escalation.get("precedence").asString()).isEqualTo("FLASH");
        assertThat(escalation.get("escalatedFrom").asString()).isEqualTo(id);
        assertThat(escalation.get("crisisId").asString()).isEqualTo(crisis.toString());
        assertThat(escalation.get("sender").asString()).isEqualTo("system");
        assertThat(escalation.get("text").asString()).startsWith("ESCALATION: uzb.officer (UZB) has not acknowledged")
                .endsWith("Explosion at Navoi rail junction");
        assertThat(escalation.get("label").get("marking").asString()).isEqualTo("UNCLASSIFIED // REL TO MEMBERS");
        // UZB's point of contact is its reporting officer; the watch officers are cmc.watch and cmc.director.
        assertThat(usernames(escalation)).containsExactly("cmc.director", "cmc.watch", "uzb.officer");

        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'ALERT_ESCALATED' AND target = :target")
                .param("target", "alert:" + id).query(Long.class).single()).isEqualTo(1);
        RecipientEscalated event = escalated.stream().filter(e -> e.alertId().toString().equals(id)).findFirst()
                .orElseThrow();
        assertThat(event.crisisId()).isEqualTo(crisis);
        assertThat(event.username()).isEqualTo("uzb.officer");
        assertThat(event.escalationAlertId()).hasToString(escalationId);

        var late = api.post("/api/v1/alerts/" + id + "/ack", api.token("uzb.officer", PASSWORD), Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(status(id, "uzb.officer")).isEqualTo("ESCALATED");
    }

    @Test
    void aRecipientWhoAcknowledgedInTimeIsNotEscalated() {
        String id = raise(api, watch, with(alert("Flood warning on the Syr Darya",
                Map.of("nations", List.of("KAZ")), "IMMEDIATE", "UNCLASSIFIED", "MEMBERS"), "ackWithin", "PT1M"));
        assertThat(api.post("/api/v1/alerts/" + id + "/ack", api.token("kaz.officer", PASSWORD), Map.of()).status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));

        awaitEscalated(id, "kaz.delegate");
        assertThat(status(id, "kaz.officer")).isEqualTo("ACKNOWLEDGED");
        // KAZ's other users (its delegate and the council chair) stayed silent.
        assertThat(usernames(api.get("/api/v1/alerts/" + id, watch).json()))
                .containsExactly("council.chair", "kaz.cert", "kaz.delegate", "kaz.officer");
        awaitEscalated(id, "council.chair");
        awaitEscalated(id, "kaz.cert");
        assertThat(escalationsOf(id)).isEqualTo(3); // kaz.delegate, kaz.cert and the council chair
    }

    @Test
    void eachSilentRecipientIsEscalatedOnceAlsoWhenSeveralPollersRunAtOnce() throws Exception {
        String id = raise(api, watch, with(alert("Convoy overdue at Torugart",
                Map.of("nations", List.of("KGZ")), "FLASH", "UNCLASSIFIED", "MEMBERS"), "ackWithin", "PT1M"));
        int recipients = usernames(api.get("/api/v1/alerts/" + id, watch).json()).size();
        clock.advance(Duration.ofMinutes(2));

        ExecutorService pollers = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pollers.submit(() -> {
                    start.await();
                    return escalations.escalateDue();
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pollers.shutdown();
        }
        await("every KGZ recipient is escalated").atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM alert_recipient WHERE alert_id = :id AND status <> 'ESCALATED'")
                .param("id", UUID.fromString(id)).query(Long.class).single() == 0);
        escalations.escalateDue(); // and one more poll after them all
        assertThat(escalationsOf(id)).isEqualTo(recipients);
        assertThat(escalated.stream().filter(e -> e.alertId().toString().equals(id))).hasSize(recipients);
    }

    @Test
    void anEscalationAlertIsNotEscalatedAgain() {
        String id = raise(api, watch, with(flashTo("Power cut at Tashkent grid", "uzb.officer"), "ackWithin", "PT1M"));
        clock.advance(Duration.ofMinutes(2));
        awaitEscalated(id, "uzb.officer");
        String escalationId = recipient(api.get("/api/v1/alerts/" + id, watch).json(), "uzb.officer")
                .get("escalationAlertId").asString();

        clock.advance(Duration.ofHours(1));
        escalations.escalateDue(); // a poll long after the escalation alert's own deadline
        assertThat(escalationsOf(escalationId)).isZero();
        assertThat(status(escalationId, "cmc.watch")).isEqualTo("PENDING");
        Instant deadline = Instant.parse(recipient(api.get("/api/v1/alerts/" + escalationId, watch).json(), "cmc.watch")
                .get("ackDeadline").asString());
        assertThat(deadline).isBefore(clock.instant());
    }

    /** Waits for the node's own poller (every second) to escalate the recipient. */
    private void awaitEscalated(String id, String username) {
        await(username + " is escalated").atMost(Duration.ofSeconds(10))
                .until(() -> status(id, username), "ESCALATED"::equals);
    }

    private String status(String id, String username) {
        return recipient(api.get("/api/v1/alerts/" + id, watch).json(), username).get("status").asString();
    }

    private long escalationsOf(String id) {
        return jdbc.sql("SELECT count(*) FROM alert WHERE escalated_from = :id").param("id", UUID.fromString(id))
                .query(Long.class).single();
    }
}
