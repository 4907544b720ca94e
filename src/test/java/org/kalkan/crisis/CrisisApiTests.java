package org.kalkan.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kalkan.crisis.CrisisFixtures.PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.kalkan.incident.IncidentFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@KalkanTest
class CrisisApiTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired CrisisLog crisisLog;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theDirectorRunsACrisisFromAnIncidentToAnIssuedSitrepAndKazakhstanAnswersTheRfi() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String incident = CrisisFixtures.incidentNearBaku(api);

        var opened = api.post("/api/v1/crises", director, CrisisFixtures.crisis("Pipeline sabotage at Sangachal",
                incident));
        assertThat(opened.status()).isEqualTo(201);
        String id = opened.json().get("id").asString();
        assertThat(opened.json().get("phase").asString()).isEqualTo("INDICATIONS_AND_WARNING");
        assertThat(opened.json().get("incidentIds").toString()).contains(incident);

        Instant due = clock.instant().plus(6, ChronoUnit.HOURS);
        var task = api.post("/api/v1/crises/" + id + "/tasks", director,
                CrisisFixtures.task("Secure the Ceyhan terminal", "NATION", "TUR", due));
        assertThat(task.status()).isEqualTo(201);
        assertThat(task.json().get("status").asString()).isEqualTo("OPEN");

        var rfi = api.post("/api/v1/crises/" + id + "/rfis", director,
                CrisisFixtures.rfi("Any unusual activity at Aktau port?", due, "KAZ"));
        assertThat(rfi.status()).isEqualTo(201);
        String rfiId = rfi.json().get("id").asString();

        String kaz = api.token("kaz.officer", PASSWORD);
        assertThat(api.get("/api/v1/crises/" + id, kaz).status()).isEqualTo(200);
        var answer = api.post("/api/v1/crises/" + id + "/rfis/" + rfiId + "/answers", kaz,
                Map.of("text", "Two unflagged vessels loitering off Aktau since 0400Z.",
                        "label", CrisisFixtures.label("CONFIDENTIAL", "AZE", "KAZ", "TUR")));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("nation").asString()).isEqualTo("KAZ");

        var sitrep = api.post("/api/v1/crises/" + id + "/sitreps", director, Map.of());
        assertThat(sitrep.status()).isEqualTo(201);
        assertThat(sitrep.json().get("number").asInt()).isEqualTo(1);
        JsonNode sections = sitrep.json().get("sections");
        assertThat(sections.get("tasks").asString()).contains("Secure the Ceyhan terminal", "nation TUR");
        assertThat(sections.get("rfis").asString()).contains("Aktau", "KAZ", "1 answer(s)");
        assertThat(sections.get("incidents").asString()).contains("CRITICAL_INFRASTRUCTURE");

        var issued = api.post("/api/v1/crises/" + id + "/sitreps/1/issue", director, Map.of());
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.json().get("status").asString()).isEqualTo("ISSUED");

        byte[] pdf = CrisisFixtures.download(port, "/api/v1/crises/" + id + "/sitreps/1.pdf", director,
                "application/pdf");
        assertThat(CrisisFixtures.assertMarkedOnEveryPage(pdf, "CONFIDENTIAL // REL TO AZE, KAZ, TUR")).isPositive();
        var json = api.get("/api/v1/crises/" + id + "/sitreps/1.json", director);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("label").get("marking").asString())
                .isEqualTo("CONFIDENTIAL // REL TO AZE, KAZ, TUR");

        List<String> kinds = new ArrayList<>();
        api.get("/api/v1/crises/" + id + "/log", director).json().forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsSubsequence("CRISIS_OPENED", "INCIDENT_ATTACHED", "TASK_CREATED", "RFI_CREATED",
                "RFI_ANSWERED", "SITREP_PREPARED", "SITREP_ISSUED");
    }

    @Test
    void aCrisisMayBeOpenedFromNothingWithATeamAndAWatchOfficerCannotOpenOne() {
        ApiClient api = new ApiClient(port);
        Map<String, Object> body = new java.util.HashMap<>(CrisisFixtures.crisis("Rising tension in the Fergana Valley"));
        body.put("team", Map.of("users", List.of("cmc.watch"), "nations", List.of("KAZ")));
        var opened = api.post("/api/v1/crises", api.token("cmc.director", PASSWORD), body);
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.json().get("incidentIds")).isEmpty();
        assertThat(opened.json().get("team").toString()).contains("cmc.director", "cmc.watch", "KAZ");
        String id = opened.json().get("id").asString();
        assertThat(api.get("/api/v1/crises/" + id, api.token("kaz.delegate", PASSWORD)).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/crises", api.token("cmc.watch", PASSWORD), body).status()).isEqualTo(403);
    }

    @Test
    void phasesMoveOneStepAtATimeAndEveryTransitionIsLogged() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String id = CrisisFixtures.openCrisis(api, director, "Phases");

        var jump = api.post("/api/v1/crises/" + id + "/phase", director, Map.of("phase", "EXECUTION"));
        assertThat(jump.status()).isEqualTo(409);
        assertThat(jump.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/crises/" + id, director).json().get("phase").asString())
                .isEqualTo("INDICATIONS_AND_WARNING");

        for (String phase : List.of("ASSESSMENT", "RESPONSE_OPTIONS", "PLANNING", "RESPONSE_OPTIONS", "PLANNING",
                "EXECUTION", "TRANSITION", "CLOSED")) {
            var moved = api.post("/api/v1/crises/" + id + "/phase", director, Map.of("phase", phase,
                    "reason", "situation develops"));
            assertThat(moved.status()).as(phase).isEqualTo(200);
            assertThat(moved.json().get("phase").asString()).isEqualTo(phase);
        }
        assertThat(api.post("/api/v1/crises/" + id + "/phase", director, Map.of("phase", "TRANSITION")).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/crises/" + id + "/log", director, Map.of("text", "late note")).status())
                .isEqualTo(409);
        long logged = jdbc.sql("SELECT count(*) FROM crisis_log_entry WHERE crisis_id = CAST(:id AS UUID)"
                + " AND kind = 'PHASE_CHANGED'").param("id", id).query(Long.class).single();
        assertThat(logged).isEqualTo(8);
        assertThat(api.post("/api/v1/crises/" + id + "/phase", api.token("cmc.watch", PASSWORD),
                Map.of("phase", "ASSESSMENT")).status()).isEqualTo(403);
    }

    @Test
    void someoneOutsideTheTeamGetsNotFoundAndTheDenialIsAudited() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String id = CrisisFixtures.openCrisis(api, director, "Need to know");

        // uzb.officer could read the label's classification but neither UZB nor the user is on the team;
        // tur.officer is released to but not on the team either.
        for (String outsider : List.of("uzb.officer", "tur.officer", "hun.observer")) {
            String token = api.token(outsider, PASSWORD);
            var read = api.get("/api/v1/crises/" + id, token);
            assertThat(read.status()).as(outsider).isEqualTo(404);
            assertThat(read.contentType()).startsWith("application/problem+json");
            assertThat(api.get("/api/v1/crises/" + id + "/log", token).status()).isEqualTo(404);
            assertThat(api.post("/api/v1/crises/" + id + "/log", token, Map.of("text", "hello")).status())
                    .isIn(403, 404);
            assertThat(api.get("/api/v1/crises", token).body()).doesNotContain(id);
        }
        long denials = jdbc.sql("SELECT count(*) FROM audit_log WHERE outcome = 'DENIED' AND target = :target")
                .param("target", "crisis:" + id).query(Long.class).single();
        assertThat(denials).isGreaterThanOrEqualTo(3);

        // Adding TUR to the team lets TUR users in.
        assertThat(api.post("/api/v1/crises/" + id + "/team", director, Map.of("nations", List.of("TUR"))).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/crises/" + id, api.token("tur.officer", PASSWORD)).status()).isEqualTo(200);
        // UZB cannot join: the crisis is not released to it.
        var uzb = api.post("/api/v1/crises/" + id + "/team", director, Map.of("nations", List.of("UZB")));
        assertThat(uzb.status()).isEqualTo(400);
    }

    @Test
    void aCrisisCannotBeLabelledBelowItsIncidentsNorOpenedFromAnIncidentTheManagerCannotRead() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        long before = crises();
        String secret = api.post("/api/v1/reports", api.token("tur.officer", PASSWORD),
                IncidentFixtures.report("CBRN", 38.42, 27.14, "SECRET", "TUR")).json().get("incidentId").asString();
        var unreadable = api.post("/api/v1/crises", director, CrisisFixtures.crisis("Hidden", secret));
        assertThat(unreadable.status()).isEqualTo(404);

        String incident = CrisisFixtures.incidentNearBaku(api);
        Map<String, Object> low = new java.util.HashMap<>(CrisisFixtures.crisis("Too low", incident));
        low.put("label", CrisisFixtures.label("UNCLASSIFIED", "AZE"));
        assertThat(api.post("/api/v1/crises", director, low).status()).isEqualTo(400);
        Map<String, Object> wide = new java.util.HashMap<>(CrisisFixtures.crisis("Too wide", incident));
        wide.put("label", CrisisFixtures.label("CONFIDENTIAL", "ALL"));
        assertThat(api.post("/api/v1/crises", director, wide).status()).isEqualTo(400);
        assertThat(crises()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedWithAProblemAndNothingIsStored() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String id = CrisisFixtures.openCrisis(api, director, "Bad input");
        long crises = crises();
        long rows = childRows();
        Instant due = clock.instant().plus(1, ChronoUnit.HOURS);
        List<Object[]> bad = List.of(
                new Object[] {"/api/v1/crises", Map.of("title", "No label")},
                new Object[] {"/api/v1/crises", Map.of("title", "", "label", CrisisFixtures.label("SECRET", "AZE"))},
                new Object[] {"/api/v1/crises", Map.of("title", "Bad id", "incidentIds", List.of("nope"),
                        "label", CrisisFixtures.label("SECRET", "AZE"))},
                new Object[] {"/api/v1/crises", Map.of("title", "Bad schedule", "sitrepEvery", "PT1M",
                        "label", CrisisFixtures.label("SECRET", "AZE"))},
                new Object[] {"/api/v1/crises/" + id + "/phase", Map.of("phase", "PANIC")},
                new Object[] {"/api/v1/crises/" + id + "/log", Map.of("text", " ")},
                new Object[] {"/api/v1/crises/" + id + "/log", Map.of("text", "x", "label",
                        CrisisFixtures.label("COSMIC", "AZE"))},
                new Object[] {"/api/v1/crises/" + id + "/tasks", CrisisFixtures.task("Past", "NATION", "TUR",
                        clock.instant().minusSeconds(60))},
                new Object[] {"/api/v1/crises/" + id + "/tasks", CrisisFixtures.task("Nobody", "USER", "no.such", due)},
                new Object[] {"/api/v1/crises/" + id + "/tasks", CrisisFixtures.task("Observer", "NATION", "HUN", due)},
                new Object[] {"/api/v1/crises/" + id + "/rfis", CrisisFixtures.rfi("To UZB?", due, "UZB")},
                new Object[] {"/api/v1/crises/" + id + "/rfis", CrisisFixtures.rfi("To nobody?", due)},
                new Object[] {"/api/v1/crises/" + id + "/rfis", Map.of("question", "When?", "addressedTo",
                        List.of("KAZ"), "deadline", "tomorrow")});
        for (Object[] request : bad) {
            var response = api.post((String) request[0], director, request[1]);
            assertThat(response.status()).as(request[1].toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).isNotBlank();
        }
        assertThat(crises()).isEqualTo(crises);
        assertThat(childRows()).isEqualTo(rows);
    }

    @Test
    void correctionsAreNewEntriesAndTheLogRefusesAnyChangeInTheDatabase() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String id = CrisisFixtures.openCrisis(api, director, "Log");
        String first = api.post("/api/v1/crises/" + id + "/log", director, Map.of("text", "Two casualties"))
                .json().get("id").asString();
        var correction = api.post("/api/v1/crises/" + id + "/log", director,
                Map.of("text", "Three casualties, not two", "corrects", first));
        assertThat(correction.status()).isEqualTo(201);
        assertThat(correction.json().get("kind").asString()).isEqualTo("CORRECTION");
        assertThat(correction.json().get("corrects").asString()).isEqualTo(first);
        JsonNode log = api.get("/api/v1/crises/" + id + "/log", director).json();
        assertThat(log.toString()).contains("Two casualties", "Three casualties, not two");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "UPDATE crisis_log_entry SET text = 'edited' WHERE id = CAST(:id AS UUID)").param("id", first).update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "DELETE FROM crisis_log_entry WHERE id = CAST(:id AS UUID)").param("id", first).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void anIssuedSitrepCannotBeEditedOrIssuedAgain() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String id = CrisisFixtures.openCrisis(api, director, "Immutable");
        var draft = api.post("/api/v1/crises/" + id + "/sitreps", director, Map.of());
        int version = draft.json().get("version").asInt();
        assertThat(api.post("/api/v1/crises/" + id + "/sitreps", director, Map.of()).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/crises/" + id + "/sitreps/1.pdf", director).status()).isEqualTo(409);
        var edited = api.post("/api/v1/crises/" + id + "/sitreps/1", director,
                Map.of("outlook", "Expect further attempts on the BTC line.", "version", version));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(api.post("/api/v1/crises/" + id + "/sitreps/1", director,
                Map.of("outlook", "stale", "version", version)).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/crises/" + id + "/sitreps/1/issue", api.token("cmc.watch", PASSWORD),
                Map.of()).status()).isIn(403, 404);
        assertThat(api.post("/api/v1/crises/" + id + "/sitreps/1/issue", director, Map.of()).status()).isEqualTo(200);

        var change = api.post("/api/v1/crises/" + id + "/sitreps/1", director,
                Map.of("outlook", "rewritten", "version", version + 2));
        assertThat(change.status()).isEqualTo(409);
        assertThat(change.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/crises/" + id + "/sitreps/1/issue", director, Map.of()).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/crises/" + id + "/sitreps/1", director).json().get("sections").get("outlook")
                .asString()).isEqualTo("Expect further attempts on the BTC line.");
        assertThat(api.post("/api/v1/crises/" + id + "/sitreps", director, Map.of()).json().get("number").asInt())
                .isEqualTo(2);
    }

    @Test
    void observersAndUsersOfOtherNationsCannotAnswerAnRfi() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String id = CrisisFixtures.openCrisis(api, director, "Answers");
        api.post("/api/v1/crises/" + id + "/team", director, Map.of("nations", List.of("TUR")));
        String rfi = api.post("/api/v1/crises/" + id + "/rfis", director,
                CrisisFixtures.rfi("Ferry traffic at Kuryk?", clock.instant().plus(2, ChronoUnit.HOURS), "KAZ"))
                .json().get("id").asString();
        var tur = api.post("/api/v1/crises/" + id + "/rfis/" + rfi + "/answers", api.token("tur.officer", PASSWORD),
                Map.of("text", "Not ours to answer"));
        assertThat(tur.status()).isEqualTo(403);
        var kazDelegate = api.post("/api/v1/crises/" + id + "/rfis/" + rfi + "/answers",
                api.token("kaz.delegate", PASSWORD), Map.of("text", "Normal traffic."));
        assertThat(kazDelegate.status()).isEqualTo(201);
        var closed = api.post("/api/v1/crises/" + id + "/rfis/" + rfi + "/close", director, Map.of("note", "answered"));
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(api.post("/api/v1/crises/" + id + "/rfis/" + rfi + "/answers", api.token("kaz.officer", PASSWORD),
                Map.of("text", "late")).status()).isEqualTo(409);
    }

    @Test
    void anotherModulesListenerAppendsAGeneratedEntryUnderTheCrisisLabel() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String id = CrisisFixtures.openCrisis(api, director, "Escalation");
        CrisisId crisisId = new CrisisId(java.util.UUID.fromString(id));

        var entry = crisisLog.append(crisisId, "notification", "Flash alert escalated to KAZ duty officer",
                LogEntryKind.ALERT_ESCALATED);
        assertThat(entry).isPresent();
        assertThat(entry.get().label().marking()).isEqualTo("CONFIDENTIAL // REL TO AZE, KAZ, TUR");
        assertThat(crisisLog.append(CrisisId.random(), "council", "no such crisis", LogEntryKind.DECISION_ADOPTED))
                .isEmpty();
        JsonNode last = api.get("/api/v1/crises/" + id + "/log", director).json();
        assertThat(last.get(last.size() - 1).get("kind").asString()).isEqualTo("ALERT_ESCALATED");
        assertThat(last.get(last.size() - 1).get("author").asString()).isEqualTo("notification");
    }

    @Test
    void aChangeOfAnAttachedIncidentIsWrittenIntoTheCrisisLog() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String incident = CrisisFixtures.incidentNearBaku(api);
        String id = api.post("/api/v1/crises", director, CrisisFixtures.crisis("Incident follows", incident)).json()
                .get("id").asString();
        assertThat(api.post("/api/v1/incidents/" + incident + "/status", director, Map.of("status", "ASSESSED"))
                .status()).isEqualTo(200);
        // The crisis module logs the incident module's event after its transaction commits.
        await("incident change logged").atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/api/v1/crises/" + id + "/log", director).body()).contains("INCIDENT_UPDATED")
                .contains("now ASSESSED"));
    }

    @Test
    void recordsInsideACrisisAreFilteredByTheirOwnLabelForTeamMembersAndInSitreps() {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String id = CrisisFixtures.openCrisis(api, director, "Compartments");
        Map<String, Object> secretTask = new java.util.HashMap<>(CrisisFixtures.task("Move the special unit", "CELL",
                "J3 operations", clock.instant().plus(3, ChronoUnit.HOURS)));
        secretTask.put("label", CrisisFixtures.label("SECRET", "AZE"));
        assertThat(api.post("/api/v1/crises/" + id + "/tasks", director, secretTask).status()).isEqualTo(201);
        api.post("/api/v1/crises/" + id + "/rfis", director,
                CrisisFixtures.rfi("Border crossings open?", clock.instant().plus(3, ChronoUnit.HOURS), "KAZ"));

        String kaz = api.token("kaz.officer", PASSWORD);
        assertThat(api.get("/api/v1/crises/" + id, kaz).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/crises/" + id + "/tasks", kaz).body()).doesNotContain("special unit");
        assertThat(api.get("/api/v1/crises/" + id + "/log", kaz).body()).doesNotContain("special unit")
                .contains("Border crossings open?");
        assertThat(api.get("/api/v1/crises/" + id + "/tasks", director).body()).contains("special unit");

        // The SITREP is released to KAZ, so the SECRET // REL TO AZE task stays out of it.
        var sitrep = api.post("/api/v1/crises/" + id + "/sitreps", director, Map.of());
        assertThat(sitrep.json().get("sections").get("tasks").asString()).doesNotContain("special unit");
        assertThat(sitrep.json().get("sections").get("rfis").asString()).contains("Border crossings open?");
    }

    private long crises() {
        return jdbc.sql("SELECT count(*) FROM crisis").query(Long.class).single();
    }

    private long childRows() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM crisis_log_entry) + (SELECT count(*) FROM crisis_task)
                     + (SELECT count(*) FROM crisis_rfi) + (SELECT count(*) FROM crisis_team_nation)""")
                .query(Long.class).single();
    }
}
