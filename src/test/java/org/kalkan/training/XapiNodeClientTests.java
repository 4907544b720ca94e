package org.kalkan.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.training.TrainingFixtures.PASSWORD;
import static org.kalkan.training.TrainingFixtures.label;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
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
 * A real xAPI client — {@code @xapi/xapi} 3.0.3 on Node — posts statements of a national learning system to the
 * node and pages through them; Learning Locker's {@code @learninglocker/xapi-validation} 4.0.0 checks the
 * statements Kalkan emits for its own completions. Without node/npm the test is skipped on a developer machine;
 * under CI ({@code CI} set) it fails instead.
 */
@KalkanTest
class XapiNodeClientTests {

    private static final Path CLIENT = Path.of("src/test/node/xapi-client");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired TestClock clock;

    ApiClient api;
    String coordinator;
    String aze;
    String nodeUrl;

    @BeforeEach
    void setUp() throws Exception {
        installClient();
        api = new ApiClient(port);
        coordinator = api.token("training.coordinator", PASSWORD);
        aze = api.token("aze.officer", PASSWORD);
        nodeUrl = api.get("/api/v1/xapi/about", null).json().get("extensions")
                .get("https://kalkan.example/xapi/node-url").asString();
    }

    private JsonNode system(String nation) {
        var created = api.post("/api/v1/training/xapi/systems", api.token("admin", PASSWORD), Map.of("name",
                "lms-" + UUID.randomUUID().toString().substring(0, 8), "nation", nation, "clearance", "CONFIDENTIAL",
                "label", label("RESTRICTED", nation, "TUR")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static String basic(JsonNode credentials) {
        return "Basic " + Base64.getEncoder().encodeToString((credentials.get("key").asString() + ":"
                + credentials.get("secret").asString()).getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> statement(String personId, String verb, String course) {
        return Map.of("actor", Map.of("objectType", "Agent", "account", Map.of("homePage", nodeUrl, "name", personId)),
                "verb", Map.of("id", "http://adlnet.gov/expapi/verbs/" + verb, "display", Map.of("en-US", verb)),
                "object", Map.of("objectType", "Activity", "id", nodeUrl + "/training/courses/" + course,
                        "definition", Map.of("name", Map.of("en-US", course))),
                "result", Map.of("success", true, "completion", true, "duration", "PT40H"),
                "timestamp", "2026-11-30T10:00:00Z");
    }

    @Test
    void aNationalLearningSystemPostsACompletionThatAppearsInThePersonsRecordAndUnmappableOnesAreDeadLetters()
            throws Exception {
        String code = TrainingFixtures.code("LMS");
        TrainingFixtures.publish(api, coordinator, TrainingFixtures.course(code, null, null, "P2Y"));
        String person = TrainingFixtures.person(api, aze, "AZE", "Learner Mammadova", "SECRET", "3232", null,
                label("RESTRICTED", "AZE"));
        JsonNode credentials = system("AZE");

        JsonNode sent = node(Map.of("mode", "send", "endpoint", endpoint(), "auth", basic(credentials),
                "version", "2.0.0", "statements", List.of(statement(person, "passed", code),
                        statement(UUID.randomUUID().toString(), "completed", code))));

        assertThat(sent.get("status").asInt()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.get("ids")).hasSize(2);
        String mapped = sent.get("ids").get(0).asString();
        JsonNode record = api.get("/api/v1/training/people/" + person, aze).json();
        assertThat(record.get("completions").toString()).contains(code).contains("xapi:" + mapped);
        assertThat(record.get("qualifications").toString()).contains("\"validUntil\":\"2028-11-30\"");
        JsonNode dead = api.get("/api/v1/training/xapi/dead-letters", api.token("admin", PASSWORD)).json();
        assertThat(dead.toString()).contains(sent.get("ids").get(1).asString())
                .contains("is no person of AZE known to this node");

        JsonNode paged = node(Map.of("mode", "page", "endpoint", endpoint(), "auth", basic(credentials),
                "version", "1.0.3", "query", Map.of("activity", nodeUrl + "/training/courses/" + code, "limit", 1,
                        "ascending", true)));
        assertThat(paged.get("pages").asInt()).isEqualTo(2);
        assertThat(paged.get("ids").toString()).contains(mapped).contains(sent.get("ids").get(1).asString());
    }

    @Test
    void badStatementsAreRefusedWithTheFieldNamedAndNothingIsStored() throws Exception {
        JsonNode credentials = system("AZE");
        String id = UUID.randomUUID().toString();
        String activity = "http://example.org/activities/" + id;
        Map<String, Object> noVerb = Map.of("id", id, "actor", Map.of("mbox", "mailto:learner@aze.example"),
                "object", Map.of("id", activity));
        Map<String, Object> good = Map.of("actor", Map.of("mbox", "mailto:learner@aze.example"),
                "verb", Map.of("id", "http://adlnet.gov/expapi/verbs/experienced"), "object", Map.of("id", activity));

        JsonNode refused = node(Map.of("mode", "send", "endpoint", endpoint(), "auth", basic(credentials),
                "version", "2.0.0", "statements", List.of(good, noVerb)));

        assertThat(refused.get("status").asInt()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.get("body").toString()).contains("[1].verb").contains("is required");
        JsonNode paged = node(Map.of("mode", "page", "endpoint", endpoint(), "auth", basic(credentials),
                "version", "2.0.0", "query", Map.of("activity", activity)));
        assertThat(paged.get("ids")).as("the good statement of the refused batch was not stored either").isEmpty();
    }

    @Test
    void theStatementsKalkanEmitsForItsOwnCompletionsPassLearningLockersValidation() throws Exception {
        String person = TrainingFixtures.person(api, aze, "AZE", "Emitted Karimov", "SECRET", "3232", null,
                label("RESTRICTED", "AZE"));
        String code = TrainingFixtures.code("EMIT");
        TrainingFixtures.publish(api, coordinator, TrainingFixtures.course(code, null, null, "P2Y"));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String session = TrainingFixtures.session(api, coordinator, code, today.toString(),
                today.plusDays(1).toString(), 3, Map.of());
        TrainingFixtures.nominate(api, aze, session, person);
        assertThat(api.post("/api/v1/training/sessions/" + session + "/results", coordinator,
                Map.of("personId", person, "outcome", "PASSED")).status()).isEqualTo(200);
        JsonNode credentials = system("AZE");

        JsonNode paged = node(Map.of("mode", "page", "endpoint", endpoint(), "auth",
                "Bearer " + credentials.get("token").asString(), "version", "1.0.3",
                "query", Map.of("agent", Map.of("account", Map.of("homePage", nodeUrl, "name", person)))));
        assertThat(paged.get("ids")).hasSize(1);
        JsonNode emitted = paged.get("statements").get(0);
        assertThat(emitted.get("verb").get("id").asString()).isEqualTo("http://adlnet.gov/expapi/verbs/passed");
        assertThat(emitted.get("object").get("id").asString()).isEqualTo(nodeUrl + "/training/courses/" + code);

        JsonNode validated = node(Map.of("mode", "validate", "statements", List.of(emitted)));
        assertThat(validated.get("warnings").get(0)).as(emitted.toString()).isEmpty();
        JsonNode broken = node(Map.of("mode", "validate", "statements", List.of(Map.of("actor", Map.of()))));
        assertThat(broken.get("warnings").get(0)).as("the validator can fail").isNotEmpty();
    }

    private String endpoint() {
        return "http://localhost:" + port + "/api/v1/xapi/";
    }

    private static JsonNode node(Map<String, Object> input) throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "xapi-client.mjs").directory(CLIENT.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        node.getOutputStream().write(JSON.writeValueAsBytes(input));
        node.getOutputStream().close();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS) && node.exitValue() == 0).as("node xapi-client.mjs: " + out)
                .isTrue();
        return JSON.readTree(out);
    }

    /** {@code npm ci} in the client's folder, once per build; skips without node/npm unless under CI. */
    private static void installClient() throws IOException, InterruptedException {
        boolean installed = onPath("node") && onPath("npm");
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install nodejs and npm (see .ci/run)");
        }
        Assumptions.assumeTrue(installed, "node and npm are not installed");
        if (new File(CLIENT.toFile(), "node_modules/@xapi/xapi").isDirectory()
                && new File(CLIENT.toFile(), "node_modules/@learninglocker/xapi-validation").isDirectory()) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(CLIENT.toFile())
                .redirectErrorStream(true).redirectOutput(new File("target/xapi-client-npm.log")).start();
        assertThat(npm.waitFor(300, TimeUnit.SECONDS) && npm.exitValue() == 0)
                .as("npm ci in %s (see target/xapi-client-npm.log)", CLIENT).isTrue();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> new File(dir, command).canExecute());
    }
}
