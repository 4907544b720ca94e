package org.kalkan.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.exercise.ExerciseFixtures.PASSWORD;
import static org.kalkan.exercise.ExerciseFixtures.alert;
import static org.kalkan.exercise.ExerciseFixtures.report;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Planning, the MSEL import's all-or-nothing rule, who may do what, the AAR PDF, lessons, archive and purge. */
@KalkanTest
class ExerciseApiTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        ExerciseFixtures.endRunningExercises(jdbc);
        clock.reset();
    }

    @Test
    void theDemoNodeHasAPlannedExerciseAndTheShippedTwentyInjectMselImports() throws Exception {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        JsonNode demo = null;
        for (JsonNode x : api.get("/api/v1/exercises", director).json()) {
            if (x.get("name").asString().equals("STEPPE SHIELD 2026")) {
                demo = x;
            }
        }
        assertThat(demo).isNotNull();
        assertThat(demo.get("trainingAudience").toString()).isEqualTo("[\"KGZ\",\"UZB\"]");
        assertThat(api.get("/api/v1/exercises/" + demo.get("id").asString() + "/injects", director).json())
                .hasSize(6);

        String csv = new String(getClass().getResourceAsStream("/exercise/demo-msel.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String id = ExerciseFixtures.plan(api, director, "WALKTHROUGH " + UUID.randomUUID());
        var imported = ExerciseFixtures.postCsv(port, "/api/v1/exercises/" + id + "/injects", director, csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(20);
    }

    @Test
    void theDirectorEditsAPlanAtItsVersionAndAStaleVersionIsAConflict() {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        String id = ExerciseFixtures.plan(api, director, "EDIT " + UUID.randomUUID());
        Map<String, Object> edited = Map.of("name", "EDITED", "trainingAudience", List.of("KGZ", "UZB", "KAZ"),
                "startsOn", "2026-12-01", "endsOn", "2026-12-03", "phases", List.of("STARTEX", "ENDEX"),
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")), "version", 0);

        var response = ExerciseFixtures.put(port, "/api/v1/exercises/" + id, director, edited);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("trainingAudience")).hasSize(3);
        assertThat(response.json().get("startsOn").asString()).isEqualTo("2026-12-01");
        assertThat(ExerciseFixtures.put(port, "/api/v1/exercises/" + id, director, edited).status()).isEqualTo(409);
    }

    @Test
    void anEvaluatorRecordsAnExpectedActionNoEventReportsAndTheEvaluationCountsItAsMet() {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        String id = ExerciseFixtures.plan(api, director, "RECORDED " + UUID.randomUUID());
        ExerciseFixtures.postCsv(port, "/api/v1/exercises/" + id + "/injects", director, ExerciseFixtures.CSV_HEADER
                + "1,PT0S,MANUAL,,ALERT,CMC director,KGZ,OPEN_CRISIS,Alerting,,PT30M,"
                + alert("Open the crisis") + "\n");
        api.post("/api/v1/exercises/" + id + "/clock", director, Map.of("action", "start", "rate", 60));
        api.post("/api/v1/exercises/" + id + "/injects/1/actions", director, Map.of("action", "deliver"));

        var recorded = api.post("/api/v1/exercises/" + id + "/injects/1/player-actions",
                api.token("kaz.officer", PASSWORD), Map.of("action", "OPEN_CRISIS", "actor", "kgz.officer"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/exercises/" + id + "/injects/1/player-actions",
                api.token("kgz.officer", PASSWORD), Map.of("action", "OPEN_CRISIS", "actor", "kgz.officer"))
                .status()).as("a player does not grade themselves").isEqualTo(403);

        JsonNode measure = api.get("/api/v1/exercises/" + id + "/evaluation", director).json().get("injects").get(0);
        assertThat(measure.get("actedBy").asString()).isEqualTo("kgz.officer");
        assertThat(measure.get("missed").asBoolean()).isFalse();
    }

    @Test
    void theExerciseApiIsInTheOpenApiDocument() {
        var document = new ApiClient(port).get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("/api/v1/exercises/{id}/injects", "/api/v1/exercises/{id}/clock",
                "/api/v1/exercises/{id}/evaluation", "/api/v1/lessons");
    }

    @Test
    void onlyAnExerciseDirectorPlansAndTheRefusalIsAudited() {
        ApiClient api = new ApiClient(port);
        var refused = api.post("/api/v1/exercises", api.token("kgz.officer", PASSWORD), Map.of("name", "ROGUE",
                "trainingAudience", List.of("KGZ"), "label", Map.of("classification", "RESTRICTED",
                        "releasableTo", List.of("MEMBERS"))));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = 'kgz.officer' AND action = 'EXERCISE' "
                + "AND outcome = 'DENIED'").query(Long.class).single()).isPositive();
    }

    @Test
    void aPlanIsCheckedBeforeAnythingIsStored() {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        var unknownNation = api.post("/api/v1/exercises", director, Map.of("name", "X",
                "trainingAudience", List.of("XXX"), "label", Map.of("classification", "RESTRICTED",
                        "releasableTo", List.of("MEMBERS"))));
        var noLabel = api.post("/api/v1/exercises", director, Map.of("name", "X", "trainingAudience", List.of("KGZ")));

        assertThat(unknownNation.status()).isEqualTo(400);
        assertThat(unknownNation.json().get("detail").asString()).contains("XXX");
        assertThat(noLabel.status()).isEqualTo(400);
    }

    @Test
    void theTrainingAudienceEntersTheContextAndOthersAreRefused() {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        String id = ExerciseFixtures.plan(api, director, "ENTRY " + UUID.randomUUID());

        assertThat(api.get("/api/v1/alerts?exercise=" + id, api.token("uzb.officer", PASSWORD)).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/alerts?exercise=" + id, api.token("kaz.officer", PASSWORD)).status())
                .as("an evaluator").isEqualTo(200);
        var stranger = api.get("/api/v1/alerts?exercise=" + id, api.token("tur.officer", PASSWORD));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.contentType()).startsWith("application/problem+json");
        // players do not read the MSEL: what is coming stays with EXCON and the evaluators
        assertThat(api.get("/api/v1/exercises/" + id + "/injects", api.token("uzb.officer", PASSWORD)).status())
                .isEqualTo(403);
    }

    @Test
    void aCsvWithABadRowIsRefusedWithTheRowAndNothingIsStored() {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        String id = ExerciseFixtures.plan(api, director, "BAD CSV " + UUID.randomUUID());
        String csv = ExerciseFixtures.CSV_HEADER
                + "1,PT1M,AT_TIME,,REPORT,KGZ border guard,KGZ,NONE,,,," + report("Fine") + "\n"
                + "2,soon,AT_TIME,,ALERT,CMC,KGZ,ACKNOWLEDGE_ALERT,,,," + alert("Bad time") + "\n"
                + "3,PT3M,AT_TIME,,ALERT,CMC,TUR,NONE,,,," + alert("Not in the audience") + "\n"
                + "4,PT4M,AT_TIME,,REPORT,CMC,KGZ,NONE,,,,\"{\"\"title\"\":\"\"no location\"\"}\"\n";

        var response = ExerciseFixtures.postCsv(port, "/api/v1/exercises/" + id + "/injects", director, csv);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(2);
        assertThat(errors.get(0).get("message").asString()).contains("at");
        assertThat(errors.get(1).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(1).get("message").asString()).contains("TUR");
        assertThat(errors.get(2).get("row").asInt()).isEqualTo(4);
        assertThat(api.get("/api/v1/exercises/" + id + "/injects", director).json()).isEmpty();
    }

    @Test
    void anInjectIsAddedAsJsonAndTheMselExportsAsCsvThatImportsAgain() {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        String id = ExerciseFixtures.plan(api, director, "JSON " + UUID.randomUUID());
        var created = api.post("/api/v1/exercises/" + id + "/injects", director, Map.of("number", 1, "at", "PT1M",
                "kind", "REPORT", "from", "KGZ border guard", "to", List.of("KGZ"), "expectedAction", "FREE_TEXT",
                "content", Map.of("category", "BORDER_INCIDENT", "title", "Crossing forced", "narrative", "…",
                        "location", Map.of("lat", 40.1, "lon", 71.5), "severity", 4, "confidence", "CONFIRMED")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("PLANNED");

        String csv = new String(ExerciseFixtures.download(port, "/api/v1/exercises/" + id + "/injects.csv",
                director));
        String other = ExerciseFixtures.plan(api, director, "COPY " + UUID.randomUUID());
        assertThat(ExerciseFixtures.postCsv(port, "/api/v1/exercises/" + other + "/injects", director, csv)
                .status()).isEqualTo(201);
        JsonNode copied = ExerciseFixtures.inject(api, director, other, 1);
        assertThat(copied.get("content").get("title").asString()).isEqualTo("Crossing forced");
        assertThat(copied.get("at").asString()).isEqualTo("PT1M");
    }

    @Test
    void theAfterActionReportIsMarkedAsAnExerciseOnEveryPage() throws Exception {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        String evaluator = api.token("kaz.officer", PASSWORD);
        String name = "AAR Çağrı " + UUID.randomUUID().toString().substring(0, 8);
        String id = ExerciseFixtures.plan(api, director, name);
        for (int i = 1; i <= 60; i++) {
            var observed = api.post("/api/v1/exercises/" + id + "/observations", evaluator, Map.of("objective",
                    "Alerting", "text", "Observation " + i + ": the watch took long to pass the alert to the "
                            + "duty officer; the contact list was out of date and phones were unanswered."));
            assertThat(observed.status()).as(observed.body()).isEqualTo(201);
        }

        byte[] pdf = ExerciseFixtures.download(port, "/api/v1/exercises/" + id + "/aar.pdf", director);
        Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("aar.pdf"), pdf);
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            assertThat(reader.getNumberOfPages()).isGreaterThan(1);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                String text = extractor.getTextFromPage(page);
                assertThat(text).as("page %d", page).contains("EXERCISE EXERCISE EXERCISE — " + name)
                        .contains("RESTRICTED // REL TO MEMBERS");
            }
        } finally {
            reader.close();
        }
        JsonNode json = api.get("/api/v1/exercises/" + id + "/aar.json", director).json();
        assertThat(json.get("exerciseMarking").asString()).isEqualTo("EXERCISE EXERCISE EXERCISE — " + name);
        assertThat(json.get("observations")).hasSize(60);
    }

    @Test
    void anObservationBecomesALessonLearnedInOneCallPerStepAndIsFoundBySearch() {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        String evaluator = api.token("kaz.officer", PASSWORD);
        String id = ExerciseFixtures.plan(api, director, "LESSONS " + UUID.randomUUID());
        String word = "zebra" + UUID.randomUUID().toString().substring(0, 6);
        String observation = api.post("/api/v1/exercises/" + id + "/observations", evaluator, Map.of(
                "objective", "Alerting", "text", "The " + word + " contact list was out of date")).json()
                .get("id").asString();

        JsonNode lesson = api.post("/api/v1/lessons", evaluator, Map.of("observationId", observation)).json();
        assertThat(lesson.get("status").asString()).isEqualTo("OBSERVATION");
        String lessonId = lesson.get("id").asString();
        var skipped = api.post("/api/v1/lessons/" + lessonId + "/status", evaluator, Map.of("status",
                "LESSON_LEARNED", "version", 0));
        assertThat(skipped.status()).isEqualTo(409);
        lesson = api.post("/api/v1/lessons/" + lessonId + "/status", evaluator, Map.of("status",
                "LESSON_IDENTIFIED", "version", 0)).json();
        lesson = api.post("/api/v1/lessons/" + lessonId + "/status", evaluator, Map.of("status", "REMEDIAL_ACTION",
                "remedialAction", "Monthly check of contact lists", "owner", "kgz.officer", "dueOn", "2027-01-31",
                "version", lesson.get("version").asInt())).json();
        assertThat(lesson.get("owner").asString()).isEqualTo("kgz.officer");
        lesson = api.post("/api/v1/lessons/" + lessonId + "/status", director, Map.of("status", "LESSON_LEARNED",
                "version", lesson.get("version").asInt())).json();
        assertThat(lesson.get("validatedBy").asString()).isEqualTo("exercise.director");

        JsonNode found = api.get("/api/v1/lessons?q=" + word + "&status=LESSON_LEARNED",
                api.token("uzb.officer", PASSWORD)).json();
        assertThat(found).hasSize(1);
        assertThat(api.get("/api/v1/lessons?q=" + word + "&status=OBSERVATION", evaluator).json()).isEmpty();
        assertThat(api.get("/api/v1/lessons?q=" + word, api.token("hun.observer", PASSWORD)).json())
                .as("not releasable to an observer nation").isEmpty();
    }

    @Test
    void archivingClosesTheContextAndPurgingDeletesTheExercisesRecordsInOneAuditedAction() {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        String kgz = api.token("kgz.officer", PASSWORD);
        String id = ExerciseFixtures.plan(api, director, "ARCHIVE " + UUID.randomUUID());
        assertThat(ExerciseFixtures.postCsv(port, "/api/v1/exercises/" + id + "/injects", director,
                ExerciseFixtures.CSV_HEADER + "1,PT1M,AT_TIME,,ALERT,CMC,KGZ,ACKNOWLEDGE_ALERT,,,,"
                        + alert("Archive me") + "\n").status()).isEqualTo(201);
        assertThat(api.get("/api/v1/alerts?exercise=" + id, kgz).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/exercises/" + id + "/archive", kgz, Map.of()).status()).isEqualTo(403);
        var archived = api.post("/api/v1/exercises/" + id + "/archive", director, Map.of());
        assertThat(archived.json().get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(api.get("/api/v1/alerts?exercise=" + id, kgz).status()).isEqualTo(403);

        var purged = api.post("/api/v1/exercises/" + id + "/purge", director, Map.of());
        assertThat(purged.json().get("status").asString()).isEqualTo("PURGED");
        assertThat(jdbc.sql("SELECT count(*) FROM exercise_inject WHERE exercise_id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'EXERCISE_PURGED' AND target = :t")
                .param("t", "exercise:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void excontrolHoldsDelaysAndCancelsInjectsAndDeliversByHand() {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        String id = ExerciseFixtures.plan(api, director, "EXCON " + UUID.randomUUID());
        StringBuilder csv = new StringBuilder(ExerciseFixtures.CSV_HEADER);
        for (int n = 1; n <= 3; n++) {
            csv.append(n).append(",PT").append(n).append("H,AT_TIME,,MESSAGE,CMC,KGZ,NONE,,,,")
                    .append(alert("Message " + n)).append('\n');
        }
        ExerciseFixtures.postCsv(port, "/api/v1/exercises/" + id + "/injects", director, csv.toString());
        String actions = "/api/v1/exercises/" + id + "/injects/";
        assertThat(api.post(actions + "1/actions", director, Map.of("action", "deliver")).status())
                .as("not before the clock starts").isEqualTo(409);
        api.post("/api/v1/exercises/" + id + "/clock", director, Map.of("action", "start", "rate", 1));

        JsonNode delivered = api.post(actions + "1/actions", director, Map.of("action", "deliver")).json();
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("deliveredRef").asString()).startsWith("alert:");
        JsonNode resent = api.post(actions + "1/actions", director, Map.of("action", "resend")).json();
        assertThat(resent.get("deliveries").asInt()).isEqualTo(2);
        assertThat(api.post(actions + "2/actions", director, Map.of("action", "hold")).json().get("held")
                .asBoolean()).isTrue();
        assertThat(api.post(actions + "2/actions", director, Map.of("action", "delay", "by", "PT30M")).json()
                .get("due").asString()).isEqualTo("PT2H30M");
        assertThat(api.post(actions + "3/actions", director, Map.of("action", "cancel")).json().get("status")
                .asString()).isEqualTo("CANCELLED");
        assertThat(api.post(actions + "3/actions", director, Map.of("action", "deliver")).status()).isEqualTo(409);
        assertThat(api.post(actions + "2/actions", api.token("kgz.officer", PASSWORD), Map.of("action", "deliver"))
                .status()).isEqualTo(403);
    }
}
