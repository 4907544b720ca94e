package org.kalkan.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.council.CouncilFixtures.label;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A member requests consultations: logged, announced for a FLASH alert, and on the next session's agenda. */
@KalkanTest
class ConsultationTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired CouncilEvents events;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aMemberDelegateRequestsConsultationsPutOnTheNextSessionsAgenda() {
        var requested = api.post("/api/v1/council/consultations", token("aze.delegate"), Map.of(
                "grounds", List.of("TERRITORIAL_INTEGRITY", "SECURITY"),
                "statement", "Armed incursions across the northern border since 0400Z.",
                "label", label("SECRET", "MEMBERS")));
        assertThat(requested.status()).isEqualTo(201);
        JsonNode consultation = requested.json();
        String id = consultation.get("id").asString();
        assertThat(consultation.get("requestingNation").asString()).isEqualTo("AZE");
        assertThat(consultation.get("status").asString()).isEqualTo("OPEN");
        assertThat(consultation.get("label").get("marking").asString()).isEqualTo("SECRET // REL TO MEMBERS");

        JsonNode sessions = api.get("/api/v1/council/sessions", token("council.chair")).json();
        assertThat(sessions.valueStream().filter(s -> s.get("id").asString()
                .equals(consultation.get("sessionId").asString()))
                .flatMap(s -> s.get("agenda").valueStream()).map(a -> a.get("id").asString())).contains(id);

        assertThat(events.of(ConsultationRequested.class)).anySatisfy(event -> {
            assertThat(event.consultationId().toString()).isEqualTo(id);
            assertThat(event.requestingNation().value()).isEqualTo("AZE");
            assertThat(event.grounds()).containsExactlyInAnyOrder(ThreatGround.TERRITORIAL_INTEGRITY,
                    ThreatGround.SECURITY);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'CONSULTATION_REQUESTED' AND target = :t")
                .param("t", "consultation:" + id).query(Long.class).single()).isOne();
        assertThat(api.get("/api/v1/council/consultations/" + id, token("hun.observer")).status())
                .as("not released to observers").isEqualTo(404);
    }

    @Test
    void theNextScheduledSessionTakesTheRequest() {
        String chair = token("council.chair");
        var session = api.post("/api/v1/council/sessions", chair, Map.of("date", "2999-01-01",
                "label", label("RESTRICTED", "MEMBERS")));
        assertThat(session.status()).isEqualTo(201);
        var earlier = api.post("/api/v1/council/sessions", chair, Map.of("date", "2998-12-31",
                "label", label("RESTRICTED", "MEMBERS")));
        JsonNode consultation = api.post("/api/v1/council/consultations", token("kgz.delegate"), Map.of(
                "grounds", List.of("POLITICAL_INDEPENDENCE"), "statement", "Interference in the elections.",
                "label", label("CONFIDENTIAL", "MEMBERS"))).json();
        assertThat(java.time.LocalDate.parse(consultation.get("sessionDate").asString()))
                .as("the earliest session not yet held").isBeforeOrEqualTo(java.time.LocalDate.parse("2998-12-31"));
        assertThat(earlier.status()).isEqualTo(201);
    }

    @Test
    void onlyMemberDelegatesRequestConsultations() {
        Map<String, Object> request = Map.of("grounds", List.of("SECURITY"), "statement", "Threat.",
                "label", label("RESTRICTED", "ALL"));
        for (String user : new String[] {"hun.observer", "council.chair", "kaz.officer"}) {
            assertThat(api.post("/api/v1/council/consultations", token(user), request).status()).as(user)
                    .isEqualTo(403);
        }
    }

    @Test
    void aRequestWithoutGroundsOrStatementIsRefused() {
        String delegate = token("tur.delegate");
        assertThat(api.post("/api/v1/council/consultations", delegate, Map.of("grounds", List.of(),
                "statement", "x", "label", label("RESTRICTED", "ALL"))).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/council/consultations", delegate, Map.of("grounds", List.of("SECURITY"),
                "statement", " ", "label", label("RESTRICTED", "ALL"))).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/council/consultations", delegate, Map.of("grounds", List.of("HUNGER"),
                "statement", "x", "label", label("RESTRICTED", "ALL"))).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/council/consultations", delegate, Map.of("grounds", List.of("SECURITY"),
                "statement", "x", "label", label("RESTRICTED", "NATO"))).status()).isEqualTo(400);
    }

    @Test
    void theChairClosesAConsultationOnce() {
        String id = api.post("/api/v1/council/consultations", token("uzb.delegate"), Map.of(
                "grounds", List.of("SECURITY"), "statement", "Drone overflights.",
                "label", label("RESTRICTED", "ALL"))).json().get("id").asString();
        assertThat(api.post("/api/v1/council/consultations/" + id + "/close", token("uzb.delegate"), Map.of())
                .status()).isEqualTo(403);
        var closed = api.post("/api/v1/council/consultations/" + id + "/close", token("council.chair"), Map.of());
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(api.post("/api/v1/council/consultations/" + id + "/close", token("council.chair"), Map.of())
                .status()).isEqualTo(409);
    }

    private String token(String username) {
        return CouncilFixtures.token(api, port, username);
    }

    @Test
    void theCouncilApiIsInTheOpenApiDocument() {
        String document = api.get("/v3/api-docs", null).body();
        assertThat(document).contains("/api/v1/council/decisions/{id}/silence-breaks",
                "/api/v1/council/decisions/{id}/positions", "/api/v1/council/consultations", "/api/v1/council/register");
    }
}
