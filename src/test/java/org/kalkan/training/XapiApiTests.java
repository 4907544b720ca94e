package org.kalkan.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.training.TrainingFixtures.PASSWORD;
import static org.kalkan.training.TrainingFixtures.label;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The xAPI protocol details: the version header, credentials, PUT by id and conflicts, labels between systems. */
@KalkanTest
class XapiApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();
    ApiClient api;
    JsonNode aze;
    JsonNode kaz;

    @BeforeEach
    void systems() {
        api = new ApiClient(port);
        aze = register("AZE");
        kaz = register("KAZ");
    }

    private JsonNode register(String nation) {
        var created = api.post("/api/v1/training/xapi/systems", api.token("admin", PASSWORD), Map.of("name",
                nation.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8), "nation", nation,
                "clearance", "RESTRICTED", "label", label("RESTRICTED", nation)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static String basic(JsonNode system, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((system.get("key").asString() + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, @Nullable String version, @Nullable String auth,
            @Nullable Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (version != null) {
            request.header("X-Experience-API-Version", version);
        }
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> statement(String verb) {
        return Map.of("actor", Map.of("name", "Learner", "mbox", "mailto:learner@example.org"),
                "verb", Map.of("id", "http://adlnet.gov/expapi/verbs/" + verb),
                "object", Map.of("id", "http://example.org/activities/briefing"));
    }

    @Test
    void theVersionHeaderIsRequiredAndEchoedAndOnlyRegisteredSystemsGetIn() throws Exception {
        String auth = basic(aze, aze.get("secret").asString());
        var noVersion = send("POST", "/api/v1/xapi/statements", null, auth, statement("experienced"));
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(noVersion.body()).contains("X-Experience-API-Version");
        var wrongSecret = send("POST", "/api/v1/xapi/statements", "2.0.0", basic(aze, "guess"),
                statement("experienced"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
                assertThat(v).startsWith("Basic"));
        var userToken = send("GET", "/api/v1/xapi/statements", "2.0.0",
                "Bearer " + api.token("admin", PASSWORD), null);
        assertThat(userToken.statusCode()).as("a user's token is no learning system's").isEqualTo(401);
        var about = send("GET", "/api/v1/xapi/about", "1.0.3", null, null);
        assertThat(about.statusCode()).isEqualTo(200);
        assertThat(about.body()).contains("2.0.0").contains("1.0.3");

        var posted = send("POST", "/api/v1/xapi/statements", "1.0.3", auth, statement("experienced"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(posted.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        var bearer = send("GET", "/api/v1/xapi/statements?statementId=" + JSON.readTree(posted.body()).get(0)
                .asString(), "2.0.0", "Bearer " + aze.get("token").asString(), null);
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.headers().firstValue("X-Experience-API-Version")).hasValue("2.0.0");
        JsonNode stored = JSON.readTree(bearer.body());
        assertThat(stored.get("authority").get("account").get("name").asString()).isEqualTo(aze.get("key")
                .asString());
        assertThat(stored.has("stored")).isTrue();
    }

    @Test
    void aPutStoresTheStatementUnderItsIdOnceAndDifferentContentUnderTheSameIdIsAConflict() throws Exception {
        String auth = basic(aze, aze.get("secret").asString());
        String id = UUID.randomUUID().toString();
        var put = send("PUT", "/api/v1/xapi/statements?statementId=" + id, "2.0.0", auth, statement("attended"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        assertThat(send("PUT", "/api/v1/xapi/statements?statementId=" + id, "2.0.0", auth, statement("attended"))
                .statusCode()).isEqualTo(204);
        var conflict = send("PUT", "/api/v1/xapi/statements?statementId=" + id, "2.0.0", auth,
                statement("launched"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        var mismatch = send("PUT", "/api/v1/xapi/statements?statementId=" + UUID.randomUUID(), "2.0.0", auth,
                Map.of("id", id, "actor", Map.of("mbox", "mailto:a@example.org"),
                        "verb", Map.of("id", "http://adlnet.gov/expapi/verbs/attended"),
                        "object", Map.of("id", "http://example.org/a")));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("$.id");
        var got = send("GET", "/api/v1/xapi/statements?statementId=" + id, "2.0.0", auth, null);
        assertThat(JSON.readTree(got.body()).get("verb").get("id").asString()).endsWith("attended");
    }

    @Test
    void aSystemReadsOnlyTheStatementsItsNationMayRead() throws Exception {
        var posted = send("POST", "/api/v1/xapi/statements", "2.0.0", basic(aze, aze.get("secret").asString()),
                statement("experienced"));
        String id = JSON.readTree(posted.body()).get(0).asString();
        var other = send("GET", "/api/v1/xapi/statements?statementId=" + id, "2.0.0",
                basic(kaz, kaz.get("secret").asString()), null);
        assertThat(other.statusCode()).isEqualTo(404);
        var list = send("GET", "/api/v1/xapi/statements?verb=http://adlnet.gov/expapi/verbs/experienced", "2.0.0",
                basic(kaz, kaz.get("secret").asString()), null);
        assertThat(list.body()).doesNotContain(id);
        var voiding = send("POST", "/api/v1/xapi/statements", "2.0.0", basic(aze, aze.get("secret").asString()),
                Map.of("actor", Map.of("mbox", "mailto:a@example.org"),
                        "verb", Map.of("id", "http://adlnet.gov/expapi/verbs/voided"),
                        "object", Map.of("objectType", "StatementRef", "id", id)));
        assertThat(voiding.statusCode()).isEqualTo(400);
        assertThat(voiding.body()).contains("verb.id").contains("voiding");
    }
}
