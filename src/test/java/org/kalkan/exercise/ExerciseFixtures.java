package org.kalkan.exercise;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.kalkan.ApiClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Shared steps of the exercise tests: plan an exercise, send a CSV, download bytes. */
final class ExerciseFixtures {

    static final String PASSWORD = "kalkan-demo";
    static final String CSV_HEADER = "number,at,start,after,kind,from,to,expectedAction,objective,contingency,"
            + "deadline,content\n";

    private ExerciseFixtures() {
    }

    /** exercise.director plans an exercise for KGZ and UZB; its id. */
    static String plan(ApiClient api, String director, String name) {
        var response = api.post("/api/v1/exercises", director, Map.of("name", name,
                "trainingAudience", List.of("KGZ", "UZB"), "objectives", List.of("Report handling", "Alerting"),
                "evaluatorUsers", List.of("kaz.officer"),
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS"))));
        if (response.status() != 201) {
            throw new IllegalStateException("exercise not planned: " + response);
        }
        return response.json().get("id").asString();
    }

    static ApiClient.Response postCsv(int port, String path, String token, String csv) {
        return send(port, "POST", path, token, "text/csv", csv);
    }

    static ApiClient.Response put(int port, String path, String token, Object body) {
        return send(port, "PUT", path, token, "application/json", JsonMapper.builder().build()
                .writeValueAsString(body));
    }

    private static ApiClient.Response send(int port, String method, String path, String token, String type,
            String body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path)).header("Content-Type", type)
                    .header("Authorization", "Bearer " + token)
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] download(int port, String path, String token) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                        + new String(response.body()));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The inject of that number from the MSEL as EXCON sees it. */
    static JsonNode inject(ApiClient api, String token, String exercise, int number) {
        for (JsonNode inject : api.get("/api/v1/exercises/" + exercise + "/injects", token).json()) {
            if (inject.get("number").asInt() == number) {
                return inject;
            }
        }
        throw new AssertionError("no inject " + number);
    }

    /**
     * Ends every running exercise, so that injects still due do not alert KGZ and UZB users while other test
     * classes of the shared node run.
     */
    static void endRunningExercises(JdbcClient jdbc) {
        jdbc.sql("UPDATE exercise SET status = 'ENDED', clock_state = 'STOPPED' WHERE status = 'RUNNING'").update();
    }

    /** A CSV field holding JSON, quoted. */
    static String json(String json) {
        return "\"" + json.replace("\"", "\"\"") + "\"";
    }

    static String report(String title) {
        return json("{\"category\":\"BORDER_INCIDENT\",\"title\":\"" + title + "\",\"narrative\":\"Shots heard\","
                + "\"location\":{\"lat\":40.0,\"lon\":72.8},\"severity\":3,\"confidence\":\"PROBABLE\"}");
    }

    static String alert(String text) {
        return json("{\"text\":\"" + text + "\",\"precedence\":\"IMMEDIATE\"}");
    }
}
