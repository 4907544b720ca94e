package org.kalkan.force;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kalkan.force.ForceFixtures.PASSWORD;
import static org.kalkan.force.ForceFixtures.assertProblem;
import static org.kalkan.force.ForceFixtures.find;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
 * Issue 6 "done when", through the API: a planner states three requirements for a crisis and asks AZE and TUR;
 * their officers offer units (AZE's for its own territory only) or decline; the plan never sends the AZE unit
 * abroad and reports gaps with reasons; the plan goes to the Council, and on adoption the offers are ACTIVATED.
 */
@KalkanTest
class ForceGenerationTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPlanFromNationalOffersIsAdoptedByTheCouncilAndTheOffersAreActivated() {
        ApiClient api = new ApiClient(port);
        String planner = api.token("force.planner", PASSWORD);
        String crisis = find(api.get("/api/v1/crises", planner).json(),
                c -> c.get("title").asString().equals("Kura valley floods and unrest")).get("id").asString();
        String aze = api.token("aze.officer", PASSWORD);
        String tur = api.token("tur.officer", PASSWORD);
        Instant neededBy = clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        String engineers = ForceFixtures.requirement(api, planner, crisis, "ENGINEER", 2, 39.90, 41.27, "TUR",
                neededBy);
        String infantry = ForceFixtures.requirement(api, planner, crisis, "INFANTRY", 1, 40.68, 46.36, "AZE",
                neededBy);
        String cbrn = ForceFixtures.requirement(api, planner, crisis, "CBRN_DEFENCE", 1, 39.90, 41.27, "TUR",
                neededBy);

        for (String requirement : List.of(engineers, infantry, cbrn)) {
            var asked = api.post("/api/v1/forces/requirements/" + requirement + "/requests", planner,
                    Map.of("nations", List.of("AZE", "TUR")));
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
            assertThat(asked.json().valueStream().map(r -> r.get("status").asString())).containsOnly("REQUESTED");
        }
        assertProblem(api.post("/api/v1/forces/requirements/" + cbrn + "/requests", planner,
                Map.of("nations", List.of("AZE"))), 409);
        assertProblem(api.post("/api/v1/forces/requirements/" + cbrn + "/requests", aze,
                Map.of("nations", List.of("KAZ"))), 403);
        assertThat(api.get("/api/v1/forces/requests", aze).json().valueStream()
                .map(r -> r.get("requirementId").asString())).contains(engineers, infantry, cbrn);
        awaitAlert(api, aze, engineers, "ROUTINE");

        String azeUnit = ForceFixtures.unit(api, aze, "AZE 2nd Engineer-Infantry Battalion (home only)",
                List.of("ENGINEER", "INFANTRY"), 40.41, 49.87, true);
        String turUnit = ForceFixtures.unit(api, tur, "TUR 5th Engineer Regiment", List.of("ENGINEER"), 39.93,
                32.86, false);
        String azeForEngineers = offer(api, aze, engineers, "AZE", azeUnit);
        String azeForInfantry = offer(api, aze, infantry, "AZE", azeUnit);
        String turForEngineers = offer(api, tur, engineers, "TUR", turUnit);
        offer(api, tur, cbrn, "TUR", turUnit);
        assertProblem(api.post("/api/v1/forces/requirements/" + infantry + "/requests/AZE/offers", tur,
                Map.of("unitId", turUnit)), 403);
        assertThat(api.post("/api/v1/forces/requirements/" + infantry + "/requests/TUR/decline", tur,
                Map.of("reason", "No infantry available outside Türkiye this month.")).status()).isEqualTo(200);
        assertThat(find(api.get("/api/v1/forces/requirements/" + infantry + "/requests", planner).json(),
                r -> r.get("nation").asString().equals("TUR")).get("status").asString()).isEqualTo("DECLINED");
        assertThat(find(api.get("/api/v1/forces/requirements/" + engineers + "/requests", planner).json(),
                r -> r.get("nation").asString().equals("AZE")).get("status").asString()).isEqualTo("OFFERED");

        var computed = api.post("/api/v1/forces/sourcing-plans", planner, Map.of("crisisId", crisis,
                "timeLimitSeconds", 5));
        assertThat(computed.status()).as(computed.body()).isEqualTo(201);
        String planId = computed.json().get("id").asString();
        JsonNode plan = api.get("/api/v1/forces/sourcing-plans/" + planId, planner).json();
        assertThat(plan.get("status").asString()).isEqualTo("DRAFT");
        assertThat(plan.get("provenOptimal").asBoolean()).isTrue();
        assertThat(plan.get("assignments")).hasSize(2);
        assertThat(find(plan.get("assignments"), a -> a.get("unitId").asString().equals(azeUnit))
                .get("requirementId").asString()).as("the home-only unit stays in AZE").isEqualTo(infantry);
        assertThat(find(plan.get("assignments"), a -> a.get("unitId").asString().equals(turUnit))
                .get("requirementId").asString()).isEqualTo(engineers);
        JsonNode engineerGap = find(plan.get("gaps"), g -> g.get("requirementId").asString().equals(engineers));
        assertThat(engineerGap.get("missing").asInt()).isEqualTo(1);
        JsonNode cbrnGap = find(plan.get("gaps"), g -> g.get("requirementId").asString().equals(cbrn));
        assertThat(cbrnGap.get("reasons").toString()).contains("capability: no CBRN_DEFENCE");
        assertThat(plan.get("label").get("marking").asString()).isEqualTo("RESTRICTED // REL TO MEMBERS");

        assertProblem(api.post("/api/v1/forces/offers/" + azeForInfantry + "/status", aze,
                Map.of("status", "DEPLOYED")), 409);
        assertProblem(api.post("/api/v1/forces/sourcing-plans/" + planId + "/submission", aze, Map.of()), 403);
        var submitted = api.post("/api/v1/forces/sourcing-plans/" + planId + "/submission", planner, Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertProblem(api.post("/api/v1/forces/sourcing-plans/" + planId + "/submission", planner, Map.of()), 409);
        assertThat(offerStatus(api, planner, infantry, azeForInfantry)).isEqualTo("ACCEPTED");
        assertThat(offerStatus(api, planner, engineers, turForEngineers)).isEqualTo("ACCEPTED");
        assertThat(offerStatus(api, planner, engineers, azeForEngineers)).as("not used by the plan")
                .isEqualTo("OFFERED");

        Instant silenceEnds = clock.instant().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> underSilence = Map.of("procedure", "SILENCE", "silenceEndsAt", silenceEnds.toString());
        assertProblem(api.post("/api/v1/forces/sourcing-plans/" + planId + "/circulation", planner, underSilence),
                403);
        String chair = api.token("council.chair", PASSWORD);
        var circulated = api.post("/api/v1/forces/sourcing-plans/" + planId + "/circulation", chair, underSilence);
        assertThat(circulated.status()).as(circulated.body()).isEqualTo(201);
        String decision = circulated.json().get("decisionId").asString();
        JsonNode draft = api.get("/api/v1/council/decisions/" + decision, api.token("kaz.delegate", PASSWORD)).json();
        assertThat(draft.get("status").asString()).isEqualTo("UNDER_SILENCE");
        assertThat(draft.get("measures").toString()).contains("ACTIVATE_FORCES").contains(planId);
        assertThat(offerStatus(api, planner, infantry, azeForInfantry)).as("not before adoption")
                .isEqualTo("ACCEPTED");

        clock.advance(Duration.ofSeconds(61));
        assertThat(api.get("/api/v1/council/decisions/" + decision, chair).json().get("status").asString())
                .isEqualTo("ADOPTED");
        awaitStatus(api, planner, infantry, azeForInfantry, "ACTIVATED");
        assertThat(offerStatus(api, planner, engineers, turForEngineers)).isEqualTo("ACTIVATED");
        assertThat(offerStatus(api, planner, engineers, azeForEngineers)).isEqualTo("OFFERED");
        JsonNode adopted = api.get("/api/v1/forces/sourcing-plans/" + planId, planner).json();
        assertThat(adopted.get("status").asString()).isEqualTo("ADOPTED");
        assertThat(adopted.get("registerNumber").asString()).startsWith("JDC-");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'OFFER_ACTIVATED' AND target IN "
                        + "(:a, :b)").param("a", "offer:" + azeForInfantry).param("b", "offer:" + turForEngineers)
                .query(Long.class).single()).isEqualTo(2);

        assertProblem(api.post("/api/v1/forces/offers/" + azeForInfantry + "/status", tur,
                Map.of("status", "DEPLOYED")), 403);
        assertThat(api.post("/api/v1/forces/offers/" + azeForInfantry + "/status", aze,
                Map.of("status", "DEPLOYED")).json().get("status").asString()).isEqualTo("DEPLOYED");
        assertThat(api.post("/api/v1/forces/offers/" + turForEngineers + "/status", planner,
                Map.of("status", "DEPLOYED")).json().get("status").asString()).isEqualTo("DEPLOYED");
        assertThat(api.post("/api/v1/forces/offers/" + azeForInfantry + "/status", aze,
                Map.of("status", "RELEASED")).json().get("status").asString()).isEqualTo("RELEASED");
        assertProblem(api.post("/api/v1/forces/offers/" + azeForInfantry + "/status", aze,
                Map.of("status", "DEPLOYED")), 409);
    }

    @Test
    void aNationDeclinesWithAReasonAndThenTakesNoOffer() {
        ApiClient api = new ApiClient(port);
        String crisis = ForceFixtures.crisis(api, "Pipeline sabotage near Ganja");
        String planner = api.token("force.planner", PASSWORD);
        String aze = api.token("aze.officer", PASSWORD);
        String tur = api.token("tur.officer", PASSWORD);
        String requirement = ForceFixtures.askedOf(api, planner, crisis, "AZE", "MILITARY_POLICE", 40.68, 46.36,
                clock.instant().plus(Duration.ofDays(2)));
        awaitAlert(api, aze, requirement, "PRIORITY");
        String base = "/api/v1/forces/requirements/" + requirement + "/requests/";

        assertProblem(api.post(base + "TUR/decline", tur, Map.of("reason", "Not asked")), 404);
        assertProblem(api.post(base + "AZE/decline", tur, Map.of("reason", "For another nation")), 403);
        assertProblem(api.post(base + "AZE/decline", aze, Map.of("reason", " ")), 400);
        var declined = api.post(base + "AZE/decline", aze, Map.of("reason", "Military police committed at home."));
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.json().get("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.json().get("reason").asString()).isEqualTo("Military police committed at home.");
        assertProblem(api.post(base + "AZE/decline", aze, Map.of("reason", "Again")), 409);

        String unit = ForceFixtures.unit(api, aze, "AZE Military Police Company", List.of("MILITARY_POLICE"),
                40.41, 49.87, false);
        assertProblem(api.post(base + "AZE/offers", aze, Map.of("unitId", unit)), 409);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'FORCE_REQUEST_DECLINED' AND target = :t")
                .param("t", "requirement:" + requirement).query(Long.class).single()).isOne();
    }

    @Test
    void aPlanTheCouncilDoesNotAdoptGoesBackToTheChairWithItsOffersStillAccepted() {
        ApiClient api = new ApiClient(port);
        String crisis = ForceFixtures.crisis(api, "Border incident near Osh");
        String planner = api.token("force.planner", PASSWORD);
        String kgz = api.token("kgz.officer", PASSWORD);
        String requirement = ForceFixtures.askedOf(api, planner, crisis, "KGZ", "BORDER_SECURITY", 40.53, 72.80,
                clock.instant().plus(Duration.ofDays(6)));
        String unit = ForceFixtures.unit(api, kgz, "KGZ Border Guard Company", List.of("BORDER_SECURITY"), 42.87,
                74.59, true);
        String offer = offer(api, kgz, requirement, "KGZ", unit);
        String planId = api.post("/api/v1/forces/sourcing-plans", planner, Map.of("crisisId", crisis,
                "timeLimitSeconds", 5)).json().get("id").asString();
        api.post("/api/v1/forces/sourcing-plans/" + planId + "/submission", planner, Map.of());
        String chair = api.token("council.chair", PASSWORD);
        String decision = api.post("/api/v1/forces/sourcing-plans/" + planId + "/circulation", chair,
                Map.of("procedure", "CONSENSUS")).json().get("decisionId").asString();

        api.post("/api/v1/council/decisions/" + decision + "/positions", api.token("kaz.delegate", PASSWORD),
                Map.of("position", "NON_CONCUR", "statement", "Bilateral talks first."));
        assertThat(api.post("/api/v1/council/decisions/" + decision + "/close", chair, Map.of()).json()
                .get("status").asString()).isEqualTo("NOT_ADOPTED");

        // The force module hears of the refusal through the Council's event, after its transaction.
        JsonNode plan = await("the plan returns to SUBMITTED").atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/forces/sourcing-plans/" + planId, planner).json(),
                p -> p.get("status").asString().equals("SUBMITTED"));
        assertThat(plan.get("decisionId").isNull()).isTrue();
        assertThat(offerStatus(api, planner, requirement, offer)).isEqualTo("ACCEPTED");
        assertThat(api.post("/api/v1/forces/sourcing-plans/" + planId + "/circulation", chair,
                Map.of("procedure", "CONSENSUS")).status()).as("the chair may circulate it again").isEqualTo(201);
    }

    private static String offer(ApiClient api, String officer, String requirement, String nation, String unit) {
        var offered = api.post("/api/v1/forces/requirements/" + requirement + "/requests/" + nation + "/offers",
                officer, Map.of("unitId", unit));
        assertThat(offered.status()).as(offered.body()).isEqualTo(201);
        assertThat(offered.json().get("status").asString()).isEqualTo("OFFERED");
        return offered.json().get("id").asString();
    }

    private static String offerStatus(ApiClient api, String token, String requirement, String offer) {
        return find(api.get("/api/v1/forces/requirements/" + requirement + "/offers", token).json(),
                o -> o.get("id").asString().equals(offer)).get("status").asString();
    }

    private static void awaitStatus(ApiClient api, String token, String requirement, String offer, String status) {
        await("offer " + offer + " " + status).atMost(Duration.ofSeconds(10))
                .until(() -> offerStatus(api, token, requirement, offer), status::equals);
    }

    private static void awaitAlert(ApiClient api, String token, String requirement, String precedence) {
        JsonNode alert = await("an alert of the request for " + requirement).atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/alerts", token).json().valueStream()
                        .filter(a -> a.get("text").asString().contains(requirement)).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
        assertThat(alert.get("precedence").asString()).as("needed within 72 h: PRIORITY").isEqualTo(precedence);
    }
}
