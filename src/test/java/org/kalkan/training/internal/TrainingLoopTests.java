package org.kalkan.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.training.TrainingFixtures.PASSWORD;
import static org.kalkan.training.TrainingFixtures.label;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.kalkan.training.TrainingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The loops around training: a lesson whose remedy is training reaches the coordinator; a lapsed certification and
 * an expiring qualification are announced once (the poller reads the database); CP-SAT allocates an oversubscribed
 * session for the readiness gained.
 */
@KalkanTest
class TrainingLoopTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;
    @Autowired TrainingPoller poller;

    @AfterEach
    void reset() {
        clock.reset();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void aLessonWhoseRemedyIsTrainingBecomesARequirementTheCoordinatorAddressesWithACourse() {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);
        String evaluator = api.token("kaz.officer", PASSWORD);
        var exercise = api.post("/api/v1/exercises", director, Map.of("name", "LESSONS " + UUID.randomUUID(),
                "trainingAudience", List.of("KGZ"), "evaluatorUsers", List.of("kaz.officer"),
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS"))));
        String exerciseId = exercise.json().get("id").asString();
        var observation = api.post("/api/v1/exercises/" + exerciseId + "/observations", evaluator,
                Map.of("text", "EOD teams could not render safe the device within the hour"));
        assertThat(observation.status()).as(observation.body()).isEqualTo(201);
        var lesson = api.post("/api/v1/lessons", evaluator, Map.of("observationId",
                observation.json().get("id").asString(), "title", "EOD render-safe too slow"));
        String lessonId = lesson.json().get("id").asString();
        api.post("/api/v1/lessons/" + lessonId + "/status", evaluator, Map.of("status", "LESSON_IDENTIFIED",
                "version", 0));
        var remedial = api.post("/api/v1/lessons/" + lessonId + "/status", evaluator, Map.of("status",
                "REMEDIAL_ACTION", "remedialAction", "Train EOD teams in render-safe procedures", "owner",
                "training.coordinator", "dueOn", today().plusMonths(6).toString(), "remedy", "TRAINING",
                "version", 1));
        assertThat(remedial.status()).as(remedial.body()).isEqualTo(200);
        assertThat(remedial.json().get("remedy").asString()).isEqualTo("TRAINING");

        String coordinator = api.token("training.coordinator", PASSWORD);
        JsonNode requirement = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/v1/training/requirements?status=OPEN", coordinator).json().valueStream()
                        .filter(r -> r.get("lessonId").asString().equals(lessonId)).findFirst().orElse(null),
                r -> r != null);
        assertThat(requirement.get("remedialAction").asString()).contains("render-safe");
        var addressed = api.post("/api/v1/training/requirements/" + requirement.get("id").asString() + "/course",
                coordinator, Map.of("course", "EOD-101"));
        assertThat(addressed.status()).as(addressed.body()).isEqualTo(200);
        assertThat(addressed.json().get("status").asString()).isEqualTo("ADDRESSED");
        assertThat(api.post("/api/v1/training/requirements/" + requirement.get("id").asString() + "/course",
                api.token("aze.officer", PASSWORD), Map.of("course", "EOD-101")).status()).isEqualTo(403);
    }

    @Test
    void aLapsedCertificationIsAnnouncedOnceToTheNationAndTheForcePlanners() {
        ApiClient api = new ApiClient(port);
        String aze = api.token("aze.officer", PASSWORD);
        String unit = eodUnit(api, aze);
        LocalDate until = today(); // valid before today: it lapsed this morning (no clock moves, no other poller acts)
        var certified = api.post("/api/v1/training/unit-certifications", api.token("training.coordinator", PASSWORD),
                Map.of("unitId", unit, "capability", "EOD", "outcome", "CERTIFIED", "evaluatedOn",
                        today().minusDays(30).toString(), "validUntil", until.toString(),
                        "evidence", Map.of("criteria", List.of(Map.of("criterion", "Drill", "met", true)))));
        assertThat(certified.status()).as(certified.body()).isEqualTo(201);

        poller.poll(); // the scheduled poller may be first: either announces it, once
        String token = api.token("aze.officer", PASSWORD);
        String name = api.get("/api/v1/forces/units/" + unit, aze).json().get("name").asString();
        String expected = "unit " + name + " (AZE) for EOD expired on " + until; // named, never by its id
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/alerts", token).body()
                .contains(expected));
        poller.poll();
        String planner = api.token("force.planner", PASSWORD);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/alerts", planner).body()
                .contains(expected));
        String inbox = api.get("/api/v1/alerts", token).body();
        assertThat(inbox.indexOf(expected)).as("announced once").isEqualTo(inbox.lastIndexOf(expected));
    }

    @Test
    void theNationsManagersAreRemindedBeforeAQualificationExpires() {
        ApiClient api = new ApiClient(port);
        String coordinator = api.token("training.coordinator", PASSWORD);
        String aze = api.token("aze.officer", PASSWORD);
        String code = TrainingFixtures.code("SHORT");
        TrainingFixtures.publish(api, coordinator, TrainingFixtures.course(code, null, null, "P1M"));
        String person = TrainingFixtures.person(api, aze, "AZE", "Reminded Guliyeva", "SECRET", "3232", null,
                label("RESTRICTED", "AZE"));
        String session = TrainingFixtures.session(api, coordinator, code, today().toString(),
                today().plusDays(1).toString(), 2, Map.of());
        TrainingFixtures.nominate(api, aze, session, person);
        api.post("/api/v1/training/sessions/" + session + "/results", coordinator, Map.of("personId", person,
                "outcome", "PASSED"));

        poller.poll();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/alerts", aze).body()
                .contains("the " + code + " qualification of Reminded Guliyeva"));
    }

    @Test
    void anOversubscribedSessionIsAllocatedForTheReadinessGainedWithAReasonForEachRefusal() {
        ApiClient api = new ApiClient(port);
        String coordinator = api.token("training.coordinator", PASSWORD);
        String aze = api.token("aze.officer", PASSWORD);
        String code = TrainingFixtures.code("ALLOC");
        TrainingFixtures.publish(api, coordinator, TrainingFixtures.course(code, null, null, "P2Y"));
        String unit = eodUnit(api, aze);
        var billets = api.put("/api/v1/training/units/" + unit + "/billets", aze, List.of(Map.of("capability",
                "EOD", "qualification", code, "required", 1)));
        assertThat(billets.status()).as(billets.body()).isEqualTo(200);
        String early = TrainingFixtures.person(api, aze, "AZE", "Early Without Unit", "SECRET", "3232", null,
                label("RESTRICTED", "AZE"));
        String second = TrainingFixtures.person(api, aze, "AZE", "Second Without Unit", "SECRET", "3232", null,
                label("RESTRICTED", "AZE"));
        String needed = TrainingFixtures.person(api, aze, "AZE", "Needed In Unit", "SECRET", "3232", unit,
                label("RESTRICTED", "AZE"));
        String session = TrainingFixtures.session(api, coordinator, code, "2027-06-01", "2027-06-05", 2,
                Map.of("AZE", 2));
        for (String person : List.of(early, second, needed)) {
            TrainingFixtures.nominate(api, aze, session, person);
        }

        var computed = api.post("/api/v1/training/sessions/" + session + "/allocation", coordinator, Map.of());
        assertThat(computed.status()).as(computed.body()).isEqualTo(200);
        JsonNode allocation = computed.json();
        assertThat(allocation.get("applied").asBoolean()).isFalse();
        assertThat(allocation.get("seated").toString()).contains(needed).contains(early).doesNotContain(second);
        assertThat(allocation.get("readinessGained").asInt()).isEqualTo(110);
        JsonNode refused = allocation.get("refused").get(0);
        assertThat(refused.get("personId").asString()).isEqualTo(second);
        assertThat(refused.get("reason").asString()).contains("quota of AZE");
        var applied = api.post("/api/v1/training/sessions/" + session + "/allocation", coordinator,
                Map.of("apply", true));
        assertThat(applied.json().get("applied").asBoolean()).isTrue();
        Map<String, String> status = new HashMap<>();
        api.get("/api/v1/training/sessions/" + session + "/nominations", aze).json().forEach(n ->
                status.put(n.get("personId").asString(), n.get("status").asString()));
        assertThat(status).containsEntry(needed, "NOMINATED").containsEntry(early, "NOMINATED")
                .containsEntry(second, "WAITLISTED");
    }

    private static String eodUnit(ApiClient api, String aze) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "AZE EOD section " + UUID.randomUUID().toString().substring(0, 6));
        body.put("sidc", "SFGPUCE----");
        body.put("capabilities", List.of("EOD"));
        body.put("personnel", 12);
        body.put("noticeToMoveHours", 12);
        body.put("home", Map.of("lat", 40.41, "lon", 49.87));
        body.put("movementModes", List.of("ROAD"));
        body.put("caveats", Map.of());
        body.put("label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")));
        var created = api.post("/api/v1/forces/units", aze, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
