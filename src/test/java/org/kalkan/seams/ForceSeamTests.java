package org.kalkan.seams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.seams.SeamActors.DELEGATES;
import static org.kalkan.seams.SeamActors.label;
import static org.kalkan.seams.SeamActors.naming;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.ExerciseFixtures;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.kalkan.council.DecisionId;
import org.kalkan.council.MeasureActivated;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 12, finding 1 (and 11 for requirements), against a running node: a Council decision activates only the
 * sourcing plan circulated as that very decision, of its own context — an exercise decision naming a real plan, a
 * decision naming a DRAFT plan or one the chair may not read, or a crisis that does not exist, is refused and
 * activates nothing; and an offer on a hidden requirement never names that requirement.
 */
@KalkanTest
class ForceSeamTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;

    private SeamActors actors;
    private ApiClient api;
    private String chair;

    @BeforeEach
    void signIn() {
        actors = new SeamActors(port);
        api = actors.api();
        chair = actors.token("council.chair");
    }

    @Test
    void anExerciseDecisionNamingARealWorldPlanIsNotFoundAndActivatesNothing() {
        String realCrisis = actors.councilCrisis("Real border incident", "");
        SeamActors.Plan plan = actors.plan(realCrisis, label("RESTRICTED", "MEMBERS"), true, clock.instant());
        UUID exercise = ExerciseFixtures.steppeShield(jdbc, "SEAM SHIELD " + UUID.randomUUID());
        String inExercise = "?exercise=" + exercise;
        String exerciseCrisis = actors.councilCrisis("Exercise border incident", inExercise);

        var decision = api.post("/api/v1/council/decisions" + inExercise, chair, naming(SeamActors.consensusDraft(
                "EXERCISE: activate the real plan", label("RESTRICTED", "MEMBERS")), exerciseCrisis, "ACTIVATE_FORCES",
                Map.of("plan", plan.id())));
        var absent = api.post("/api/v1/council/decisions" + inExercise, chair, naming(SeamActors.consensusDraft(
                "EXERCISE: activate the real plan", label("RESTRICTED", "MEMBERS")), exerciseCrisis, "ACTIVATE_FORCES",
                Map.of("plan", UUID.randomUUID().toString())));

        assertThat(decision.status()).as(decision.body()).isEqualTo(404);
        assertThat(decision.body()).isEqualTo(absent.body()).doesNotContain(plan.id());
        assertThat(offerStatus(plan.offer())).isEqualTo("ACCEPTED");
        assertThat(planStatus(plan.id())).isEqualTo("SUBMITTED");
    }

    @Test
    void aDecisionNamingADraftPlanIsRefusedAndOneTheChairCannotReadIsNotFound() {
        String crisis = actors.councilCrisis("Flooding in the Fergana valley", "");
        SeamActors.Plan draft = actors.plan(crisis, label("RESTRICTED", "MEMBERS"), false, clock.instant());
        var refused = api.post("/api/v1/council/decisions", chair, naming(SeamActors.consensusDraft(
                "Activate a draft", label("RESTRICTED", "MEMBERS")), crisis, "ACTIVATE_FORCES",
                Map.of("plan", draft.id())));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(offerStatus(draft.offer())).isEqualTo("OFFERED");

        // Stated SECRET // REL TO UZB, KGZ (the planner's and the offering nation): the chair, of KAZ, may not read it.
        SeamActors.Plan hidden = actors.plan(crisis, label("SECRET", "UZB", "KGZ"), true, clock.instant());
        var unreadable = api.post("/api/v1/council/decisions", chair, naming(SeamActors.consensusDraft(
                "Activate a hidden plan", label("SECRET", "MEMBERS")), crisis, "ACTIVATE_FORCES",
                Map.of("plan", hidden.id())));
        var absent = api.post("/api/v1/council/decisions", chair, naming(SeamActors.consensusDraft(
                "Activate a hidden plan", label("SECRET", "MEMBERS")), crisis, "ACTIVATE_FORCES",
                Map.of("plan", UUID.randomUUID().toString())));
        assertThat(unreadable.status()).as(unreadable.body()).isEqualTo(404);
        assertThat(unreadable.body()).isEqualTo(absent.body());
        assertThat(offerStatus(hidden.offer())).isEqualTo("ACCEPTED");
        assertThat(planStatus(hidden.id())).isEqualTo("SUBMITTED");
    }

    @Test
    void aDecisionNamingACrisisThatDoesNotExistIsNotFound() {
        String crisis = actors.councilCrisis("Sabotage on the railway", "");
        SeamActors.Plan plan = actors.plan(crisis, label("RESTRICTED", "MEMBERS"), true, clock.instant());
        var refused = api.post("/api/v1/council/decisions", chair, naming(SeamActors.consensusDraft(
                "Activate against no crisis", label("RESTRICTED", "MEMBERS")), UUID.randomUUID().toString(),
                "ACTIVATE_FORCES", Map.of("plan", plan.id())));
        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(planStatus(plan.id())).isEqualTo("SUBMITTED");
    }

    @Test
    void onlyThePlanCirculatedAsTheAdoptedDecisionIsActivated() {
        String crisis = actors.councilCrisis("Landslide on the Osh road", "");
        SeamActors.Plan plan = actors.plan(crisis, label("RESTRICTED", "MEMBERS"), true, clock.instant());
        var decision = api.post("/api/v1/council/decisions", chair, naming(SeamActors.consensusDraft(
                "Activate the border guards", label("RESTRICTED", "MEMBERS")), crisis, "ACTIVATE_FORCES",
                Map.of("plan", plan.id())));
        assertThat(decision.status()).as(decision.body()).isEqualTo(201);
        assertThat(planStatus(plan.id())).as("reserved for this decision").isEqualTo("CIRCULATED");
        var second = api.post("/api/v1/council/decisions", chair, naming(SeamActors.consensusDraft(
                "Activate them twice", label("RESTRICTED", "MEMBERS")), crisis, "ACTIVATE_FORCES",
                Map.of("plan", plan.id())));
        assertThat(second.status()).as("a plan is before the Council once").isEqualTo(409);

        String id = decision.json().get("id").asString();
        DELEGATES.forEach(d -> api.post("/api/v1/council/decisions/" + id + "/positions", actors.token(d),
                Map.of("position", "CONCUR")));
        assertThat(api.post("/api/v1/council/decisions/" + id + "/close", chair, Map.of()).json().get("status")
                .asString()).isEqualTo("ADOPTED");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> "ACTIVATED".equals(offerStatus(plan.offer())));
    }

    @Test
    void forceActivationItselfRefusesAnExerciseMeasureNamingARealPlan() {
        // Where the reported activation happened: even if a measure reached it, an exercise decision (or one the
        // plan was not circulated as) changes no real offer.
        String crisis = actors.councilCrisis("Real flood", "");
        SeamActors.Plan plan = actors.plan(crisis, label("RESTRICTED", "MEMBERS"), true, clock.instant());
        UUID exercise = UUID.randomUUID();
        SecurityLabel members = SecurityLabel.of(Classification.RESTRICTED, "MEMBERS");
        transaction.executeWithoutResult(status -> events.publishEvent(new MeasureActivated(
                new DecisionId(UUID.randomUUID()), "EX-JDC-2026-0099", "ACTIVATE_FORCES", Map.of("plan", plan.id()),
                UUID.fromString(crisis), members, Instant.now(), exercise)));
        transaction.executeWithoutResult(status -> events.publishEvent(new MeasureActivated(
                new DecisionId(UUID.randomUUID()), "JDC-2026-0099", "ACTIVATE_FORCES", Map.of("plan", plan.id()),
                UUID.fromString(crisis), members, Instant.now(), null)));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM audit_log WHERE action = 'SOURCING_PLAN_ACTIVATION_REFUSED' AND target = :t")
                .param("t", "plan:" + plan.id()).query(Long.class).single() == 2);
        assertThat(offerStatus(plan.offer())).isEqualTo("ACCEPTED");
        assertThat(planStatus(plan.id())).isEqualTo("SUBMITTED");
    }

    @Test
    void anOfferOnARequirementTheCallerCannotReadIsNotFoundWithoutNamingTheRequirement() {
        String crisis = actors.councilCrisis("Hidden requirement", "");
        SeamActors.Plan plan = actors.plan(crisis, label("SECRET", "UZB", "KGZ"), false, clock.instant());
        var hidden = api.post("/api/v1/forces/offers/" + plan.offer() + "/status", actors.token("tur.officer"),
                Map.of("status", "DEPLOYED"));
        var absent = api.post("/api/v1/forces/offers/" + UUID.randomUUID() + "/status", actors.token("tur.officer"),
                Map.of("status", "DEPLOYED"));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(SeamActors.refusal(hidden)).isEqualTo(SeamActors.refusal(absent));
        assertThat(hidden.body()).doesNotContain(plan.requirement());
    }

    /** Low #12, the unit registry's import: a formula cell refuses its row, naming the column; nothing is stored. */
    @Test
    void aUnitImportWithAFormulaCellIsRefusedNamingTheColumnAndStoresNothing() {
        String header = "name,sidc,capabilities,personnel,noticeToMoveHours,homeLat,homeLon,movementModes,"
                + "availableFrom,availableTo,standingPool,allowedCountries,excludedCountries,excludedUses,"
                + "maxDeploymentDays,ownTerritoryOnly,classification,releasableTo\n";
        String clean = "UZB Engineers " + UUID.randomUUID().toString().substring(0, 8)
                + ",SFGPUCE----,ENGINEER,300,48,41.3,-69.2,ROAD,,,false,,,,,false,RESTRICTED,MEMBERS\n";
        String uzb = actors.token("uzb.officer");
        long before = units();
        for (String formula : java.util.List.of("=HYPERLINK(\"\"http://evil.example/\"\")", "+1+cmd|' /C calc'!A0",
                "-2+3", "@SUM(A1:A9)")) {
            String row = "\"" + formula + "\",SFGPUCI----,INFANTRY,10,1,41.3,69.2,ROAD,,,false,,,,,false,"
                    + "RESTRICTED,MEMBERS\n";
            var refused = api.postBytes("/api/v1/forces/units/import", uzb, "text/csv",
                    (header + clean + row).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(refused.status()).as(formula + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors")).as(refused.body()).hasSize(1);
            assertThat(refused.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
            assertThat(refused.json().get("errors").get(0).get("message").asString())
                    .startsWith("name starts with '" + formula.charAt(0) + "'");
            assertThat(units()).as("nothing stored, not even the clean row").isEqualTo(before);
        }
        var stored = api.postBytes("/api/v1/forces/units/import", uzb, "text/csv",
                (header + clean).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(stored.status()).as("a negative number is no formula: " + stored.body()).isEqualTo(201);
        assertThat(units()).isEqualTo(before + 1);
    }

    private long units() {
        return jdbc.sql("SELECT count(*) FROM force_unit").query(Long.class).single();
    }

    private String offerStatus(String offer) {
        return jdbc.sql("SELECT status FROM force_offer WHERE id = CAST(:id AS UUID)").param("id", offer)
                .query(String.class).single();
    }

    private String planStatus(String plan) {
        return jdbc.sql("SELECT status FROM force_plan WHERE id = CAST(:id AS UUID)").param("id", plan)
                .query(String.class).single();
    }
}
