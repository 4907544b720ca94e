package org.kalkan.seams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.ExerciseFixtures;
import org.kalkan.KalkanTest;
import org.kalkan.SessionClient;
import org.kalkan.incident.IncidentFixtures;
import org.kalkan.platform.PlatformProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, findings 8 (second half), 10, 14 (global part) and 15 (transport and links), against a running node:
 * the embedded database wants its password, metrics want a credential, OGC links do not echo the Host header, and
 * malformed input anywhere is a 400 naming what was wrong, never a 500.
 */
@KalkanTest
class PlatformSeamTests {

    private static final String PASSWORD = "kalkan-demo";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformProperties platform;

    // Finding 8: the embedded database

    @Test
    void theEmbeddedDatabaseRefusesConnectionsWithoutItsGeneratedPassword() throws Exception {
        Path file = platform.dataDir().resolve("postgres-password");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        int databasePort = jdbc.sql("SELECT inet_server_port()").query(Integer.class).single();
        String url = "jdbc:postgresql://localhost:" + databasePort + "/postgres";

        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres"))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "kalkan", ""))
                .isInstanceOf(SQLException.class);
        try (var connection = DriverManager.getConnection(url, "postgres", password)) {
            assertThat(connection.isValid(5)).isTrue();
        }

        assertThat(jdbc.sql("SELECT DISTINCT auth_method FROM pg_hba_file_rules").query(String.class).list())
                .containsExactly("scram-sha-256");
        assertThat(jdbc.sql("SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'").query(String.class)
                .single()).startsWith("SCRAM-SHA-256$");
    }

    // Finding 10: metrics and health

