package org.kalkan.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kalkan.council.CouncilFixtures.id;
import static org.kalkan.council.CouncilFixtures.silenceDecision;
import static org.kalkan.council.CouncilFixtures.statement;
import static org.kalkan.council.CouncilFixtures.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The silence procedure: adopted at exactly its deadline unless a member delegate objects before it. */
@KalkanTest
class SilenceProcedureTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    private ApiClient api;
    private String chair;
    private String kaz;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        chair = token("council.chair");
        kaz = token("kaz.delegate");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSilenceDecisionNobodyObjectsToIsAdoptedAtItsDeadlineWithARegisterNumber() {
        Instant deadline = deadlineIn(Duration.ofMinutes(2));
        var circulated = api.post("/api/v1/council/decisions", chair, silenceDecision("Joint statement", deadline,
                "ALL"));
        assertThat(circulated.status()).isEqualTo(201);
        assertThat(status(circulated.json())).isEqualTo("UNDER_SILENCE");
        assertThat(circulated.json().get("silenceEndsAt").asString()).isEqualTo(deadline.toString());
        String id = id(circulated);

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        awaitStoredStatus(id, "ADOPTED");

        JsonNode adopted = api.get("/api/v1/council/decisions/" + id, chair).json();
        assertThat(status(adopted)).isEqualTo("ADOPTED");
        assertThat(Instant.parse(adopted.get("adoptedAt").asString())).as("adopted at the deadline, not the poll")
                .isEqualTo(deadline);
        assertThat(adopted.get("registerNumber").asString()).matches("JDC-" + yearOf(deadline) + "-\\d{4}");
        assertThat(auditDetail("DECISION_ADOPTED", id)).contains(adopted.get("registerNumber").asString());
    }

    @Test
    void silenceIsBrokenWhenAMemberObjectsBeforeTheDeadline() {
        Instant deadline = deadlineIn(Duration.ofMinutes(2));
        String id = id(api.post("/api/v1/council/decisions", chair, silenceDecision("Joint exercise", deadline)));

        var broken = api.post("/api/v1/council/decisions/" + id + "/silence-breaks", kaz,
                statement("Kazakhstan needs the exercise area moved north."));
        assertThat(broken.status()).isEqualTo(201);
        assertThat(status(broken.json())).isEqualTo("SILENCE_BROKEN");
        JsonNode silenceBreak = broken.json().get("silenceBreaks").get(0);
        assertThat(silenceBreak.get("nation").asString()).isEqualTo("KAZ");
        assertThat(silenceBreak.get("statement").asString()).contains("moved north");
        assertThat(silenceBreak.get("brokenAt").asString()).endsWith("Z");

        clock.advance(Duration.ofMinutes(3));
        JsonNode after = api.get("/api/v1/council/decisions/" + id, chair).json();
        assertThat(status(after)).as("a broken silence is never adopted").isEqualTo("SILENCE_BROKEN");
        assertThat(after.get("registerNumber").isNull()).isTrue();
    }

    @Test
    void aBreakOneMillisecondBeforeTheDeadlineIsAccepted() {
        Instant deadline = deadlineIn(Duration.ofMinutes(5));
        String id = id(api.post("/api/v1/council/decisions", chair, silenceDecision("Last-minute", deadline)));

        clock.stopAt(deadline.minusMillis(1));
        var broken = api.post("/api/v1/council/decisions/" + id + "/silence-breaks", kaz, statement("Objection."));

        assertThat(broken.status()).isEqualTo(201);
        assertThat(Instant.parse(broken.json().get("silenceBreaks").get(0).get("brokenAt").asString()))
                .isEqualTo(deadline.minusMillis(1));
        clock.advance(Duration.ofSeconds(3));
        assertThat(status(api.get("/api/v1/council/decisions/" + id, chair).json())).isEqualTo("SILENCE_BROKEN");
    }

    @Test
    void aBreakOneMillisecondAfterTheDeadlineIsRefusedAndTheDecisionIsAdoptedAtTheDeadline() {
        Instant deadline = deadlineIn(Duration.ofMinutes(5));
        String id = id(api.post("/api/v1/council/decisions", chair, silenceDecision("Too late", deadline)));

        clock.stopAt(deadline.plusMillis(1));
        var late = api.post("/api/v1/council/decisions/" + id + "/silence-breaks", kaz, statement("Objection."));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
        JsonNode decision = api.get("/api/v1/council/decisions/" + id, kaz).json();
        assertThat(status(decision)).isEqualTo("ADOPTED");
        assertThat(Instant.parse(decision.get("adoptedAt").asString())).isEqualTo(deadline);
        assertThat(decision.get("silenceBreaks").size()).isZero();
    }

    @Test
    void aBreakWaitingForTheDecisionWhileTheDeadlinePassesIsRefusedAndTheAdoptionWins() throws Exception {
        Instant deadline = deadlineIn(Duration.ofMinutes(5));
        String id = id(api.post("/api/v1/council/decisions", chair, silenceDecision("Raced", deadline)));
        clock.stopAt(deadline.minusMillis(1));

        // Another transaction holds the decision's row, as an adoption or another break would.
        var locked = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT id FROM council_decision WHERE id = CAST(:id AS UUID) FOR UPDATE").param("id", id)
                    .query(String.class).single();
            locked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        locked.await();
        var breaking = java.util.concurrent.CompletableFuture.supplyAsync(() -> api.post(
                "/api/v1/council/decisions/" + id + "/silence-breaks", kaz, statement("Just in time?")));
        // The break's transaction is queued behind the holder's row lock (PostgreSQL says so), and still waiting.
        await().atMost(Duration.ofSeconds(10)).until(this::aSessionWaitsForADecisionRow);
        assertThat(breaking).as("the break waits for the row").isNotDone();

        clock.stopAt(deadline.plusMillis(1));
        release.countDown();
        holder.join();

        assertThat(breaking.get().status()).as("checked when it holds the row: after the deadline").isEqualTo(409);
        JsonNode decision = api.get("/api/v1/council/decisions/" + id, chair).json();
        assertThat(status(decision)).isEqualTo("ADOPTED");
        assertThat(Instant.parse(decision.get("adoptedAt").asString())).isEqualTo(deadline);
        assertThat(decision.get("silenceBreaks").size()).isZero();
    }

    @Test
    void aBreakAtTheDeadlineItselfIsRefused() {
        Instant deadline = deadlineIn(Duration.ofMinutes(5));
        String id = id(api.post("/api/v1/council/decisions", chair, silenceDecision("On the stroke", deadline)));

        clock.stopAt(deadline);
        assertThat(api.post("/api/v1/council/decisions/" + id + "/silence-breaks", kaz, statement("Objection."))
                .status()).isEqualTo(409);
    }

    @Test
    void anObserverReadsAnAdoptedDecisionReleasedToAllButMayNotBreakSilence() {
        Instant deadline = deadlineIn(Duration.ofSeconds(30));
        String id = id(api.post("/api/v1/council/decisions", chair, silenceDecision("Released to all", deadline,
                "ALL")));
        String observer = token("hun.observer");

        var refused = api.post("/api/v1/council/decisions/" + id + "/silence-breaks", observer, statement("No."));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(auditDenials("hun.observer", "SILENCE_BREAK")).isPositive();

        clock.advance(Duration.ofSeconds(31));
        var read = api.get("/api/v1/council/decisions/" + id, observer);
        assertThat(read.status()).isEqualTo(200);
        assertThat(status(read.json())).isEqualTo("ADOPTED");
        assertThat(api.post("/api/v1/council/decisions/" + id + "/silence-breaks", observer, statement("No."))
                .status()).isEqualTo(403);
    }

    @Test
    void aDelegateActsOnlyForTheirOwnNationAndOncePerVersion() {
        String id = id(api.post("/api/v1/council/decisions", chair, silenceDecision("Once", deadlineIn(
                Duration.ofMinutes(5)))));

        var forAnother = api.post("/api/v1/council/decisions/" + id + "/silence-breaks", kaz,
                Map.of("nation", "TUR", "statement", "On behalf of Türkiye."));
        assertThat(forAnother.status()).isEqualTo(403);
        assertThat(auditDenials("kaz.delegate", "SILENCE_BREAK")).isPositive();

        assertThat(api.post("/api/v1/council/decisions/" + id + "/silence-breaks", kaz,
                Map.of("nation", "KAZ", "statement", "First."))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/council/decisions/" + id + "/silence-breaks", kaz, statement("Again."))
                .status()).isEqualTo(409);
        var second = api.post("/api/v1/council/decisions/" + id + "/silence-breaks", token("tur.delegate"),
                statement("Türkiye joins the objection."));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("silenceBreaks").size()).isEqualTo(2);
    }

    @Test
    void nonDelegatesAndTheChairMayNotBreakSilence() {
        String id = id(api.post("/api/v1/council/decisions", chair, silenceDecision("Roles", deadlineIn(
                Duration.ofMinutes(5)))));
        for (String user : new String[] {"aze.officer", "council.chair", "cmc.director"}) {
            assertThat(api.post("/api/v1/council/decisions/" + id + "/silence-breaks", token(user), statement("x"))
                    .status()).as(user).isEqualTo(403);
        }
        assertThat(api.post("/api/v1/council/decisions", kaz, silenceDecision("Not the chair",
                deadlineIn(Duration.ofMinutes(5)))).status()).isEqualTo(403);
    }

    @Test
    void aBreakNeedsAWrittenStatement() {
        String id = id(api.post("/api/v1/council/decisions", chair, silenceDecision("Statement", deadlineIn(
                Duration.ofMinutes(5)))));
        assertThat(api.post("/api/v1/council/decisions/" + id + "/silence-breaks", kaz, statement("  "))
                .status()).isEqualTo(400);
        assertThat(status(api.get("/api/v1/council/decisions/" + id, kaz).json())).isEqualTo("UNDER_SILENCE");
    }

    @Test
    void theChairRevisesABrokenDecisionAsTheNextVersionUnderSilence() {
        String id = id(api.post("/api/v1/council/decisions", chair, silenceDecision("Draft text", deadlineIn(
                Duration.ofMinutes(5)))));
        assertThat(api.post("/api/v1/council/decisions/" + id + "/versions", chair, Map.of("title", "Too early",
                "text", "x", "silenceEndsAt", deadlineIn(Duration.ofMinutes(9)).toString())).status())
                .as("only a broken silence is revised").isEqualTo(409);
        api.post("/api/v1/council/decisions/" + id + "/silence-breaks", kaz, statement("Change paragraph 2."));

        Instant newDeadline = deadlineIn(Duration.ofMinutes(10));
        var revised = api.post("/api/v1/council/decisions/" + id + "/versions", chair, Map.of("title",
                "Revised text", "text", "Paragraph 2 changed as Kazakhstan asked.", "silenceEndsAt",
                newDeadline.toString()));
        assertThat(revised.status()).isEqualTo(201);
        JsonNode decision = revised.json();
        assertThat(status(decision)).isEqualTo("UNDER_SILENCE");
        assertThat(decision.get("version").asInt()).isEqualTo(2);
        assertThat(decision.get("title").asString()).isEqualTo("Revised text");
        assertThat(decision.get("silenceEndsAt").asString()).isEqualTo(newDeadline.toString());
        assertThat(decision.get("versions").size()).isEqualTo(2);
        assertThat(decision.get("silenceBreaks").get(0).get("version").asInt()).isEqualTo(1);

        var againOnVersion2 = api.post("/api/v1/council/decisions/" + id + "/silence-breaks", kaz,
                statement("Still not acceptable."));
        assertThat(againOnVersion2.status()).as("a nation may break each version once").isEqualTo(201);
        assertThat(againOnVersion2.json().get("silenceBreaks").size()).isEqualTo(2);
    }

    @Test
    void anAdoptedDecisionIsImmutable() {
        Instant deadline = deadlineIn(Duration.ofSeconds(20));
        String id = id(api.post("/api/v1/council/decisions", chair, silenceDecision("Final", deadline)));
        clock.advance(Duration.ofSeconds(21));
        assertThat(status(api.get("/api/v1/council/decisions/" + id, chair).json())).isEqualTo("ADOPTED");

        assertThat(api.post("/api/v1/council/decisions/" + id + "/versions", chair, Map.of("title", "Changed",
                "text", "Changed", "silenceEndsAt", deadlineIn(Duration.ofMinutes(5)).toString())).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/council/decisions/" + id + "/close", chair, Map.of()).status()).isEqualTo(409);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "UPDATE council_decision SET status = 'UNDER_SILENCE' WHERE id = CAST(:id AS UUID)")
                        .param("id", id).update())
                .as("the database itself refuses").hasMessageContaining("immutable");
    }

    @Test
    void aDecisionTheReaderMayNotReadIsNotFound() {
        // A decision binds every member, so only a non-member (here an observer) may be unable to read it.
        Map<String, Object> draft = silenceDecision("Members only", deadlineIn(Duration.ofMinutes(5)));
        draft.put("label", CouncilFixtures.label("SECRET", "MEMBERS"));
        String id = id(api.post("/api/v1/council/decisions", chair, draft));

        assertThat(api.get("/api/v1/council/decisions/" + id, token("hun.observer")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/council/decisions/" + UUID.randomUUID(), token("hun.observer")).json()
                .get("detail")).isEqualTo(api.get("/api/v1/council/decisions/" + id, token("hun.observer")).json()
                .get("detail"));
        assertThat(api.get("/api/v1/council/decisions", token("hun.observer")).body()).doesNotContain(id);
        assertThat(api.get("/api/v1/council/decisions", token("tur.delegate")).body()).contains(id);
        assertThat(auditDenials("hun.observer", "READ")).isPositive();
    }

    @Test
    void badInputIsRefusedWholeAndNothingIsStored() {
        long before = jdbc.sql("SELECT count(*) FROM council_decision").query(Long.class).single();
        Map<String, Object> past = silenceDecision("Past", Instant.now().minusSeconds(60));
        Map<String, Object> noTitle = silenceDecision(" ", deadlineIn(Duration.ofMinutes(5)));
        Map<String, Object> unknownMeasure = CouncilFixtures.withMeasure(silenceDecision("Measure",
                deadlineIn(Duration.ofMinutes(5))), "LAUNCH_EVERYTHING", Map.of(), "5f0c6a2e-0000-4000-8000-000000000001");
        Map<String, Object> missingCrisis = silenceDecision("Crisis", deadlineIn(Duration.ofMinutes(5)));
        missingCrisis.put("measures", java.util.List.of(Map.of("code", "ACTIVATE_CRISIS_TEAM", "parameters",
                Map.of())));
        Map<String, Object> consensusWithDeadline = CouncilFixtures.consensusDecision("Mixed");
        consensusWithDeadline.put("silenceEndsAt", deadlineIn(Duration.ofMinutes(5)).toString());
        for (Map<String, Object> bad : java.util.List.of(past, noTitle, unknownMeasure, missingCrisis,
                consensusWithDeadline)) {
            var refused = api.post("/api/v1/council/decisions", chair, bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM council_decision").query(Long.class).single()).isEqualTo(before);
    }

    private Instant deadlineIn(Duration duration) {
        return clock.instant().plus(duration).truncatedTo(ChronoUnit.MILLIS);
    }

    private String token(String username) {
        return CouncilFixtures.token(api, port, username);
    }

    private void awaitStoredStatus(String id, String expected) {
        await("the scheduler makes decision " + id + " " + expected).atMost(Duration.ofSeconds(5))
                .until(() -> jdbc.sql("SELECT status FROM council_decision WHERE id = CAST(:id AS UUID)")
                        .param("id", id).query(String.class).single(), expected::equals);
    }

    /** Whether another session waits for a row lock of the decisions' table (the holder keeps one row). */
    private boolean aSessionWaitsForADecisionRow() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query ILIKE '%council_decision%' AND pid <> pg_backend_pid()""")
                .query(Long.class).single() > 0;
    }

    private String auditDetail(String action, String id) {
        return jdbc.sql("SELECT detail FROM audit_log WHERE action = :action AND target = :target")
                .param("action", action).param("target", "decision:" + id).query(String.class).single();
    }

    private long auditDenials(String actor, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = :actor AND action = :action "
                        + "AND outcome = 'DENIED'")
                .param("actor", actor).param("action", action).query(Long.class).single();
    }

    private static int yearOf(Instant instant) {
        return instant.atZone(java.time.ZoneOffset.UTC).getYear();
    }
}
