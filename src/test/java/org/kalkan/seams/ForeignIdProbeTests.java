package org.kalkan.seams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.seams.SeamActors.label;
import static org.kalkan.seams.SeamActors.refusal;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The probes behind {@link ForeignIdRuleTests}: for each id a request of council, force, exercise, notification or
 * crisis names, a record that exists but that the caller may not see is refused exactly like an id that names
 * nothing — the id is resolved through its owning module for the caller, and nothing is stored.
 */
@KalkanTest
class ForeignIdProbeTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private SeamActors actors;
    private ApiClient api;

    @BeforeEach
    void signIn() {
        actors = new SeamActors(port);
        api = actors.api();
    }

    /**
     * Sends the same request naming a hidden record and an absent one: both the same 404 (a refusal may repeat the id
     * the caller sent, never anything else about the record).
     */
    private void hiddenIsAbsent(String hidden, Function<String, ApiClient.Response> request) {
        String nothing = UUID.randomUUID().toString();
        ApiClient.Response seen = request.apply(hidden);
        ApiClient.Response absent = request.apply(nothing);
        assertThat(seen.status()).as(seen.body()).isEqualTo(404);
        assertThat(refusal(seen).replace(hidden, "<id>")).isEqualTo(refusal(absent).replace(nothing, "<id>"));
    }

    @Test
    void aConsultationTheChairCannotSeeIsNotFound() {
        var requested = api.post("/api/v1/council/consultations", actors.token("aze.delegate"), Map.of(
                "grounds", List.of("SECURITY"), "statement", "AZE eyes only", "label", label("SECRET", "AZE")));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        hiddenIsAbsent(requested.json().get("id").asString(), consultation -> {
            Map<String, Object> draft = SeamActors.consensusDraft("Answer it", label("RESTRICTED", "MEMBERS"));
            draft.put("consultationId", consultation);
            return api.post("/api/v1/council/decisions", actors.token("council.chair"), draft);
        });
    }

    @Test
    void anAlertNamingAnotherExerciseIsRefused() {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("text", "Smuggled into an exercise");
        alert.put("recipients", Map.of("users", List.of("kgz.officer")));
        alert.put("precedence", "ROUTINE");
        alert.put("label", label("RESTRICTED", "MEMBERS"));
        alert.put("exerciseId", UUID.randomUUID().toString());
        assertThat(api.post("/api/v1/alerts", actors.token("cmc.watch"), alert).status()).isEqualTo(400);
    }

    @Test
    void aRequirementForACrisisThePlannerCannotSeeIsNotFound() {
        String hidden = actors.crisis("Not on the planner's team", label("RESTRICTED", "MEMBERS"), List.of(),
                List.of("AZE"), "");
        hiddenIsAbsent(hidden, crisis -> api.post("/api/v1/forces/requirements", actors.token("force.planner"),
                Map.of("crisisId", crisis, "capability", "ENGINEER", "quantity", 1, "location",
                        Map.of("lat", 40.4, "lon", 49.9), "country", "AZE", "neededBy",
                        Instant.now().plusSeconds(86_400).toString(), "durationDays", 10,
                        "label", label("RESTRICTED", "MEMBERS"))));
    }

    @Test
    void requirementsAndPlansOfAHiddenCrisisAreEmpty() {
        String hidden = actors.crisis("Hidden from the officer", label("RESTRICTED", "MEMBERS"), List.of(),
                List.of("AZE"), "");
        hiddenIsAbsent(hidden, crisis -> api.get("/api/v1/forces/requirements?crisisId=" + crisis,
                actors.token("tur.officer")));
        hiddenIsAbsent(hidden, crisis -> api.get("/api/v1/forces/sourcing-plans?crisisId=" + crisis,
                actors.token("tur.officer")));
    }

    @Test
    void aPlanOfAHiddenCrisisOrRequirementIsNotFound() {
        String planner = actors.token("force.planner");
        String hidden = actors.crisis("Hidden from the planner", label("RESTRICTED", "MEMBERS"), List.of(),
                List.of("AZE"), "");
        hiddenIsAbsent(hidden, crisis -> api.post("/api/v1/forces/sourcing-plans", planner, Map.of("crisisId",
                crisis, "timeLimitSeconds", 1)));
        String crisis = actors.councilCrisis("Requirement above the planner", "");
        var requirement = api.post("/api/v1/forces/requirements", actors.token("force.planner"), Map.of(
                "crisisId", crisis, "capability", "ENGINEER", "quantity", 1, "location",
                Map.of("lat", 40.4, "lon", 49.9), "country", "KGZ", "neededBy",
                Instant.now().plusSeconds(86_400).toString(), "durationDays", 10,
                "label", label("SECRET", "UZB")));
        assertThat(requirement.status()).isEqualTo(201);
        // The only planner wrote it; no other planner exists, so read it as one who may not: the KGZ officer.
        hiddenIsAbsent(requirement.json().get("id").asString(), id -> api.get("/api/v1/forces/requirements/" + id,
                actors.token("kgz.officer")));
    }

    @Test
    void anOfferOfAUnitTheOfficerCannotSeeIsNotFound() {
        String unit = hiddenUnit();
        String crisis = actors.councilCrisis("Offer of a hidden unit", "");
        SeamActors.Plan plan = actors.plan(crisis, label("RESTRICTED", "MEMBERS"), false, Instant.now());
        hiddenIsAbsent(unit, id -> api.post("/api/v1/forces/requirements/" + plan.requirement()
                + "/requests/KGZ/offers", actors.token("kgz.officer"), Map.of("unitId", id)));
        hiddenIsAbsent(unit, id -> api.post("/api/v1/forces/requirements/" + plan.requirement() + "/offers",
                actors.token("kgz.officer"), Map.of("unitId", id)));
    }

    @Test
    void aMovementEstimateOfAHiddenUnitIsNotFound() {
        hiddenIsAbsent(hiddenUnit(), id -> api.get("/api/v1/forces/movement-estimates?unitId=" + id
                + "&to=41.3,69.2", actors.token("kgz.officer")));
    }

    @Test
    void anExerciseWithAUnitTheDirectorCannotSeeIsRefused() {
        hiddenIsAbsent(hiddenUnit(), unit -> api.post("/api/v1/exercises", actors.token("exercise.director"),
                Map.of("name", "UNIT PROBE " + UUID.randomUUID(), "trainingAudience", List.of("KGZ"),
                        "participatingUnits", List.of(unit), "label", label("RESTRICTED", "MEMBERS"))));
    }

    @Test
    void aLessonFromAnObservationOfAHiddenExerciseIsNotFound() {
        String director = actors.token("exercise.director");
        var exercise = api.post("/api/v1/exercises", director, Map.of("name", "KGZ EYES " + UUID.randomUUID(),
                "trainingAudience", List.of("KGZ"), "objectives", List.of("Alerting"),
                "label", label("SECRET", "KGZ")));
        assertThat(exercise.status()).as(exercise.body()).isEqualTo(201);
        var observed = api.post("/api/v1/exercises/" + exercise.json().get("id").asString() + "/observations",
                director, Map.of("objective", "Alerting", "text", "KGZ-only observation"));
        assertThat(observed.status()).as(observed.body()).isEqualTo(201);
        hiddenIsAbsent(observed.json().get("id").asString(), observation -> api.post("/api/v1/lessons",
                actors.token("kaz.officer"), Map.of("observationId", observation)));
    }

    @Test
    void aCrisisOpenedFromAnIncidentTheManagerCannotSeeIsNotFound() {
        Map<String, Object> report = new HashMap<>();
        report.put("category", "CYBER_ATTACK");
        report.put("title", "TUR eyes only intrusion");
        report.put("narrative", "Seen by TUR only.");
        report.put("observedAt", Instant.now().toString());
        report.put("location", Map.of("lat", 39.93, "lon", 32.86));
        report.put("severity", 3);
        report.put("confidence", "PROBABLE");
        report.put("label", label("SECRET", "TUR"));
        var filed = api.post("/api/v1/reports", actors.token("tur.officer"), report);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String incident = filed.json().get("incidentId").asString();
        String director = actors.token("cmc.director"); // AZE: may not read a SECRET // REL TO TUR incident
        hiddenIsAbsent(incident, id -> api.post("/api/v1/crises", director, Map.of("title", "From a hidden incident",
                "incidentIds", List.of(id), "label", label("SECRET", "AZE", "TUR"))));
        String crisis = actors.crisis("Attach a hidden incident", label("SECRET", "AZE", "TUR"), List.of(),
                List.of(), "");
        hiddenIsAbsent(incident, id -> api.post("/api/v1/crises/" + crisis + "/incidents", director,
                Map.of("incidentId", id)));
    }

    @Test
    void anInjectNamingACrisisOutsideItsExerciseIsNotDelivered() {
        String director = actors.token("exercise.director");
        String realCrisis = actors.crisis("Real crisis named by an inject", label("RESTRICTED", "MEMBERS"),
                List.of("exercise.director"), List.of(), "");
        var exercise = api.post("/api/v1/exercises", director, Map.of("name", "INJECT PROBE " + UUID.randomUUID(),
                "trainingAudience", List.of("KGZ"), "label", label("RESTRICTED", "MEMBERS")));
        String id = exercise.json().get("id").asString();
        var added = api.post("/api/v1/exercises/" + id + "/injects", director, Map.of("number", 1, "at", "PT0S",
                "start", "MANUAL", "kind", "ALERT", "from", "CMC", "to", List.of("KGZ"), "expectedAction", "NONE",
                "content", Map.of("text", "Escalate into the real crisis", "crisisId", realCrisis)));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/exercises/" + id + "/clock", director, Map.of("action", "start")).status())
                .isEqualTo(200);

        var delivered = api.post("/api/v1/exercises/" + id + "/injects/1/actions", director,
                Map.of("action", "deliver"));
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM alert WHERE crisis_id = CAST(:c AS UUID)").param("c", realCrisis)
                .query(Long.class).single()).isZero();
        api.post("/api/v1/exercises/" + id + "/clock", director, Map.of("action", "end"));
    }

    /** A unit of AZE labelled SECRET // REL TO AZE: no one of another nation may see it. */
    private String hiddenUnit() {
        Map<String, Object> unit = new HashMap<>();
        unit.put("name", "AZE Special Unit " + UUID.randomUUID().toString().substring(0, 6));
        unit.put("sidc", "SFGPUCI----");
        unit.put("capabilities", List.of("BORDER_SECURITY"));
        unit.put("personnel", 80);
        unit.put("noticeToMoveHours", 6);
        unit.put("home", Map.of("lat", 40.41, "lon", 49.87));
        unit.put("movementModes", List.of("ROAD"));
        unit.put("standingPool", false);
        unit.put("caveats", Map.of());
        unit.put("label", label("SECRET", "AZE"));
        var registered = api.post("/api/v1/forces/units", actors.token("aze.officer"), unit);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("id").asString();
    }
}