    @Test
    void prometheusMetricsNeedTheScrapeCredential() throws Exception {
        ApiClient api = new ApiClient(port);
        var anonymous = api.get("/actuator/prometheus", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("http_server_requests");
        assertThat(api.get("/actuator/prometheus", "not-the-token").status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", api.token("tur.officer", PASSWORD)).status()).isEqualTo(403);

        String scrape = Files.readString(platform.dataDir().resolve("metrics-token")).strip();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                platform.dataDir().resolve("metrics-token")))).isEqualTo("rw-------");
        var scraped = api.get("/actuator/prometheus", scrape);
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        assertThat(api.get("/actuator/metrics", scrape).status()).as("the scrape token reads metrics only")
                .isEqualTo(403);
        assertThat(api.get("/api/v1/me", scrape).status()).as("and is no API token").isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", api.token("admin", PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void healthStaysOpenButShowsNoDetailsToAnonymousCallers() {
        ApiClient api = new ApiClient(port);
        var anonymous = api.get("/actuator/health", null);
        // UP, or DOWN when a component is (the test node's SMTP server runs only during the mail tests).
        assertThat(anonymous.status()).isIn(200, 503);
        assertThat(anonymous.json().get("status").asString()).isIn("UP", "DOWN");
        assertThat(anonymous.body()).doesNotContain("components", "details", "db", "diskSpace", "mail");
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);

        var admin = api.get("/actuator/health", api.token("admin", PASSWORD));
        assertThat(admin.json().has("components")).isTrue();
    }

    // Finding 15: transport security and the public base URL

    @Test
    void overPlainHttpTheSessionCookieIsNotMarkedSecureAndNoHstsIsSent() {
        var login = new FromAddress("127.0.0.31", port).send("GET", "/login", Map.of(), null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Set-Cookie")).contains("JSESSIONID").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").doesNotContain("Secure");
        assertThat(login.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void ogcLinksUseThePublicBaseUrlAndNotTheHostHeader() {
        String token = new ApiClient(port).token("aze.officer", PASSWORD);
        var landing = new FromAddress("127.0.0.32", port).send("GET", "/ogc/collections",
                Map.of("Host", "attacker.example:666", "Authorization", "Bearer " + token,
                        "X-Forwarded-Host", "attacker.example"), null);

        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.body()).doesNotContain("attacker.example");
        List<String> hrefs = landing.json().findValues("href").stream().map(JsonNode::asString).toList();
        assertThat(hrefs).isNotEmpty().allMatch(h -> h.startsWith("http://localhost:" + port + "/ogc/"));
    }

    // Finding 14: bad input is a 400 naming what was wrong

    @Test
    void aNulCharacterInJsonIsA400NamingTheFieldAndNothingIsStored() {
        ApiClient api = new ApiClient(port);
        String officer = api.token("aze.officer", PASSWORD);
        long reports = count("report");
        Map<String, Object> report = new HashMap<>(IncidentFixtures.terrorismReportNearBaku());
        report.put("title", "Vehicle\u0000at the gate");

        var response = api.post("/api/v1/reports", officer, report);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("where").asString()).isEqualTo("title");
        assertThat(count("report")).isEqualTo(reports);

        Map<String, Object> nested = new HashMap<>(IncidentFixtures.terrorismReportNearBaku());
        nested.put("label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("AZE\u0000")));
        var inLabel = api.post("/api/v1/reports", officer, nested);
        assertThat(inLabel.status()).isEqualTo(400);
        assertThat(inLabel.json().get("errors").get(0).get("where").asString()).isEqualTo("label.releasableTo[0]");
    }

    @Test
    void aNulCharacterInAQueryOrFormIsA400NamingTheParameter() throws Exception {
        ApiClient api = new ApiClient(port);
        var query = api.get("/api/v1/lessons?q=%00", api.token("exercise.director", PASSWORD));
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.contentType()).startsWith("application/problem+json");
        assertThat(query.json().get("errors").get(0).get("where").asString()).isEqualTo("q");

        HttpClient browser = SessionClient.signedIn(port, "kgz.delegate");
        var page = browser.send(page("/lessons?q=%00"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        assertStyledErrorPage(page.body());

        String form = browser.send(page("/account"),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).isTrue();
        var posted = browser.send(HttpRequest.newBuilder(URI.create(url("/account/language")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("language=en%00&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(400);
        assertStyledErrorPage(posted.body());
        assertThat(posted.body()).contains("language");
    }

    @Test
    void aNullReleasabilityEntryIsA400() {
        ApiClient api = new ApiClient(port);
        Map<String, Object> report = new HashMap<>(IncidentFixtures.terrorismReportNearBaku());
        report.put("label", Map.of("classification", "RESTRICTED", "releasableTo", java.util.Arrays.asList("AZE",
                null)));
        var response = api.post("/api/v1/reports", api.token("aze.officer", PASSWORD), report);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("releasableTo");

        var exercise = api.postRaw("/api/v1/exercises", api.token("exercise.director", PASSWORD), """
                {"name":"NULL LABEL","trainingAudience":["KGZ"],"objectives":["x"],
                 "label":{"classification":"RESTRICTED","releasableTo":[null]}}""");
        assertThat(exercise.status()).isEqualTo(400);
        assertThat(exercise.contentType()).startsWith("application/problem+json");
    }

    @Test
    void malformedIdsAndEnumsInPathsAndQueriesAre400sNamingTheParameter() {
        ApiClient api = new ApiClient(port);
        String director = api.token("exercise.director", PASSWORD);

        var path = api.get("/api/v1/exercises/not-an-id", director);
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.contentType()).startsWith("application/problem+json");
        assertThat(path.json().get("errors").get(0).get("where").asString()).isEqualTo("id");

        var number = api.get("/api/v1/audit/entries?limit=lots", api.token("admin", PASSWORD));
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.json().get("errors").get(0).get("where").asString()).isEqualTo("limit");

        var alert = api.get("/api/v1/alerts/not-an-id", api.token("cmc.watch", PASSWORD));
        assertThat(alert.status()).isEqualTo(400);
        assertThat(alert.contentType()).startsWith("application/problem+json");
    }

    @Test
    void pagesAnswerMalformedIdsAndEnumsWithAStyled400() throws Exception {
        HttpClient browser = SessionClient.signedIn(port, "cmc.watch");
        for (String page : List.of("/alerts/not-an-id", "/incidents?category=BOGUS",
                "/exercises/not-an-id", "/incidents?exercise=not-an-id")) {
            var response = browser.send(page(page),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(page).isEqualTo(400);
            assertStyledErrorPage(response.body());
        }
    }

    // Finding 11, generic part: a record the caller may not read is answered as if it did not exist

    @Test
    void aRecordRefusedByItsLabelIsAnsweredLikeOneThatDoesNotExist() {
        ApiClient api = new ApiClient(port);
        UUID exercise = ExerciseFixtures.steppeShield(jdbc, "SEAM " + UUID.randomUUID());
        var raised = api.post("/api/v1/alerts?exercise=" + exercise, api.token("cmc.watch", PASSWORD), Map.of(
                "text", "Exercise traffic only", "recipients", Map.of("users", List.of("kgz.officer")),
                "precedence", "ROUTINE",
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS"))));
        assertThat(raised.status()).isEqualTo(201);
        String id = raised.json().get("id").asString();
        String kgz = api.token("kgz.officer", PASSWORD);

        // kgz.officer is a recipient, but in the real world the exercise's alert is not there to read.
        var hidden = api.post("/api/v1/alerts/" + id + "/ack", kgz, Map.of());
        var absent = api.post("/api/v1/alerts/" + UUID.randomUUID() + "/ack", kgz, Map.of());

        assertThat(hidden.status()).isEqualTo(absent.status()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        assertThat(hidden.json().get("title")).isEqualTo(absent.json().get("title"));
        assertThat(hidden.json().get("detail")).isEqualTo(absent.json().get("detail"));
        // ("instance" is the caller's own request path; nothing else may name or describe the record.)
        assertThat(hidden.json().get("detail").asString()).doesNotContain(id, "cleared", "exercise");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = 'kgz.officer' AND outcome = 'DENIED' "
                + "AND target = :target").param("target", "alert:" + id).query(Long.class).single()).isPositive();
    }

    private static void assertStyledErrorPage(String body) {
        assertThat(body).contains("id=\"classification-banner\"", "/css/kalkan.css", "id=\"error-status\"")
                .doesNotContain("Whitelabel", "Exception", "at org.");
    }

    /** A page request as a browser sends it (error pages are HTML only for clients that accept HTML). */
    private HttpRequest page(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html,*/*;q=0.8").build();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
