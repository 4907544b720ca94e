package org.kalkan.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.exercise.ExerciseFixtures.PASSWORD;
import static org.kalkan.exercise.ExerciseFixtures.alert;
import static org.kalkan.exercise.ExerciseFixtures.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation measures what players did from the events themselves, not from evaluators' records: a crisis
 * opened on the incident an inject delivered, an RFI answered, a report filed inside the exercise. An exercise
 * objective names the training objectives it tests.
 */
@KalkanTest
class MeasuredPlayerActionsTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void reset() {
        ExerciseFixtures.endRunningExercises(jdbc);
        clock.reset();
    }

    @Test
    void openingACrisisAnsweringAnRfiAndFilingAReportAreMeasuredFromTheirEvents() {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        var planned = api.post("/api/v1/exercises", director, Map.of("name", "MEASURED " + UUID.randomUUID(),
                "trainingAudience", List.of("AZE", "KGZ"), "objectives", List.of("Crisis response", "Reporting"),
                "evaluatorUsers", List.of("kaz.officer"),
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS"))));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        String id = planned.json().get("id").asString();
        String csv = ExerciseFixtures.CSV_HEADER
                + "1,PT1M,AT_TIME,,REPORT,AZE police,AZE,OPEN_CRISIS,Crisis response,,PT1H," + report("Blast at depot")
                + "\n2,PT1M,AT_TIME,,ALERT,CMC watch,KGZ,ANSWER_RFI,Crisis response,,PT1H," + alert("Expect an RFI")
                + "\n3,PT1M,AT_TIME,,ALERT,CMC watch,KGZ,FILE_REPORT,Reporting,,PT1H," + alert("Report what you see")
                + "\n";
        assertThat(ExerciseFixtures.postCsv(port, "/api/v1/exercises/" + id + "/injects", director, csv).status())
                .isEqualTo(201);
        clock.stopAt(clock.instant());
        api.post("/api/v1/exercises/" + id + "/clock", director, Map.of("action", "start", "rate", 60));
        clock.advance(Duration.ofSeconds(2));
        ExerciseFixtures.eventually("injects delivered", () -> api.get("/api/v1/exercises/" + id + "/injects",
                director).json().valueStream().allMatch(i -> i.get("status").asString().equals("DELIVERED")));
        String incident = ExerciseFixtures.inject(api, director, id, 1).get("deliveredRef").asString()
                .replaceAll(".*incident:([0-9a-f-]{36}).*", "$1");

        String manager = api.token("cmc.director", PASSWORD);
        var crisis = api.post("/api/v1/crises?exercise=" + id, manager, Map.of("title", "Depot blast",
                "incidentIds", List.of(incident), "label", Map.of("classification", "RESTRICTED",
                        "releasableTo", List.of("MEMBERS")), "team", Map.of("nations", List.of("KGZ"))));
        assertThat(crisis.status()).as(crisis.body()).isEqualTo(201);
        String crisisId = crisis.json().get("id").asString();
        var rfi = api.post("/api/v1/crises/" + crisisId + "/rfis?exercise=" + id, manager, Map.of("question",
                "What do your border posts see?", "addressedTo", List.of("KGZ"),
                "deadline", Instant.now().plus(Duration.ofDays(1)).toString()));
        assertThat(rfi.status()).as(rfi.body()).isEqualTo(201);
        String kgz = api.token("kgz.officer", PASSWORD);
        var answer = api.post("/api/v1/crises/" + crisisId + "/rfis/" + rfi.json().get("id").asString()
                + "/answers?exercise=" + id, kgz, Map.of("text", "Nothing unusual at Batken."));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var filed = api.post("/api/v1/reports?exercise=" + id, kgz, Map.of("category", "BORDER_INCIDENT",
                "title", "Vehicles at the border", "narrative", "Two trucks", "observedAt", clock.instant().toString(),
                "location", Map.of("lat", 40.0, "lon", 72.8), "severity", 2, "confidence", "PROBABLE",
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS"))));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode injects = api.get("/api/v1/exercises/" + id + "/evaluation", director).json().get("injects");
            assertThat(injects.get(0).get("actedBy").asString()).isEqualTo("cmc.director");
            assertThat(injects.get(1).get("actedBy").asString()).isEqualTo("kgz.officer");
            assertThat(injects.get(2).get("actedBy").asString()).isEqualTo("kgz.officer");
        });
        JsonNode evaluation = api.get("/api/v1/exercises/" + id + "/evaluation", director).json();
        assertThat(evaluation.get("injects").valueStream().noneMatch(i -> i.get("missed").asBoolean())).isTrue();
        assertThat(evaluation.get("timeline").toString()).contains("OPEN_CRISIS by cmc.director")
                .contains("ANSWER_RFI by kgz.officer").contains("FILE_REPORT by kgz.officer")
                .doesNotContain("FILE_REPORT by exercise.director");
    }

    @Test
    void anExerciseObjectiveNamesTheTrainingObjectivesItTestsAndOnlyExistingOnes() {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        String id = ExerciseFixtures.plan(api, director, "OBJECTIVES " + UUID.randomUUID());

        var named = ExerciseFixtures.put(port, "/api/v1/exercises/" + id + "/training-objectives", director,
                Map.of("objective", "Report handling", "trainingObjectives", List.of("EOD-101.2", "eod-101.1")));
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(named.json().get("trainingObjectives").toString()).isEqualTo("[\"EOD-101.2\",\"EOD-101.1\"]");
        var unknown = ExerciseFixtures.put(port, "/api/v1/exercises/" + id + "/training-objectives", director,
                Map.of("objective", "Report handling", "trainingObjectives", List.of("EOD-101.9")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("EOD-101.9");
        JsonNode objectives = api.get("/api/v1/exercises/" + id + "/evaluation", director).json().get("objectives");
        JsonNode reportHandling = objectives.valueStream().filter(o -> o.get("objective").asString()
                .equals("Report handling")).findFirst().orElseThrow();
        assertThat(reportHandling.get("trainingObjectives").toString()).contains("EOD-101.1");
    }
}
