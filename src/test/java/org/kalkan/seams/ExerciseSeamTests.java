package org.kalkan.seams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.seams.SeamActors.label;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.SessionClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, findings 3 and 12 (exercise), against a running node: inject content is read through the access policy
 * like any record — EXCON staff of another nation get a SECRET // REL TO KGZ inject withheld in the injects API, both
 * CSV exports and the exercise page — and the MSEL's CSV export neutralises spreadsheet formulas while its import
 * refuses them.
 */
@KalkanTest
class ExerciseSeamTests {

    private static final String HEADER = "number,at,start,after,kind,from,to,expectedAction,objective,contingency,"
            + "deadline,content\n";
    private static final String SECRET_TEXT = "KGZ-ONLY: the convoy route runs through Kara-Suu at 0400";

    @LocalServerPort int port;

    private SeamActors actors;
    private ApiClient api;
    private String director;

    @BeforeEach
    void signIn() {
        actors = new SeamActors(port);
        api = actors.api();
        director = actors.token("exercise.director");
    }

    @Test
    void injectContentAboveItsReadersLabelIsWithheldEverywhereTheMselShows() throws Exception {
        String exercise = exercise();
        assertThat(addInject(exercise, 1, "KGZ border guard", Map.of("text", SECRET_TEXT,
                "label", label("SECRET", "KGZ"))).status()).isEqualTo(201);
        assertThat(addInject(exercise, 2, "CMC", Map.of("text", "Routine check-in")).status()).isEqualTo(201);

        JsonNode forDirector = api.get("/api/v1/exercises/" + exercise + "/injects", director).json();
        assertThat(forDirector.get(0).get("content").get("text").asString()).isEqualTo(SECRET_TEXT);

        String watch = actors.token("cmc.watch"); // EXCON, of TUR: may not read SECRET // REL TO KGZ
        var injects = api.get("/api/v1/exercises/" + exercise + "/injects", watch);
        assertThat(injects.status()).isEqualTo(200);
        assertThat(injects.body()).doesNotContain("KGZ-ONLY").doesNotContain("KGZ border guard");
        JsonNode withheld = injects.json().get(0);
        assertThat(withheld.get("contentWithheld").asBoolean()).isTrue();
        assertThat(withheld.get("content").isNull()).isTrue();
        assertThat(withheld.get("label").get("marking").asString()).isEqualTo("SECRET // REL TO KGZ");
        assertThat(injects.json().get(1).get("content").get("text").asString()).isEqualTo("Routine check-in");

        assertThat(api.getAccepting("/api/v1/exercises/" + exercise + "/injects.csv", watch, "text/csv").body())
                .doesNotContain("KGZ-ONLY").contains("Routine check-in");
        HttpClient browser = SessionClient.signedIn(port, "cmc.watch");
        assertThat(page(browser, "/exercises/" + exercise + "/msel.csv")).doesNotContain("KGZ-ONLY")
                .contains("Routine check-in");
        String html = page(browser, "/exercises/" + exercise);
        assertThat(html).contains("inject-1").doesNotContain("KGZ-ONLY").doesNotContain("KGZ border guard");
    }

    @Test
    void theMselExportNeutralisesFormulasAndItsImportRefusesThem() {
        String exercise = exercise();
        assertThat(addInject(exercise, 1, "=HYPERLINK(\"http://evil.example/\",\"open\")",
                Map.of("text", "Formula in the sender")).status()).isEqualTo(201);
        String csv = api.getAccepting("/api/v1/exercises/" + exercise + "/injects.csv", director, "text/csv").body();
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"open\"\")\"")
                .doesNotContain(",\"=HYPERLINK");

        String formula = HEADER + "2,PT5M,AT_TIME,,ALERT,CMC,KGZ,NONE,@SUM(A1:A9),,,"
                + "\"{\"\"text\"\":\"\"Formula in the objective\"\"}\"\n"
                + "3,PT6M,AT_TIME,,ALERT,CMC,KGZ,NONE,,,,\"{\"\"text\"\":\"\"Clean\"\"}\"\n";
        ApiClient.Response refused = postCsv("/api/v1/exercises/" + exercise + "/injects", formula);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("objective starts with '@'");
        assertThat(api.get("/api/v1/exercises/" + exercise + "/injects", director).json()).hasSize(1);

        String numbers = HEADER + "2,PT5M,AT_TIME,,TRACK,CMC,KGZ,NONE,,,,"
                + "\"{\"\"callsign\"\":\"\"WEST 1\"\",\"\"lat\"\":41.0,\"\"lon\"\":-3.5}\"\n";
        assertThat(postCsv("/api/v1/exercises/" + exercise + "/injects", numbers).status())
                .as("a plain negative number is not a formula").isEqualTo(201);
    }

    /** exercise.director plans an exercise for KGZ with cmc.watch (TUR) on its EXCON staff. */
    private String exercise() {
        var planned = api.post("/api/v1/exercises", director, Map.of("name", "SEAM MSEL " + UUID.randomUUID(),
                "trainingAudience", List.of("KGZ"), "exconUsers", List.of("cmc.watch"),
                "objectives", List.of("Alerting"), "label", label("RESTRICTED", "MEMBERS")));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        return planned.json().get("id").asString();
    }

    private ApiClient.Response addInject(String exercise, int number, String from, Map<String, Object> content) {
        Map<String, Object> inject = new LinkedHashMap<>();
        inject.put("number", number);
        inject.put("at", "PT" + number + "M");
        inject.put("kind", "ALERT");
        inject.put("from", from);
        inject.put("to", List.of("KGZ"));
        inject.put("expectedAction", "ACKNOWLEDGE_ALERT");
        inject.put("content", content);
        ApiClient.Response added = api.post("/api/v1/exercises/" + exercise + "/injects", director, inject);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added;
    }

    private ApiClient.Response postCsv(String path, String csv) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path)).header("Content-Type", "text/csv")
                    .header("Authorization", "Bearer " + director).POST(HttpRequest.BodyPublishers.ofString(csv))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.headers().firstValue("Content-Type")
                    .orElse(""), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String page(HttpClient browser, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
