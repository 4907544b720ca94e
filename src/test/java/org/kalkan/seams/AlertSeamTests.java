package org.kalkan.seams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.seams.SeamActors.label;
import static org.kalkan.seams.SeamActors.refusal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.ExerciseFixtures;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12, findings 7 and 11 (alerts), against a running node: an alert names only a crisis its sender may see in
 * the sender's context (so its escalation can never write into a hidden crisis's log), and an alert is the same
 * "not found" for everyone not involved in it, whether it exists or not.
 */
@KalkanTest
class AlertSeamTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private SeamActors actors;
    private ApiClient api;
    private String watch;

    @BeforeEach
    void signIn() {
        actors = new SeamActors(port);
        api = actors.api();
        watch = actors.token("cmc.watch");
    }

    @Test
    void anAlertNamingACrisisItsSenderCannotSeeIsNotFoundLikeOneThatDoesNotExist() {
        String hidden = actors.crisis("AZE only", label("SECRET", "AZE"), List.of(), List.of("AZE"), "");
        var refused = api.post("/api/v1/alerts", watch, alert("Escalate into a hidden crisis", hidden));
        var absent = api.post("/api/v1/alerts", watch, alert("Escalate into a hidden crisis",
                UUID.randomUUID().toString()));

        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refusal(refused)).isEqualTo(refusal(absent));
        assertThat(refused.body()).doesNotContain(hidden);
        assertThat(jdbc.sql("SELECT count(*) FROM alert WHERE crisis_id = CAST(:c AS UUID)").param("c", hidden)
                .query(Long.class).single()).as("nothing stored, so nothing can escalate into its log").isZero();

        String visible = actors.crisis("On the watch's team", label("RESTRICTED", "MEMBERS"), List.of("cmc.watch"),
                List.of(), "");
        assertThat(api.post("/api/v1/alerts", watch, alert("Into a crisis the watch sees", visible)).status())
                .isEqualTo(201);
    }

    @Test
    void anAlertNamingACrisisOfAnotherContextIsNotFound() {
        UUID exercise = ExerciseFixtures.steppeShield(jdbc, "SEAM ALERT " + UUID.randomUUID());
        String exerciseCrisis = actors.crisis("Exercise crisis", label("RESTRICTED", "MEMBERS"),
                List.of("cmc.watch"), List.of(), "?exercise=" + exercise);
        assertThat(api.post("/api/v1/alerts", watch, alert("Real alert into exercise play", exerciseCrisis))
                .status()).isEqualTo(404);
    }

    @Test
    void anAlertIsTheSameNotFoundForEveryoneNotInvolvedWhetherItExistsOrNot() {
        var raised = api.post("/api/v1/alerts", watch, alert("Convoy overdue at Torugart", null));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String id = raised.json().get("id").asString();
        String outsider = actors.token("tur.officer");
        String absent = UUID.randomUUID().toString();

        assertThat(api.get("/api/v1/alerts/" + id, outsider).status()).isEqualTo(404);
        assertThat(refusal(api.get("/api/v1/alerts/" + id, outsider)))
                .isEqualTo(refusal(api.get("/api/v1/alerts/" + absent, outsider)));
        var ack = api.post("/api/v1/alerts/" + id + "/ack", outsider, Map.of());
        assertThat(ack.status()).as("not 403 'not a recipient'").isEqualTo(404);
        assertThat(refusal(ack)).isEqualTo(refusal(api.post("/api/v1/alerts/" + absent + "/ack", outsider,
                Map.of())));
        assertThat(api.get("/api/v1/alerts/" + id, actors.token("kgz.officer")).status()).isEqualTo(200);
    }

    @Test
    void aMalformedAlertIdIsBadInputOnTheApiAndThePagesNeverAnInternalError() throws Exception {
        assertThat(api.get("/api/v1/alerts/not-an-id", watch).status()).isEqualTo(400);
        java.net.http.HttpClient browser = org.kalkan.SessionClient.signedIn(port, "kgz.officer");
        var page = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/alerts/not-an-id")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        var live = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/council/decisions/not-an-id/live")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).isEqualTo(400);
    }

    private static Map<String, Object> alert(String text, String crisisId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("recipients", Map.of("users", List.of("kgz.officer")));
        body.put("precedence", "FLASH");
        body.put("ackWithin", "PT1M");
        body.put("label", label("RESTRICTED", "MEMBERS"));
        if (crisisId != null) {
            body.put("crisisId", crisisId);
        }
        return body;
    }
}
