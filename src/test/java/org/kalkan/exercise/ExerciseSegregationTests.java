package org.kalkan.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.EventStream;
import org.kalkan.ExerciseFixtures;
import org.kalkan.KalkanTest;
import org.kalkan.SessionClient;
import org.kalkan.TestClock;
import org.kalkan.cop.TrackPosition;
import org.kalkan.cop.Tracks;
import org.kalkan.incident.IncidentFixtures;
import org.kalkan.security.Subject;
import org.kalkan.security.UserDirectory;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance test of the exercise context (ADR 0006): records are created in the real world and in an exercise
 * through every module's API, and no real-world query, stream or export returns an exercise record, and no exercise
 * query returns a real-world one.
 */
@KalkanTest
class ExerciseSegregationTests {

    private static final String PASSWORD = "kalkan-demo";
    private static final Duration SOON = Duration.ofSeconds(10);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Tracks tracks;
    @Autowired UserDirectory users;
    @Autowired TestClock clock;

    @Test
    void incidentsTheirStreamsAndTheirExportsStayInTheirOwnContext() throws Exception {
        UUID exercise = newExercise();
        String inExercise = "?exercise=" + exercise;
        ApiClient api = new ApiClient(port);
        String kgz = api.token("kgz.officer", PASSWORD);
        EventStream realStream = open(new EventStream(port, "/api/v1/events", kgz));
        EventStream exerciseStream = open(new EventStream(port, "/api/v1/events" + inExercise, kgz));
        assertThat(realStream.opened.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(exerciseStream.opened.await(10, TimeUnit.SECONDS)).isTrue();

        // The same kind of report at the same place and time, once in each context: they never correlate.
        Map<String, Object> report = IncidentFixtures.report("BORDER_INCIDENT", 42.87, 74.59, "RESTRICTED", "MEMBERS");
        var exerciseFiled = api.post("/api/v1/reports" + inExercise, kgz, report);
        var realFiled = api.post("/api/v1/reports", kgz, report);
        assertThat(exerciseFiled.status()).isEqualTo(201);
        assertThat(realFiled.status()).isEqualTo(201);
        String exerciseIncident = exerciseFiled.json().get("incidentId").asString();
        String realIncident = realFiled.json().get("incidentId").asString();
        assertThat(exerciseIncident).isNotEqualTo(realIncident);

        // A body that names the exercise while the request works in the real world is refused, nothing stored.
        Map<String, Object> smuggled = new LinkedHashMap<>(report);
        smuggled.put("exerciseId", exercise.toString());
        var refused = api.post("/api/v1/reports", kgz, smuggled);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        // Queries: lists, GeoJSON, one incident.
        assertThat(ids(api.get("/api/v1/incidents?limit=1000", kgz).json().get("items")))
                .contains(realIncident).doesNotContain(exerciseIncident);
        JsonNode exerciseItems = api.get("/api/v1/incidents?limit=1000&exercise=" + exercise, kgz).json().get("items");
        assertThat(ids(exerciseItems)).containsExactly(exerciseIncident);
        assertThat(exerciseItems.get(0).get("sidc").asString()).as("context digit 1: exercise").startsWith("101");
        assertThat(ids(api.getAccepting("/api/v1/incidents", kgz, "application/geo+json").json().get("features")))
                .contains(realIncident).doesNotContain(exerciseIncident);
        assertThat(ids(api.getAccepting("/api/v1/incidents" + inExercise, kgz, "application/geo+json").json()
                .get("features"))).containsExactly(exerciseIncident);
        assertThat(api.get("/api/v1/incidents/" + exerciseIncident, kgz).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/incidents/" + realIncident + inExercise, kgz).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/incidents/" + exerciseIncident + inExercise, kgz).status()).isEqualTo(200);

        // Exports: OGC API - Features.
        assertThat(ids(api.get("/ogc/collections/incidents/items?limit=1000", kgz).json().get("features")))
                .contains(realIncident).doesNotContain(exerciseIncident);
        assertThat(ids(api.get("/ogc/collections/incidents/items" + inExercise, kgz).json().get("features")))
                .containsExactly(exerciseIncident);
        assertThat(api.get("/ogc/collections" + inExercise, kgz).json().findValues("href"))
                .as("a GIS client following the links stays in the exercise").isNotEmpty()
                .allSatisfy(href -> assertThat(href.asString()).contains("exercise=" + exercise));
        assertThat(api.get("/ogc/collections/incidents/items/" + exerciseIncident, kgz).status()).isEqualTo(404);
        assertThat(api.get("/ogc/collections/incidents/items/" + realIncident + inExercise, kgz).status())
                .isEqualTo(404);

        // Tracks: the live picture's other records, one per context.
        Instant now = Instant.now();
        SecurityLabel members = SecurityLabel.of(org.kalkan.shared.Classification.RESTRICTED, "MEMBERS");
        String realTrack = "real-track-" + UUID.randomUUID();
        String exerciseTrack = "exercise-track-" + UUID.randomUUID();
        tracks.update(new TrackPosition(realTrack, "a-f-G-U-C", "SFGPUC---------", "KGZ patrol", 42.8, 74.6, now,
                now.plusSeconds(600), members, NationCode.of("KGZ")));
        tracks.update(new TrackPosition(exerciseTrack, "a-f-G-U-C", "SFGPUC---------", "KGZ patrol (EX)", 42.8,
                74.6, now, now.plusSeconds(600), members, NationCode.of("KGZ"), exercise));
        Subject officer = users.find("kgz.officer").orElseThrow().subject();
        assertThat(tracks.latest(officer)).extracting(TrackPosition::uid).contains(realTrack)
                .doesNotContain(exerciseTrack);
        List<TrackPosition> played = tracks.latest(officer.inExercise(exercise));
        assertThat(played).extracting(TrackPosition::uid).containsExactly(exerciseTrack);
        assertThat(played.get(0).displayedSidc()).as("exercise friend").isEqualTo("SDGPUC---------");

        // Streams: each subscriber hears only its own context.
        exerciseStream.await(l -> l.contains(exerciseIncident), SOON);
        exerciseStream.await(l -> l.contains(exerciseTrack), SOON);
        realStream.await(l -> l.contains(realIncident), SOON);
        realStream.await(l -> l.contains(realTrack), SOON);
        Thread.sleep(1000);
        assertThat(realStream.lines).noneMatch(l -> l.contains(exerciseIncident) || l.contains(exerciseTrack));
        assertThat(exerciseStream.lines).noneMatch(l -> l.contains(realIncident) || l.contains(realTrack));
        assertThat(exerciseStream.lines).filteredOn(l -> l.contains(exerciseIncident))
                .allMatch(l -> l.contains("\"exercise\":true"));
    }

