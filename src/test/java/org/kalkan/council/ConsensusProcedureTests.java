package org.kalkan.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.council.CouncilFixtures.MEMBER_DELEGATES;
import static org.kalkan.council.CouncilFixtures.consensusDecision;
import static org.kalkan.council.CouncilFixtures.id;
import static org.kalkan.council.CouncilFixtures.position;
import static org.kalkan.council.CouncilFixtures.status;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Consensus: every member takes one position; the chair closes. */
@KalkanTest
class ConsensusProcedureTests {

    @LocalServerPort int port;

    private ApiClient api;
    private String chair;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        chair = token("council.chair");
    }

    @Test
    void aDecisionEveryMemberConcursWithIsAdopted() {
        String id = circulate("Unanimous");
        MEMBER_DELEGATES.forEach(d -> take(id, d, "CONCUR", null));

        JsonNode closed = close(id);
        assertThat(status(closed)).isEqualTo("ADOPTED");
        assertThat(closed.get("registerNumber").asString()).matches("JDC-\\d{4}-\\d{4}");
        assertThat(closed.get("positions").size()).isEqualTo(5);
    }

    @Test
    void oneConcurrenceWithReservationAdoptsWithReservations() {
        String id = circulate("With a reservation");
        MEMBER_DELEGATES.forEach(d -> take(id, d, d.startsWith("kgz") ? "CONCUR_WITH_RESERVATION" : "CONCUR",
                "Kyrgyzstan contributes no forces beyond its borders."));

        JsonNode closed = close(id);
        assertThat(status(closed)).isEqualTo("ADOPTED_WITH_RESERVATIONS");
        assertThat(closed.get("registerNumber").isNull()).isFalse();
        JsonNode reservation = closed.get("positions").valueStream()
                .filter(p -> p.get("nation").asString().equals("KGZ")).findFirst().orElseThrow();
        assertThat(reservation.get("position").asString()).isEqualTo("CONCUR_WITH_RESERVATION");
        assertThat(reservation.get("statement").asString()).contains("beyond its borders");
        assertThat(reservation.get("recordedAt").asString()).endsWith("Z");
    }

    @Test
    void oneNonConcurrenceMeansNotAdopted() {
        String id = circulate("Contested");
        MEMBER_DELEGATES.forEach(d -> take(id, d, d.startsWith("uzb") ? "NON_CONCUR" : "CONCUR",
                "Uzbekistan does not agree."));

        JsonNode closed = close(id);
        assertThat(status(closed)).isEqualTo("NOT_ADOPTED");
        assertThat(closed.get("registerNumber").isNull()).isTrue();
        assertThat(closed.get("closedAt").asString()).endsWith("Z");
        assertThat(take(id, "uzb.delegate", "CONCUR", null).status()).as("closed is final").isEqualTo(409);
    }

    @Test
    void aMemberWithoutAPositionMeansNotAdopted() {
        String id = circulate("Incomplete");
        MEMBER_DELEGATES.stream().filter(d -> !d.startsWith("tur")).forEach(d -> take(id, d, "CONCUR", null));

        assertThat(status(close(id))).isEqualTo("NOT_ADOPTED");
    }

    @Test
    void aDelegateTakesOnePositionOnly() {
        String id = circulate("Twice");
        assertThat(take(id, "aze.delegate", "CONCUR", null).status()).isEqualTo(201);
        var again = take(id, "aze.delegate", "NON_CONCUR", "Changed my mind.");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        JsonNode decision = api.get("/api/v1/council/decisions/" + id, chair).json();
        assertThat(decision.get("positions").size()).isEqualTo(1);
        assertThat(decision.get("positions").get(0).get("position").asString()).isEqualTo("CONCUR");
    }

    @Test
    void aDelegateMayNotTakeAPositionForAnotherNation() {
        String id = circulate("Another nation");
        Map<String, Object> forTurkiye = position("NON_CONCUR", "On behalf of Türkiye.");
        forTurkiye.put("nation", "TUR");
        assertThat(api.post("/api/v1/council/decisions/" + id + "/positions", token("aze.delegate"), forTurkiye)
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/council/decisions/" + id, chair).json().get("positions").size()).isZero();
    }

    @Test
    void observersTheChairAndOtherRolesTakeNoPosition() {
        String id = circulate("Roles");
        for (String user : new String[] {"hun.observer", "council.chair", "tur.officer", "admin"}) {
            assertThat(take(id, user, "CONCUR", null).status()).as(user).isEqualTo(403);
        }
        assertThat(api.post("/api/v1/council/decisions/" + id + "/close", token("kaz.delegate"), Map.of()).status())
                .as("only the chair closes").isEqualTo(403);
    }

    @Test
    void aReservationOrNonConcurrenceNeedsAStatement() {
        String id = circulate("Statements");
        assertThat(take(id, "kaz.delegate", "CONCUR_WITH_RESERVATION", null).status()).isEqualTo(400);
        assertThat(take(id, "kaz.delegate", "NON_CONCUR", " ").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/council/decisions/" + id + "/positions", token("kaz.delegate"),
                Map.of("position", "MAYBE")).status()).isEqualTo(400);
    }

    @Test
    void silenceCannotBeBrokenOnAConsensusDecisionNorPositionsTakenUnderSilence() {
        String id = circulate("Procedures");
        assertThat(api.post("/api/v1/council/decisions/" + id + "/silence-breaks", token("kaz.delegate"),
                Map.of("statement", "x")).status()).isEqualTo(409);
    }

    private String circulate(String title) {
        var response = api.post("/api/v1/council/decisions", chair, consensusDecision(title));
        assertThat(response.status()).isEqualTo(201);
        assertThat(status(response.json())).isEqualTo("UNDER_CONSENSUS");
        return id(response);
    }

    private ApiClient.Response take(String id, String delegate, String kind, String statement) {
        return api.post("/api/v1/council/decisions/" + id + "/positions", token(delegate), position(kind, statement));
    }

    private JsonNode close(String id) {
        var closed = api.post("/api/v1/council/decisions/" + id + "/close", chair, Map.of());
        assertThat(closed.status()).isEqualTo(200);
        return closed.json();
    }

    private String token(String username) {
        return CouncilFixtures.token(api, port, username);
    }
}
