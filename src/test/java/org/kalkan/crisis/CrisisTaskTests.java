package org.kalkan.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.crisis.CrisisFixtures.PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.Pollers;
import org.kalkan.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Tasks under concurrent updates, and deadlines and schedules driven by the movable clock. */
@KalkanTest
class CrisisTaskTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired ApplicationContext context;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twoWatchOfficersUpdatingTheSameTaskAtOnceLoseNeitherUpdate() throws Exception {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String id = CrisisFixtures.openCrisis(api, director, "Concurrent task");
        api.post("/api/v1/crises/" + id + "/team", director, Map.of("users", List.of("cmc.watch")));
        String task = api.post("/api/v1/crises/" + id + "/tasks", director, CrisisFixtures.task("Brief the council",
                "CELL", "J3 operations", clock.instant().plus(4, ChronoUnit.HOURS))).json().get("id").asString();
        String path = "/api/v1/crises/" + id + "/tasks/" + task;
        String watch = api.token("cmc.watch", PASSWORD);

        CountDownLatch start = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> {
            await(start);
            return api.post(path, director, Map.of("status", "IN_PROGRESS", "version", 0));
        });
        var second = CompletableFuture.supplyAsync(() -> {
            await(start);
            return api.post(path, watch, Map.of("status", "CANCELLED", "version", 0));
        });
        start.countDown();
        List<ApiClient.Response> responses = List.of(first.get(), second.get());
        assertThat(responses).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(200, 409);
        ApiClient.Response loser = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(loser.contentType()).startsWith("application/problem+json");
        assertThat(loser.json().get("detail").asString()).contains("reload");

        // The loser re-reads and applies its change on top: both updates are in the history.
        JsonNode current = tasks(api, director, id).get(0);
        assertThat(current.get("version").asInt()).isEqualTo(1);
        String loserToken = loser == responses.get(0) ? director : watch;
        String winnerStatus = current.get("status").asString();
        String retried = winnerStatus.equals("IN_PROGRESS") ? "CANCELLED" : "IN_PROGRESS";
        if (winnerStatus.equals("IN_PROGRESS")) {
            assertThat(api.post(path, loserToken, Map.of("status", retried, "version", 1)).status()).isEqualTo(200);
            assertThat(tasks(api, director, id).get(0).get("status").asString()).isEqualTo("CANCELLED");
        } else {
            // a cancelled task is final: the retry is refused, visibly, instead of being lost
            assertThat(api.post(path, loserToken, Map.of("status", retried, "version", 1)).status()).isEqualTo(409);
        }
        long updates = jdbc.sql("SELECT count(*) FROM crisis_log_entry WHERE crisis_id = CAST(:id AS UUID)"
                + " AND kind = 'TASK_UPDATED'").param("id", id).query(Long.class).single();
        assertThat(updates).isEqualTo(winnerStatus.equals("IN_PROGRESS") ? 2 : 1);
    }

    @Test
    void anOverdueTaskAndRfiAreFlaggedOnceAndLogged() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String id = CrisisFixtures.openCrisis(api, director, "Deadlines");
        Instant due = clock.instant().plus(2, ChronoUnit.HOURS);
        api.post("/api/v1/crises/" + id + "/tasks", director, CrisisFixtures.task("Report fuel stocks", "NATION",
                "TUR", due));
        api.post("/api/v1/crises/" + id + "/rfis", director, CrisisFixtures.rfi("Rail status at Beyneu?", due, "KAZ"));
        assertThat(tasks(api, director, id).get(0).get("overdue").asBoolean()).isFalse();

        clock.advance(Duration.ofHours(3));
        eventually(() -> tasks(api, director, id).get(0).get("overdue").asBoolean());
        eventually(() -> logged(id, "RFI_OVERDUE") == 1);
        assertThat(logged(id, "TASK_OVERDUE")).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        Pollers.pollNow(context, "CrisisPoller.poll"); // a later poll flags nothing again
        assertThat(logged(id, "TASK_OVERDUE")).isEqualTo(1);
        assertThat(logged(id, "RFI_OVERDUE")).isEqualTo(1);
        // The TUR owner sees the flag too.
        assertThat(tasks(api, api.token("tur.officer", PASSWORD), id).get(0).get("overdue").asBoolean()).isTrue();
    }

    @Test
    void aScheduledSitrepIsPreparedWhenItsTimeComesAndNumberedOnFromTheLast() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String id = CrisisFixtures.openCrisis(api, director, "Schedule");
        api.post("/api/v1/crises/" + id + "/sitreps", director, Map.of());
        api.post("/api/v1/crises/" + id + "/sitreps/1/issue", director, Map.of());
        var scheduled = api.post("/api/v1/crises/" + id + "/schedule", director, Map.of("sitrepEvery", "PT12H"));
        assertThat(scheduled.status()).isEqualTo(200);
        Instant next = Instant.parse(scheduled.json().get("nextSitrepAt").asString());

        clock.advance(Duration.ofHours(11));
        String later = api.token("cmc.director", PASSWORD); // tokens live 8 h
        Pollers.pollNow(context, "CrisisPoller.poll"); // an hour before it is due, a poll prepares nothing
        assertThat(sitreps(api, later, id)).hasSize(1);

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        eventually(() -> sitreps(api, later, id).size() == 2);
        JsonNode second = sitreps(api, later, id).get(1);
        assertThat(second.get("number").asInt()).isEqualTo(2);
        assertThat(second.get("status").asString()).isEqualTo("DRAFT");
        assertThat(second.get("createdBy").asString()).isEqualTo("system");
        Instant moved = Instant.parse(api.get("/api/v1/crises/" + id, later).json().get("nextSitrepAt").asString());
        assertThat(moved).isEqualTo(next.plus(Duration.ofHours(12)));
    }

    private long logged(String crisis, String kind) {
        return jdbc.sql("SELECT count(*) FROM crisis_log_entry WHERE crisis_id = CAST(:id AS UUID) AND kind = :kind")
                .param("id", crisis).param("kind", kind).query(Long.class).single();
    }

    private static JsonNode tasks(ApiClient api, String token, String crisis) {
        return api.get("/api/v1/crises/" + crisis + "/tasks", token).json();
    }

    private static List<JsonNode> sitreps(ApiClient api, String token, String crisis) {
        List<JsonNode> list = new java.util.ArrayList<>();
        api.get("/api/v1/crises/" + crisis + "/sitreps", token).json().forEach(list::add);
        return list;
    }

    /** Waits for the node's crisis poller (every second) to have done it. */
    private static void eventually(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(condition);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