    @Test
    void alertsTheirInboxAndItsStreamStayInTheirOwnContext() throws Exception {
        UUID exercise = newExercise();
        String inExercise = "?exercise=" + exercise;
        ApiClient api = new ApiClient(port);
        String kgz = api.token("kgz.officer", PASSWORD);
        String director = api.token("exercise.director", PASSWORD);
        String watch = api.token("cmc.watch", PASSWORD);

        HttpClient browser = SessionClient.signedIn(port, "kgz.officer");
        BlockingQueue<String> realSignals = inboxStream(browser, "/alerts/stream");
        BlockingQueue<String> exerciseSignals = inboxStream(browser, "/alerts/stream" + inExercise);
        int realBefore = unacknowledged(realSignals.poll(10, TimeUnit.SECONDS));
        int exerciseBefore = unacknowledged(exerciseSignals.poll(10, TimeUnit.SECONDS));

        String exerciseText = "Inject 7: border post reports gunfire " + System.nanoTime();
        var raised = api.post("/api/v1/alerts" + inExercise, director, alert(exerciseText, null));
        assertThat(raised.status()).isEqualTo(201);
        String exerciseAlert = raised.json().get("id").asString();
        assertThat(exerciseSignals.poll(10, TimeUnit.SECONDS)).satisfies(
                signal -> assertThat(unacknowledged(signal)).isEqualTo(exerciseBefore + 1));
        assertThat(realSignals.poll(1500, TimeUnit.MILLISECONDS)).as("no real-world signal").isNull();

        String realText = "Real gunfire reported at the border " + System.nanoTime();
        String realAlert = api.post("/api/v1/alerts", watch, alert(realText, null)).json().get("id").asString();
        assertThat(realSignals.poll(10, TimeUnit.SECONDS)).satisfies(
                signal -> assertThat(unacknowledged(signal)).isEqualTo(realBefore + 1));
        assertThat(exerciseSignals.poll(1500, TimeUnit.MILLISECONDS)).as("no exercise signal").isNull();

        // A body naming the exercise from the real world is refused.
        assertThat(api.post("/api/v1/alerts", director, alert("smuggled", exercise)).status()).isEqualTo(400);

        JsonNode realInbox = api.get("/api/v1/alerts?limit=500", kgz).json();
        assertThat(ids(realInbox)).contains(realAlert).doesNotContain(exerciseAlert);
        JsonNode exerciseInbox = api.get("/api/v1/alerts?limit=500&exercise=" + exercise, kgz).json();
        assertThat(ids(exerciseInbox)).containsExactly(exerciseAlert);
        assertThat(exerciseInbox.get(0).get("text").asString()).isEqualTo("EXERCISE " + exerciseText);

        assertThat(api.get("/api/v1/alerts/" + exerciseAlert, kgz).body()).doesNotContain(exerciseText);
        assertThat(api.get("/api/v1/alerts/" + realAlert + inExercise, kgz).body()).doesNotContain(realText);
        // From the real world the exercise alert is not there at all (issue 12: no 403 "not a recipient" oracle).
        assertThat(api.post("/api/v1/alerts/" + exerciseAlert + "/ack", kgz, Map.of()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/alerts/" + exerciseAlert + "/ack" + inExercise, kgz, Map.of()).status())
                .isEqualTo(200);

        // The inbox page of each context lists only its own alerts.
        String realPage = page(browser, "/alerts");
        String exercisePage = page(browser, "/alerts" + inExercise);
        assertThat(realPage).contains(realText).doesNotContain(exerciseText);
        assertThat(exercisePage).contains("EXERCISE " + exerciseText).doesNotContain(realText)
                .contains("EXERCISE EXERCISE EXERCISE");
    }

    @Test
    void crisesTheirWorkTheirSitrepsAndTheCouncilStayInTheirOwnContext() throws Exception {
        UUID exercise = newExercise();
        String inExercise = "?exercise=" + exercise;
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String kgz = api.token("kgz.officer", PASSWORD);

        String exerciseCrisis = openCrisis(api, director, "Exercise crisis at the Kyrgyz border", inExercise);
        String realCrisis = openCrisis(api, director, "Real crisis at the Kyrgyz border", "");
        var rfi = api.post("/api/v1/crises/" + exerciseCrisis + "/rfis" + inExercise, director, Map.of(
                "question", "How many border posts are manned?", "addressedTo", List.of("KGZ"),
                "deadline", Instant.now().plus(Duration.ofHours(4)).toString()));
        assertThat(rfi.status()).isEqualTo(201);
        String rfiId = rfi.json().get("id").asString();
        assertThat(api.post("/api/v1/crises/" + exerciseCrisis + "/rfis/" + rfiId + "/answers" + inExercise, kgz,
                Map.of("text", "Twelve of fourteen.")).status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM crisis_rfi_answer WHERE rfi_id = :rfi AND exercise_id = :e")
                .param("rfi", UUID.fromString(rfiId)).param("e", exercise).query(Long.class).single())
                .as("the answer takes its crisis's context").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM crisis_log_entry WHERE crisis_id = :c AND exercise_id IS NULL")
                .param("c", UUID.fromString(exerciseCrisis)).query(Long.class).single()).isZero();

        assertThat(ids(api.get("/api/v1/crises", director).json())).contains(realCrisis)
                .doesNotContain(exerciseCrisis);
        JsonNode exerciseCrises = api.get("/api/v1/crises" + inExercise, director).json();
        assertThat(ids(exerciseCrises)).containsExactly(exerciseCrisis);
        assertThat(exerciseCrises.get(0).get("exerciseId").asString()).isEqualTo(exercise.toString());
        assertThat(api.get("/api/v1/crises/" + exerciseCrisis, director).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/crises/" + realCrisis + inExercise, director).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/crises/" + exerciseCrisis + "/rfis", director).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/crises/" + exerciseCrisis + "/log" + inExercise, director).body())
                .contains("Exercise crisis at the Kyrgyz border");

        // SITREP of the exercise crisis: marked as an exercise on every page, and exported only in the exercise.
        String sitreps = "/api/v1/crises/" + exerciseCrisis + "/sitreps";
        assertThat(api.post(sitreps + inExercise, director, Map.of()).status()).isEqualTo(201);
        assertThat(api.post(sitreps + "/1/issue" + inExercise, director, Map.of()).status()).isEqualTo(200);
        assertThat(api.get(sitreps + "/1.json", director).status()).isEqualTo(404);
        assertThat(api.get(sitreps + "/1.pdf", director).status()).isEqualTo(404);
        assertThat(api.get(sitreps + "/1.json" + inExercise, director).status()).isEqualTo(200);
        byte[] pdf = download("/api/v1/crises/" + exerciseCrisis + "/sitreps/1.pdf" + inExercise, director);
        java.nio.file.Files.write(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"))
                .resolve("sitrep-exercise.pdf"), pdf);
        String name = jdbc.sql("SELECT name FROM exercise WHERE id = :id").param("id", exercise)
                .query(String.class).single();
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        try {
            var text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                assertThat(text.getTextFromPage(page)).as("page %d", page)
                        .contains("EXERCISE EXERCISE EXERCISE").contains(name);
            }
        } finally {
            reader.close();
        }

        // A force requirement of the exercise crisis belongs to the exercise.
        String planner = api.token("force.planner", PASSWORD);
        var requirement = api.post("/api/v1/forces/requirements" + inExercise, planner, Map.of(
                "crisisId", exerciseCrisis, "capability", "INFANTRY", "quantity", 1,
                "location", Map.of("lat", 42.8, "lon", 74.6), "country", "KGZ",
                "neededBy", Instant.now().plus(Duration.ofDays(3)).toString(), "durationDays", 10,
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS"))));
        assertThat(requirement.status()).as(requirement.body()).isEqualTo(201);
        // From the real world the exercise crisis is not there at all (its id is resolved for the caller: 404).
        assertThat(api.get("/api/v1/forces/requirements?crisisId=" + exerciseCrisis, planner).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/forces/requirements?crisisId=" + exerciseCrisis + "&exercise=" + exercise,
                planner).json()).hasSize(1);

        // Alert levels are real-world state: an exercise cannot change them.
        var level = api.post("/api/v1/alert-levels" + inExercise, director, Map.of("kind", "NATION", "target", "KGZ",
                "level", "SEVERE", "reason", "exercise play", "decisionRef", "EX-1"));
        assertThat(level.status()).as(level.body()).isEqualTo(409);

        // The Council: a consultation and a decision of the exercise, and the real Council's.
        String kgzDelegate = api.token("kgz.delegate", PASSWORD);
        String chair = api.token("council.chair", PASSWORD);
        var consultation = api.post("/api/v1/council/consultations" + inExercise, kgzDelegate, Map.of(
                "grounds", List.of("TERRITORIAL_INTEGRITY"), "statement", "Exercise: incursion at the border.",
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS"))));
        assertThat(consultation.status()).as(consultation.body()).isEqualTo(201);
        String exerciseConsultation = consultation.json().get("id").asString();
        assertThat(ids(api.get("/api/v1/council/consultations", kgzDelegate).json()))
                .doesNotContain(exerciseConsultation);
        assertThat(ids(api.get("/api/v1/council/consultations" + inExercise, kgzDelegate).json()))
                .containsExactly(exerciseConsultation);
        var decision = api.post("/api/v1/council/decisions" + inExercise, chair, Map.of(
                "title", "Exercise: deploy the rapid reaction force", "text", "The Council decides to deploy.",
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")),
                "procedure", "CONSENSUS"));
        assertThat(decision.status()).as(decision.body()).isEqualTo(201);
        String exerciseDecision = decision.json().get("id").asString();
        assertThat(decision.json().get("exerciseId").asString()).isEqualTo(exercise.toString());
        assertThat(consultation.json().get("exerciseId").asString()).isEqualTo(exercise.toString());
        assertThat(ids(api.get("/api/v1/council/decisions", chair).json())).doesNotContain(exerciseDecision);
        assertThat(ids(api.get("/api/v1/council/decisions" + inExercise, chair).json()))
                .containsExactly(exerciseDecision);
        assertThat(api.get("/api/v1/council/decisions/" + exerciseDecision, chair).status()).isEqualTo(404);
    }

    @Test
    void anExerciseDecisionIsNumberedInItsOwnRegisterAndItsMeasuresLeaveRealAlertLevelsAlone() throws Exception {
        UUID exercise = newExercise();
        String inExercise = "?exercise=" + exercise;
        ApiClient api = new ApiClient(port);
        String chair = api.token("council.chair", PASSWORD);
        String director = api.token("cmc.director", PASSWORD);
        String crisis = openCrisis(api, director, "Exercise crisis for the Council", inExercise);
        String kgzLevel = level(api, director, "KGZ");
        String target = "SEVERE".equals(kgzLevel) ? "NORMAL" : "SEVERE";

        Instant deadline = clock.instant().plus(Duration.ofMinutes(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", "Exercise: raise the alert level of Kyrgyzstan");
        draft.put("text", "The Council decides to raise the alert level.");
        draft.put("label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")));
        draft.put("procedure", "SILENCE");
        draft.put("silenceEndsAt", deadline.toString());
        draft.put("crisisId", crisis);
        draft.put("measures", List.of(Map.of("code", "RAISE_ALERT_LEVEL",
                "parameters", Map.of("target", "KGZ", "level", target))));
        var circulated = api.post("/api/v1/council/decisions" + inExercise, chair, draft);
        assertThat(circulated.status()).as(circulated.body()).isEqualTo(201);
        String id = circulated.json().get("id").asString();

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        JsonNode adopted = api.get("/api/v1/council/decisions/" + id + inExercise, chair).json();
        assertThat(adopted.get("status").asString()).isEqualTo("ADOPTED");
        assertThat(adopted.get("registerNumber").asString()).matches("EX-JDC-\\d{4}-0001");
        assertThat(ids(api.get("/api/v1/council/register", chair).json())).doesNotContain(id);
        assertThat(ids(api.get("/api/v1/council/register" + inExercise, chair).json())).containsExactly(id);

        long until = System.currentTimeMillis() + SOON.toMillis();
        while (!api.get("/api/v1/crises/" + crisis + "/log" + inExercise, director).body()
                .contains("real-world alert levels unchanged") && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertThat(api.get("/api/v1/crises/" + crisis + "/log" + inExercise, director).body())
                .contains("real-world alert levels unchanged");
        assertThat(level(api, director, "KGZ")).isEqualTo(kgzLevel);
    }

    private static String level(ApiClient api, String token, String nation) {
        for (JsonNode level : api.get("/api/v1/alert-levels", token).json()) {
            if (level.get("target").asString().equals(nation)) {
                return level.get("level").asString();
            }
        }
        throw new AssertionError("no alert level of " + nation);
    }

    @Test
    void aStrangerCannotEnterTheExercise() {
        UUID exercise = newExercise();
        ApiClient api = new ApiClient(port);
        String tur = api.token("tur.officer", PASSWORD);
        assertThat(api.get("/api/v1/alerts?exercise=" + exercise, tur).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/crises?exercise=" + exercise, tur).status()).isEqualTo(403);
        assertThat(api.get("/ogc/collections/incidents/items?exercise=" + exercise, tur).status()).isEqualTo(403);
    }

    /** Streams this test opened, closed after it so that no other test's stream shares the node with them. */
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeStreams() throws Exception {
        clock.reset();
        for (AutoCloseable stream : open) {
            stream.close();
        }
        open.clear();
    }

    private <T extends AutoCloseable> T open(T stream) {
        open.add(stream);
        return stream;
    }

    @Test
    void purgingAnExerciseDeletesItsRecordsInEveryModuleAndNoRealWorldRecord() {
        UUID exercise = newExercise();
        String inExercise = "?exercise=" + exercise;
        ApiClient api = new ApiClient(port);
        String kgz = api.token("kgz.officer", PASSWORD);
        String director = api.token("cmc.director", PASSWORD);
        Map<String, Object> report = IncidentFixtures.report("BORDER_INCIDENT", 41.5, 72.1, "RESTRICTED", "MEMBERS");
        assertThat(api.post("/api/v1/reports" + inExercise, kgz, report).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/reports", kgz, report).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/alerts" + inExercise, director, alert("Purge me", null)).status())
                .isEqualTo(201);
        String crisis = openCrisis(api, director, "Exercise crisis to purge", inExercise);
        assertThat(api.post("/api/v1/crises/" + crisis + "/rfis" + inExercise, director, Map.of(
                "question", "Where are the patrols?", "addressedTo", List.of("KGZ"),
                "deadline", Instant.now().plus(Duration.ofHours(4)).toString())).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/forces/requirements" + inExercise, api.token("force.planner", PASSWORD), Map.of(
                "crisisId", crisis, "capability", "INFANTRY", "quantity", 1,
                "location", Map.of("lat", 42.8, "lon", 74.6), "country", "KGZ",
                "neededBy", Instant.now().plus(Duration.ofDays(3)).toString(), "durationDays", 10,
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")))).status())
                .isEqualTo(201);
        List<String> tables = List.of("report", "incident", "alert", "crisis", "crisis_log_entry", "crisis_rfi",
                "force_requirement");
        assertThat(tables).allMatch(table -> rows(table, "exercise_id = :e", exercise) > 0);
        Map<String, Long> realWorld = new LinkedHashMap<>();
        tables.forEach(table -> realWorld.put(table, rows(table, "exercise_id IS NULL", exercise)));

        var purged = api.post("/api/v1/exercises/" + exercise + "/purge", api.token("exercise.director", PASSWORD),
                Map.of());

        assertThat(purged.status()).as(purged.body()).isEqualTo(200);
        tables.forEach(table -> assertThat(rows(table, "exercise_id = :e", exercise)).as(table).isZero());
        tables.forEach(table -> assertThat(rows(table, "exercise_id IS NULL", exercise)).as(table)
                .isEqualTo(realWorld.get(table)));
        // Each module that held records of the exercise audits its purge (modules added later may audit theirs too).
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE target = :t AND action LIKE 'EXERCISE_%PURGED'")
                .param("t", "exercise:" + exercise).query(String.class).list())
                .contains("EXERCISE_PURGED", "EXERCISE_INCIDENTS_PURGED", "EXERCISE_ALERTS_PURGED",
                        "EXERCISE_CRISES_PURGED", "EXERCISE_REQUIREMENTS_PURGED");
    }

    private long rows(String table, String where, UUID exercise) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + where)
                .params(Map.of("e", exercise)).query(Long.class).single();
    }

    private UUID newExercise() {
        return ExerciseFixtures.steppeShield(jdbc, "STEPPE SHIELD " + System.nanoTime());
    }

    private static Map<String, Object> alert(String text, UUID exercise) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("recipients", Map.of("users", List.of("kgz.officer")));
        body.put("precedence", "FLASH");
        body.put("label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")));
        if (exercise != null) {
            body.put("exerciseId", exercise.toString());
        }
        return body;
    }

    private static String openCrisis(ApiClient api, String token, String title, String context) {
        var opened = api.post("/api/v1/crises" + context, token, Map.of("title", title, "incidentIds", List.of(),
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")),
                // The chair is on the team: a Council decision names only a crisis the chair may see (issue 12).
                "team", Map.of("users", List.of("council.chair"), "nations", List.of("KGZ", "UZB"))));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").asString();
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private byte[] download(String path, String token) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private String page(HttpClient browser, String path) throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private BlockingQueue<String> inboxStream(HttpClient browser, String path) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream = browser.sendAsync(
                HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<java.util.stream.Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        open(response.body()::close);
        Thread reader = new Thread(() -> response.body().filter(l -> l.startsWith("data:")).forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static int unacknowledged(String signal) {
        assertThat(signal).as("an inbox signal").isNotNull();
        Matcher count = Pattern.compile("\"unacknowledged\":(\\d+)").matcher(signal);
        assertThat(count.find()).as(signal).isTrue();
        return Integer.parseInt(count.group(1));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
