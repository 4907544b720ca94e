package org.kalkan.seams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.seams.SeamActors.label;
import static org.kalkan.seams.SeamActors.refusal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every id a training request names is resolved through its owning module for the caller: a unit through the force
 * registry, a person through the personnel records, an exercise through its evaluation, a statement through the
 * learning record store's labels. A hidden record answers exactly as an absent one.
 */
@KalkanTest
class TrainingSeamTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired TestClock clock;

    private SeamActors actors;
    private ApiClient api;

    @BeforeEach
    void signIn() {
        actors = new SeamActors(port);
        api = actors.api();
    }

    private void hiddenIsAbsent(String hidden, Function<String, ApiClient.Response> request) {
        String nothing = UUID.randomUUID().toString();
        ApiClient.Response seen = request.apply(hidden);
        ApiClient.Response absent = request.apply(nothing);
        assertThat(seen.status()).as(seen.body()).isEqualTo(404);
        assertThat(refusal(seen).replace(hidden, "<id>")).isEqualTo(refusal(absent).replace(nothing, "<id>"));
    }

    private String hiddenUnit() {
        Map<String, Object> unit = new HashMap<>();
        unit.put("name", "AZE EOD secret team " + UUID.randomUUID().toString().substring(0, 6));
        unit.put("sidc", "SFGPUCE----");
        unit.put("capabilities", List.of("EOD"));
        unit.put("personnel", 8);
        unit.put("noticeToMoveHours", 6);
        unit.put("home", Map.of("lat", 40.41, "lon", 49.87));
        unit.put("movementModes", List.of("ROAD"));
        unit.put("caveats", Map.of());
        unit.put("label", label("SECRET", "AZE"));
        var registered = api.post("/api/v1/forces/units", actors.token("aze.officer"), unit);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("id").asString();
    }

    private String hiddenPerson() {
        var person = api.post("/api/v1/training/people", actors.token("aze.officer"), Map.of("serviceNumber",
                "SEAM-" + UUID.randomUUID().toString().substring(0, 8), "name", "AZE eyes only", "rank", "OR-5",
                "nation", "AZE", "clearance", "SECRET", "label", label("RESTRICTED", "AZE")));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        return person.json().get("id").asString();
    }

    private String session(String start) {
        String code = "SEAM-" + (100_000 + new java.util.Random().nextInt(900_000));
        var course = api.post("/api/v1/training/courses", actors.token("training.coordinator"), Map.of("code", code,
                "title", "Seam course", "label", label("UNCLASSIFIED", "MEMBERS")));
        assertThat(course.status()).as(course.body()).isEqualTo(201);
        var session = api.post("/api/v1/training/sessions", actors.token("training.coordinator"), Map.of("course",
                code, "start", start, "end", start, "seats", 5, "label", label("UNCLASSIFIED", "MEMBERS")));
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        return session.json().get("id").asString();
    }

    @Test
    void aPersonInAUnitTheManagerCannotSeeIsNotFound() {
        hiddenIsAbsent(hiddenUnit(), unit -> api.post("/api/v1/training/people", actors.token("tur.officer"),
                Map.of("serviceNumber", "T-" + UUID.randomUUID().toString().substring(0, 8), "name", "Probe",
                        "rank", "OF-1", "nation", "TUR", "unitId", unit, "clearance", "SECRET",
                        "label", label("RESTRICTED", "TUR"))));
    }

    @Test
    void aNominationOfAPersonTheManagerCannotSeeIsNotFound() {
        String session = session("2027-09-01");
        hiddenIsAbsent(hiddenPerson(), person -> api.post("/api/v1/training/sessions/" + session + "/nominations",
                actors.token("tur.officer"), Map.of("personId", person)));
    }

    @Test
    void aResultForAPersonWithoutANominationIsNotFound() {
        String session = session(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
        hiddenIsAbsent(hiddenPerson(), person -> api.post("/api/v1/training/sessions/" + session + "/results",
                actors.token("training.coordinator"), Map.of("personId", person, "outcome", "PASSED")));
    }

    @Test
    void aCertificationOfAUnitTheCertifierCannotSeeIsNotFound() {
        String until = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(1).toString();
        hiddenIsAbsent(hiddenUnit(), unit -> api.post("/api/v1/training/unit-certifications",
                actors.token("training.coordinator"), Map.of("unitId", unit, "capability", "EOD", "outcome",
                        "CERTIFIED", "validUntil", until, "evidence", Map.of("criteria", List.of(Map.of(
                                "criterion", "Drill", "met", true))))));
    }

    @Test
    void aCertificationOnAnExerciseTheCertifierCannotSeeIsNotFound() {
        var exercise = api.post("/api/v1/exercises", actors.token("exercise.director"), Map.of("name",
                "KGZ EOD " + UUID.randomUUID(), "trainingAudience", List.of("KGZ"), "label", label("SECRET", "KGZ")));
        assertThat(exercise.status()).as(exercise.body()).isEqualTo(201);
        var unit = api.post("/api/v1/forces/units", actors.token("aze.officer"), Map.of("name", "AZE EOD probe "
                + UUID.randomUUID().toString().substring(0, 6), "sidc", "SFGPUCE----", "capabilities", List.of("EOD"),
                "personnel", 8, "noticeToMoveHours", 6, "home", Map.of("lat", 40.41, "lon", 49.87),
                "movementModes", List.of("ROAD"), "caveats", Map.of(), "label", label("RESTRICTED", "MEMBERS")));
        String until = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(1).toString();
        hiddenIsAbsent(exercise.json().get("id").asString(), id -> api.post("/api/v1/training/unit-certifications",
                actors.token("training.coordinator"), Map.of("unitId", unit.json().get("id").asString(),
                        "capability", "EOD", "outcome", "CERTIFIED", "validUntil", until,
                        "evidence", Map.of("exerciseId", id))));
    }

    private JsonNode system(String nation) {
        var created = api.post("/api/v1/training/xapi/systems", actors.token("admin"), Map.of("name",
                "seam-" + UUID.randomUUID().toString().substring(0, 8), "nation", nation, "clearance", "RESTRICTED",
                "label", label("RESTRICTED", nation)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private ApiClient.Response xapi(String method, String path, JsonNode system, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").header("X-Experience-API-Version", "2.0.0")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((system.get("key")
                            .asString() + ":" + system.get("secret").asString()).getBytes(StandardCharsets.UTF_8)))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.headers().firstValue("Content-Type")
                    .orElse(""), response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> statement(String verb) {
        return Map.of("actor", Map.of("mbox", "mailto:learner@aze.example"),
                "verb", Map.of("id", "http://adlnet.gov/expapi/verbs/" + verb),
                "object", Map.of("id", "http://example.org/activities/seam"));
    }

    @Test
    void aStatementOfAnotherNationsSystemIsNotFound() {
        JsonNode aze = system("AZE");
        JsonNode kaz = system("KAZ");
        String id = UUID.randomUUID().toString();
        assertThat(xapi("PUT", "/api/v1/xapi/statements?statementId=" + id, aze, statement("attended")).status())
                .isEqualTo(204);
        hiddenIsAbsent(id, statement -> xapi("GET", "/api/v1/xapi/statements?statementId=" + statement, kaz, null));
    }

    /**
     * Statement ids are global in xAPI, so a PUT naming another system's id cannot be stored; it is refused and
     * neither reads nor changes the hidden statement.
     */
    @Test
    void aPutNamingAnotherSystemsStatementChangesAndRevealsNothingOfIt() throws Exception {
        JsonNode aze = system("AZE");
        JsonNode kaz = system("KAZ");
        String id = UUID.randomUUID().toString();
        xapi("PUT", "/api/v1/xapi/statements?statementId=" + id, aze, statement("attended"));

        var probe = xapi("PUT", "/api/v1/xapi/statements?statementId=" + id, kaz, statement("launched"));

        assertThat(probe.status()).isEqualTo(409);
        assertThat(probe.body()).doesNotContain("attended").doesNotContain("learner@aze.example");
        JsonNode kept = JSON.readTree(xapi("GET", "/api/v1/xapi/statements?statementId=" + id, aze, null).body());
        assertThat(kept.get("verb").get("id").asString()).endsWith("attended");
    }
}
