package org.kalkan.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.training.TrainingFixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Unit certification gates force sourcing: a unit whose EOD certification expired before the needed date is not
 * sourced for a requirement that asks for certification, and the gap says why; after recertification it is.
 */
@KalkanTest
class CertificationGatingTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;

    ApiClient api;
    String coordinator;
    String aze;
    String planner;

    @Autowired JdbcClient jdbc;

    @AfterEach
    void reset() {
        jdbc.sql("UPDATE exercise SET status = 'ENDED', clock_state = 'STOPPED' WHERE status = 'RUNNING'").update();
        clock.reset();
    }

    @BeforeEach
    void tokens() {
        api = new ApiClient(port);
        coordinator = api.token("training.coordinator", PASSWORD);
        aze = api.token("aze.officer", PASSWORD);
        planner = api.token("force.planner", PASSWORD);
    }

    private String eodUnit() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "AZE EOD team " + UUID.randomUUID().toString().substring(0, 6));
        body.put("sidc", "SFGPUCE----");
        body.put("capabilities", List.of("EOD"));
        body.put("personnel", 30);
        body.put("noticeToMoveHours", 12);
        body.put("home", Map.of("lat", 40.41, "lon", 49.87));
        body.put("movementModes", List.of("ROAD"));
        body.put("standingPool", true);
        body.put("caveats", Map.of());
        body.put("label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")));
        var created = api.post("/api/v1/forces/units", aze, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private ApiClient.Response certify(String unit, String validUntil) {
        return api.post("/api/v1/training/unit-certifications", coordinator, Map.of("unitId", unit,
                "capability", "EOD", "outcome", "CERTIFIED", "validUntil", validUntil, "evidence", Map.of(
                        "criteria", List.of(Map.of("criterion", "Render safe procedures", "met", true,
                                "evidence", "live drill")))));
    }

    private JsonNode plan(String crisis) {
        var plan = api.post("/api/v1/forces/sourcing-plans", planner, Map.of("crisisId", crisis));
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        return plan.json();
    }

    @Test
    void aUnitWhoseCertificationExpiredIsNotSourcedTheGapSaysWhyAndAfterRecertificationItIs() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate expires = today.plusDays(60);
        String unit = eodUnit();
        var certified = certify(unit, expires.toString());
        assertThat(certified.status()).as(certified.body()).isEqualTo(201);
        var crisis = api.post("/api/v1/crises", api.token("cmc.director", PASSWORD), Map.of("title",
                "EOD support " + UUID.randomUUID(), "label", Map.of("classification", "RESTRICTED", "releasableTo",
                        List.of("MEMBERS")), "team", Map.of("nations", List.of("UZB", "AZE"))));
        assertThat(crisis.status()).as(crisis.body()).isEqualTo(201);
        String crisisId = crisis.json().get("id").asString();
        var requirement = api.post("/api/v1/forces/requirements", planner, Map.of("crisisId", crisisId,
                "capability", "EOD", "quantity", 1, "location", Map.of("lat", 40.6, "lon", 47.1), "country", "AZE",
                "neededBy", today.plusDays(90).atStartOfDay(ZoneOffset.UTC).toInstant().toString(),
                "durationDays", 30, "certificationRequired", true,
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS"))));
        assertThat(requirement.status()).as(requirement.body()).isEqualTo(201);
        String requirementId = requirement.json().get("id").asString();
        assertThat(api.get("/api/v1/forces/requirements/" + requirementId, planner).body())
                .contains("\"certificationRequired\":true");
        api.post("/api/v1/forces/requirements/" + requirementId + "/requests", planner,
                Map.of("nations", List.of("AZE")));
        var offer = api.post("/api/v1/forces/requirements/" + requirementId + "/requests/AZE/offers", aze,
                Map.of("unitId", unit));
        assertThat(offer.status()).as(offer.body()).isEqualTo(201);

        JsonNode gapPlan = plan(crisisId);

        assertThat(gapPlan.get("assignments")).isEmpty();
        assertThat(gapPlan.get("gaps").get(0).get("reasons").toString())
                .contains("certification for EOD expired on " + expires);

        assertThat(certify(unit, today.plusYears(2).toString()).status()).isEqualTo(201);
        JsonNode sourced = plan(crisisId);

        assertThat(sourced.get("gaps")).isEmpty();
        assertThat(sourced.get("assignments").get(0).get("unitId").asString()).isEqualTo(unit);
        JsonNode board = api.get("/api/v1/training/readiness?date=" + today.plusDays(90), aze).json();
        JsonNode cell = board.valueStream().filter(c -> c.get("unitId").asString().equals(unit)).findFirst()
                .orElseThrow();
        assertThat(cell.get("capability").asString()).isEqualTo("EOD");
        assertThat(cell.get("state").asString()).isEqualTo("READY");
    }

    @Test
    void aCertificationNeedsEveryCriterionMetAndOnlyTheRightPeopleCertify() {
        String unit = eodUnit();
        LocalDate until = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(1);
        var unmet = api.post("/api/v1/training/unit-certifications", coordinator, Map.of("unitId", unit,
                "capability", "EOD", "outcome", "CERTIFIED", "validUntil", until.toString(), "evidence", Map.of(
                        "criteria", List.of(Map.of("criterion", "Render safe procedures", "met", true),
                                Map.of("criterion", "Robot serviceable", "met", false)))));
        assertThat(unmet.status()).as(unmet.body()).isEqualTo(409);
        assertThat(unmet.json().get("errors").toString()).contains("evidence.criteria[1]")
                .contains("Robot serviceable");
        var foreign = api.post("/api/v1/training/unit-certifications", api.token("tur.officer", PASSWORD),
                Map.of("unitId", unit, "capability", "EOD", "outcome", "CERTIFIED", "validUntil", until.toString(),
                        "evidence", Map.of("criteria", List.of(Map.of("criterion", "x", "met", true)))));
        assertThat(foreign.status()).isEqualTo(403);
        var wrongCapability = api.post("/api/v1/training/unit-certifications", coordinator, Map.of("unitId", unit,
                "capability", "MEDICAL", "outcome", "NOT_CERTIFIED"));
        assertThat(wrongCapability.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/training/units/" + unit + "/certifications", aze).json()).isEmpty();
    }

    @Test
    void anExerciseEvaluationCertifiesAUnitThatTookPartItsObjectivesBecomingTheCriteria() {
        String unit = eodUnit();
        String other = eodUnit();
        String director = api.token("exercise.director", PASSWORD);
        var planned = api.post("/api/v1/exercises", director, Map.of("name", "EOD EVALUATION " + UUID.randomUUID(),
                "trainingAudience", List.of("AZE"), "objectives", List.of("EOD response"),
                "evaluatorUsers", List.of("kaz.officer"), "participatingUnits", List.of(unit),
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS"))));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        String exercise = planned.json().get("id").asString();
        var inject = api.post("/api/v1/exercises/" + exercise + "/injects", director, Map.of("number", 1, "at", "PT1M",
                "kind", "ALERT", "from", "CMC watch", "to", List.of("AZE"), "expectedAction", "ACKNOWLEDGE_ALERT",
                "objective", "EOD response", "deadline", "PT1H",
                "content", Map.of("text", "Suspected IED at the depot", "precedence", "IMMEDIATE")));
        assertThat(inject.status()).as(inject.body()).isEqualTo(201);
        clock.stopAt(clock.instant());
        api.post("/api/v1/exercises/" + exercise + "/clock", director, Map.of("action", "start", "rate", 60));
        clock.advance(Duration.ofSeconds(2));
        String alert = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/exercises/"
                + exercise + "/injects", director).json().get(0).path("deliveredRef").asString(""),
                ref -> ref.startsWith("alert:")).substring("alert:".length());
        assertThat(api.post("/api/v1/alerts/" + alert + "/ack?exercise=" + exercise, aze, Map.of()).status())
                .isEqualTo(200);
        String evaluator = api.token("kaz.officer", PASSWORD);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/exercises/" + exercise
                + "/evaluation", evaluator).json().get("objectives").get(0).get("met").asInt() == 1);
        String until = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(1).toString();
        Map<String, Object> fromExercise = Map.of("unitId", unit, "capability", "EOD", "outcome", "CERTIFIED",
                "validUntil", until, "evidence", Map.of("exerciseId", exercise));

        var certified = api.post("/api/v1/training/unit-certifications", evaluator, fromExercise);

        assertThat(certified.status()).as(certified.body()).isEqualTo(201);
        JsonNode criterion = certified.json().get("criteria").get(0);
        assertThat(criterion.get("criterion").asString()).contains("objective EOD response");
        assertThat(criterion.get("met").asBoolean()).isTrue();
        assertThat(certified.json().get("exerciseId").asString()).isEqualTo(exercise);
        var notEvaluator = api.post("/api/v1/training/unit-certifications", api.token("tur.officer", PASSWORD),
                fromExercise);
        assertThat(notEvaluator.status()).isIn(403, 404);
        var notThere = api.post("/api/v1/training/unit-certifications", evaluator, Map.of("unitId", other,
                "capability", "EOD", "outcome", "CERTIFIED", "validUntil", until,
                "evidence", Map.of("exerciseId", exercise)));
        assertThat(notThere.status()).isEqualTo(400);
        assertThat(notThere.json().get("detail").asString()).contains("did not take part");
    }
}
