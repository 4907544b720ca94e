package org.kalkan.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kalkan.exercise.ExerciseFixtures.PASSWORD;
import static org.kalkan.exercise.ExerciseFixtures.alert;
import static org.kalkan.exercise.ExerciseFixtures.inject;
import static org.kalkan.exercise.ExerciseFixtures.report;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.kalkan.cop.Tracks;
import org.kalkan.exercise.internal.Deliveries;
import org.kalkan.exercise.internal.ExerciseStore;
import org.kalkan.exercise.internal.InjectPoller;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A whole small exercise on the movable clock: plan, MSEL from CSV, clock at 60×, deliveries, play, evaluation. */
@KalkanTest
class ExerciseRunTests {

    /** The inject poller runs every second; on a loaded machine a delivery may take much longer. */
    private static final Duration INJECT_POLLING = Duration.ofSeconds(30);

    @LocalServerPort int port;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ExerciseStore exerciseStore;
    @Autowired Deliveries deliveries;
    @Autowired ExerciseProperties properties;
    @Autowired Tracks tracks;

    @AfterEach
    void resetClock() {
        ExerciseFixtures.endRunningExercises(jdbc);
        clock.reset();
    }

    @Test
    void injectsArriveOnScheduleInTheExerciseContextAndTheEvaluationMeasuresWhatPlayersDid() throws Exception {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        String kgz = api.token("kgz.officer", PASSWORD);
        String id = ExerciseFixtures.plan(api, director, "STEPPE SHIELD " + UUID.randomUUID());
        String csv = ExerciseFixtures.CSV_HEADER
                + "1,PT1M,AT_TIME,,REPORT,KGZ border guard,KGZ,NONE,Report handling,,," + report("Shots at Batken")
                + "\n2,PT2M,AT_TIME,,ALERT,CMC watch,KGZ,ACKNOWLEDGE_ALERT,Alerting,,PT10M," + alert("Raise readiness")
                + "\n3,PT3M,,,ALERT,CMC watch,UZB,ACKNOWLEDGE_ALERT,Alerting,4,PT5M," + alert("Confirm border posts")
                + "\n4,PT0S,MANUAL,,MESSAGE,CMC director,UZB,NONE,Alerting,,," + alert("Reminder: confirm posts")
                + "\n5,PT1M,AFTER_DELAY,2,MESSAGE,KGZ MFA,KGZ,NONE,,,," + alert("Follow-up") + "\n";
        var imported = ExerciseFixtures.postCsv(port, "/api/v1/exercises/" + id + "/injects", director, csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(inject(api, director, id, 1).get("status").asString()).isEqualTo("PLANNED");

        clock.stopAt(clock.instant());
        var started = api.post("/api/v1/exercises/" + id + "/clock", director, Map.of("action", "start", "rate", 60));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(inject(api, director, id, 1).get("status").asString()).isEqualTo("SCHEDULED");

        clock.advance(Duration.ofSeconds(1)); // exercise time PT1M: the report is due, nothing else
        await("inject 1 delivered").atMost(INJECT_POLLING).until(() -> delivered(api, director, id, 1));
        assertThat(inject(api, director, id, 2).get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(inject(api, director, id, 1).get("deliveredAtExerciseTime").asString()).isEqualTo("PT1M");
        assertThat(jdbc.sql("SELECT count(*) FROM report WHERE exercise_id = :id AND title = 'Shots at Batken'")
                .param("id", UUID.fromString(id)).query(Long.class).single()).as("an exercise record").isEqualTo(1);
        assertThat(titles(api.get("/api/v1/incidents", kgz).json())).doesNotContain("Shots at Batken");

        clock.advance(Duration.ofSeconds(1)); // PT2M: the alert to KGZ
        await("inject 2 delivered").atMost(INJECT_POLLING).until(() -> delivered(api, director, id, 2));
        String alertId = inject(api, director, id, 2).get("deliveredRef").asString().substring("alert:".length());
        clock.advance(Duration.ofMillis(500)); // the KGZ officer acknowledges 30 s of exercise time later
        var ack = api.post("/api/v1/alerts/" + alertId + "/ack?exercise=" + id, kgz, Map.of());
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);

        clock.advance(Duration.ofMillis(500)); // PT3M: the alert to UZB; nobody will acknowledge it
        await("inject 3 delivered").atMost(INJECT_POLLING).until(() -> delivered(api, director, id, 3));
        await("inject 5 delivered a minute after inject 2").atMost(INJECT_POLLING)
                .until(() -> delivered(api, director, id, 5));
        assertThat(inject(api, director, id, 4).get("status").asString()).isEqualTo("PLANNED");

        clock.advance(Duration.ofSeconds(5)); // PT8M: inject 3's deadline passed: its contingency fires
        await("contingency inject 4 delivered").atMost(INJECT_POLLING).until(() -> delivered(api, director, id, 4));
        assertThat(inject(api, director, id, 3).get("contingencyFired").asBoolean()).isTrue();

        await("the acknowledgement is measured").atMost(INJECT_POLLING).until(() -> evaluation(api, director, id, 2)
                .get("secondsToAcknowledge").isNumber());
        JsonNode two = evaluation(api, director, id, 2);
        assertThat(two.get("secondsToAcknowledge").asLong()).isEqualTo(30);
        assertThat(two.get("acknowledgedBy").asString()).isEqualTo("kgz.officer");
        assertThat(two.get("secondsToExpectedAction").asLong()).isEqualTo(30);
        assertThat(two.get("missed").asBoolean()).isFalse();
        JsonNode three = evaluation(api, director, id, 3);
        assertThat(three.get("missed").asBoolean()).isTrue();
        assertThat(three.get("contingencyFired").asBoolean()).isTrue();
        JsonNode evaluation = api.get("/api/v1/exercises/" + id + "/evaluation", director).json();
        JsonNode alerting = objective(evaluation, "Alerting");
        assertThat(alerting.get("met").asInt()).isEqualTo(1);
        assertThat(alerting.get("missed").asInt()).isEqualTo(1);
        JsonNode kgzAudience = evaluation.get("trainingAudience").get(0);
        assertThat(kgzAudience.get("nation").asString()).isEqualTo("KGZ");
        assertThat(kgzAudience.get("acknowledgements").asInt()).isEqualTo(1);
        assertThat(kgzAudience.get("meanTimeToAcknowledge").asString()).isEqualTo("PT30S");
    }

    @Test
    void theClockLivesInTheDatabaseSoARestartedPollerCarriesOnAndDeliversNothingTwice() throws Exception {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        String id = ExerciseFixtures.plan(api, director, "RESTART DRILL " + UUID.randomUUID());
        StringBuilder csv = new StringBuilder(ExerciseFixtures.CSV_HEADER);
        for (int n = 1; n <= 6; n++) {
            csv.append(n).append(",PT").append(n).append("M,AT_TIME,,REPORT,KGZ border guard,KGZ,NONE,,,,")
                    .append(report("Restart report " + n)).append('\n');
        }
        assertThat(ExerciseFixtures.postCsv(port, "/api/v1/exercises/" + id + "/injects", director, csv.toString())
                .status()).isEqualTo(201);
        clock.stopAt(clock.instant());
        api.post("/api/v1/exercises/" + id + "/clock", director, Map.of("action", "start", "rate", 60));
        clock.advance(Duration.ofSeconds(2));
        await("injects 1 and 2 delivered").atMost(INJECT_POLLING).until(() -> delivered(api, director, id, 2));

        var paused = api.post("/api/v1/exercises/" + id + "/clock", director, Map.of("action", "pause")).json();
        assertThat(paused.get("state").asString()).isEqualTo("PAUSED");
        assertThat(paused.get("exerciseTime").asString()).isEqualTo("PT2M");
        clock.advance(Duration.ofMinutes(10)); // the node is down for ten minutes: exercise time stands still
        JsonNode stored = api.get("/api/v1/exercises/" + id + "/clock", director).json();
        assertThat(stored.get("exerciseTime").asString()).isEqualTo("PT2M");
        assertThat(jdbc.sql("SELECT clock_state || ' ' || clock_offset_ms FROM exercise WHERE id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single()).isEqualTo("PAUSED 120000");
        assertThat(inject(api, director, id, 3).get("status").asString()).isEqualTo("SCHEDULED");

        api.post("/api/v1/exercises/" + id + "/clock", director, Map.of("action", "resume"));
        clock.advance(Duration.ofSeconds(4)); // PT6M
        // A fresh poller over the same database (as after a restart) races the running one: each inject once.
        InjectPoller restarted = new InjectPoller(exerciseStore, deliveries, properties);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<?>[] polls = new Future<?>[3];
            for (int i = 0; i < polls.length; i++) {
                polls[i] = pool.submit(() -> {
                    go.await();
                    restarted.poll();
                    return null;
                });
            }
            go.countDown();
            for (Future<?> poll : polls) {
                poll.get();
            }
        } finally {
            pool.shutdownNow();
        }
        await("all six delivered").atMost(INJECT_POLLING).until(() -> delivered(api, director, id, 6));
        for (int n = 1; n <= 6; n++) {
            assertThat(inject(api, director, id, n).get("deliveries").asInt()).as("inject %d", n).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM report WHERE exercise_id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(6);
        assertThat(inject(api, director, id, 3).get("deliveredAtExerciseTime").asString()).isEqualTo("PT6M");
    }

    /** The incident search takes the context from the subject (ADR 0006): the player sees it only inside. */
    @Test
    void aDeliveredReportIsSeenInTheExerciseContextOnly() {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        String kgz = api.token("kgz.officer", PASSWORD);
        String id = ExerciseFixtures.plan(api, director, "CONTEXT " + UUID.randomUUID());
        assertThat(ExerciseFixtures.postCsv(port, "/api/v1/exercises/" + id + "/injects", director,
                ExerciseFixtures.CSV_HEADER + "1,PT0S,MANUAL,,REPORT,KGZ border guard,KGZ,NONE,,,,"
                        + report("Context report") + "\n").status()).isEqualTo(201);
        api.post("/api/v1/exercises/" + id + "/clock", director, Map.of("action", "start", "rate", 60));
        api.post("/api/v1/exercises/" + id + "/injects/1/actions", director, Map.of("action", "deliver"));

        assertThat(titles(api.get("/api/v1/incidents?exercise=" + id, kgz).json())).contains("Context report");
        assertThat(titles(api.get("/api/v1/incidents", kgz).json())).doesNotContain("Context report");
    }

    @Test
    void aTrackInjectIsOnTheExerciseMapOnlyWithTheExerciseSymbolContext() {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        String id = ExerciseFixtures.plan(api, director, "TRACKS " + UUID.randomUUID());
        String uid = "EX-TRACK-" + UUID.randomUUID();
        assertThat(ExerciseFixtures.postCsv(port, "/api/v1/exercises/" + id + "/injects", director,
                ExerciseFixtures.CSV_HEADER + "1,PT0S,MANUAL,,TRACK,KGZ border guard,KGZ,NONE,,,,"
                        + ExerciseFixtures.json("{\"callsign\":\"Smugglers\",\"uid\":\"" + uid
                        + "\",\"lat\":40.1,\"lon\":72.9,\"sidc\":\"SHGPUCI----\"}") + "\n").status())
                .isEqualTo(201);
        api.post("/api/v1/exercises/" + id + "/clock", director, Map.of("action", "start", "rate", 60));
        api.post("/api/v1/exercises/" + id + "/injects/1/actions", director, Map.of("action", "deliver"));

        Subject kgz = new Subject("kgz.officer", NationCode.of("KGZ"), Classification.SECRET,
                java.util.Set.of(Role.REPORTING_OFFICER));
        var inside = tracks.latest(kgz.inExercise(UUID.fromString(id))).stream()
                .filter(t -> t.uid().equals(uid)).toList();
        assertThat(inside).hasSize(1);
        assertThat(inside.get(0).displayedSidc()).isEqualTo("SKGPUCI----"); // hostile drawn as exercise "faker"
        assertThat(tracks.latest(kgz)).noneMatch(t -> t.uid().equals(uid));
    }

    private static boolean delivered(ApiClient api, String token, String exercise, int number) {
        return inject(api, token, exercise, number).get("status").asString().equals("DELIVERED");
    }

    private static JsonNode evaluation(ApiClient api, String token, String exercise, int number) {
        for (JsonNode measure : api.get("/api/v1/exercises/" + exercise + "/evaluation", token).json().get("injects")) {
            if (measure.get("number").asInt() == number) {
                return measure;
            }
        }
        throw new AssertionError("no measure for inject " + number);
    }

    private static JsonNode objective(JsonNode evaluation, String name) {
        for (JsonNode objective : evaluation.get("objectives")) {
            if (objective.get("objective").asString().equals(name)) {
                return objective;
            }
        }
        throw new AssertionError("no objective " + name);
    }

    private static java.util.List<String> titles(JsonNode page) {
        java.util.List<String> titles = new java.util.ArrayList<>();
        page.get("items").forEach(i -> titles.add(i.get("title").asString()));
        return titles;
    }
}
