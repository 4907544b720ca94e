package org.kalkan.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kalkan.council.CouncilFixtures.MEMBER_DELEGATES;
import static org.kalkan.council.CouncilFixtures.id;
import static org.kalkan.council.CouncilFixtures.position;
import static org.kalkan.council.CouncilFixtures.silenceDecision;
import static org.kalkan.council.CouncilFixtures.withMeasure;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/** An adopted decision activates the measures it names: recorded, audited and published for the modules that act. */
@KalkanTest
class MeasureActivationTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired CouncilEvents events;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theCatalogueListsThePreAgreedMeasures() {
        ApiClient api = new ApiClient(port);
        JsonNode measures = api.get("/api/v1/council/measures", token(api, "hun.observer")).json();
        assertThat(measures.valueStream().map(m -> m.get("code").asString()))
                .contains("RAISE_ALERT_LEVEL", "ACTIVATE_CRISIS_TEAM", "AUTHORISE_FORCE_SOURCING");
    }

    @Test
    void adoptionAtTheEndOfSilenceActivatesTheAlertLevelMeasure() {
        ApiClient api = new ApiClient(port);
        UUID crisis = UUID.fromString(CouncilFixtures.crisisForTheChair(api, port, "Alert level measure", ""));
        Instant deadline = clock.instant().plusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        var circulated = api.post("/api/v1/council/decisions", token(api, "council.chair"), withMeasure(
                silenceDecision("Raise the alert level", deadline),
                "RAISE_ALERT_LEVEL", Map.of("level", "3", "target", "REGION:Measure Test Region"),
                crisis.toString()));
        assertThat(circulated.status()).isEqualTo(201);
        String id = id(circulated);
        assertThat(activations(id)).as("nothing is activated before adoption").isZero();

        clock.advance(Duration.ofSeconds(31));
        awaitActivation(id);

        var stored = jdbc.sql("SELECT measure_code, parameters->>'level' AS level, crisis_id, activated_at "
                        + "FROM measure_activation WHERE decision_id = CAST(:id AS UUID)")
                .param("id", id)
                .query((rs, i) -> Map.of("code", rs.getString("measure_code"), "level", rs.getString("level"),
                        "crisis", rs.getObject("crisis_id", UUID.class),
                        "at", rs.getTimestamp("activated_at").toInstant()))
                .single();
        assertThat(stored).containsEntry("code", "RAISE_ALERT_LEVEL").containsEntry("level", "3")
                .containsEntry("crisis", crisis).containsEntry("at", deadline);

        JsonNode decision = api.get("/api/v1/council/decisions/" + id, token(api, "kgz.delegate")).json();
        JsonNode activation = decision.get("activations").get(0);
        assertThat(activation.get("measureCode").asString()).isEqualTo("RAISE_ALERT_LEVEL");
        assertThat(activation.get("parameters").get("level").asString()).isEqualTo("3");
        assertThat(Instant.parse(activation.get("activatedAt").asString())).isEqualTo(deadline);

        String registerNumber = decision.get("registerNumber").asString();
        assertThat(events.of(MeasureActivated.class)).anySatisfy(event -> {
            assertThat(event.decisionId().toString()).isEqualTo(id);
            assertThat(event.measureCode()).isEqualTo("RAISE_ALERT_LEVEL");
            assertThat(event.parameters()).containsEntry("level", "3");
            assertThat(event.crisisId()).isEqualTo(crisis);
            assertThat(event.registerNumber()).isEqualTo(registerNumber);
            assertThat(event.at()).isEqualTo(deadline);
        });
        assertThat(events.of(DecisionAdopted.class)).anySatisfy(event -> {
            assertThat(event.decisionId().toString()).isEqualTo(id);
            assertThat(event.measures()).extracting(MeasureOrder::code).containsExactly("RAISE_ALERT_LEVEL");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'MEASURE_ACTIVATED' AND target = :t")
                .param("t", "decision:" + id).query(Long.class).single()).isOne();
    }

    @Test
    void aConsensusDecisionAuthorisesForceSourcingForACrisis() {
        ApiClient api = new ApiClient(port);
        UUID crisis = UUID.fromString(CouncilFixtures.crisisForTheChair(api, port, "Force sourcing measure", ""));
        var draft = withMeasure(CouncilFixtures.consensusDecision("Authorise force sourcing"),
                "AUTHORISE_FORCE_SOURCING", Map.of(), crisis.toString());
        String id = id(api.post("/api/v1/council/decisions", token(api, "council.chair"), draft));
        MEMBER_DELEGATES.forEach(d -> api.post("/api/v1/council/decisions/" + id + "/positions", token(api, d),
                position("CONCUR", null)));

        JsonNode closed = api.post("/api/v1/council/decisions/" + id + "/close", token(api, "council.chair"),
                Map.of()).json();
        assertThat(closed.get("status").asString()).isEqualTo("ADOPTED");
        assertThat(closed.get("activations").get(0).get("measureCode").asString())
                .isEqualTo("AUTHORISE_FORCE_SOURCING");
        assertThat(closed.get("activations").get(0).get("crisisId").asString()).isEqualTo(crisis.toString());
        assertThat(events.of(MeasureActivated.class)).anySatisfy(event -> {
            assertThat(event.decisionId().toString()).isEqualTo(id);
            assertThat(event.measureCode()).isEqualTo("AUTHORISE_FORCE_SOURCING");
        });
    }

    @Test
    void aDecisionThatIsNotAdoptedActivatesNothing() {
        ApiClient api = new ApiClient(port);
        var draft = withMeasure(CouncilFixtures.consensusDecision("Refused team"), "ACTIVATE_CRISIS_TEAM",
                Map.of(), CouncilFixtures.crisisForTheChair(api, port, "Refused team", ""));
        String id = id(api.post("/api/v1/council/decisions", token(api, "council.chair"), draft));
        api.post("/api/v1/council/decisions/" + id + "/positions", token(api, "aze.delegate"),
                position("NON_CONCUR", "Not now."));
        api.post("/api/v1/council/decisions/" + id + "/close", token(api, "council.chair"), Map.of());
        assertThat(activations(id)).isZero();
    }

    private long activations(String id) {
        return jdbc.sql("SELECT count(*) FROM measure_activation WHERE decision_id = CAST(:id AS UUID)")
                .param("id", id).query(Long.class).single();
    }

    private void awaitActivation(String id) {
        await("activated by the scheduler").atMost(Duration.ofSeconds(5)).until(() -> activations(id) == 1);
    }

    private String token(ApiClient api, String username) {
        return CouncilFixtures.token(api, port, username);
    }
}
