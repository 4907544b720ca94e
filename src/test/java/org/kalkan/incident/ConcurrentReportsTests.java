package org.kalkan.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.platform.PlatformProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many more reports at once than the node has database connections: every one is filed. Nothing that runs as a report
 * commits may wait for a second connection while the report's own is still held — with every connection held by a
 * request doing so, the node stalls until the pool's timeout and then fails them all (a listener that recorded its
 * completion in the event publication registry from the committing thread did exactly that).
 */
@KalkanTest
class ConcurrentReportsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired PlatformProperties platform;
    @Autowired JdbcClient jdbc;

    @Test
    void fourTimesMoreConcurrentReportsThanConnectionsAreAllFiled() throws Exception {
        int clients = platform.db().poolSize() * 4;
        String token = new ApiClient(port).token("kaz.officer", "kalkan-demo");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < clients * 2; i++) {
                // Far apart (no correlation lock shared), in Kazakhstan's steppe where no other test files reports.
                Map<String, Object> body = IncidentFixtures.report("OTHER", 47.0 + (i % 20) * 0.3,
                        66.0 + (i / 20) * 0.6, "RESTRICTED", "MEMBERS");
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
                answers.add(CompletableFuture.supplyAsync(() -> send(http, request), pool));
            }
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)
                    .toList();
            assertThat(statuses).as("every report filed, none refused for want of a connection")
                    .hasSize(clients * 2).containsOnly(201);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fourTimesMoreConcurrentReadsRefusedThanConnectionsAreAllAnsweredAndAudited() throws Exception {
        int clients = platform.db().poolSize() * 4;
        ApiClient api = new ApiClient(port);
        String id = api.post("/api/v1/reports", api.token("aze.officer", "kalkan-demo"), IncidentFixtures.report(
                "OTHER", 40.1, 47.9, "CONFIDENTIAL", "AZE")).json().get("id").asString();
        String token = api.token("kaz.officer", "kalkan-demo");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < clients * 2; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports/"
                        + id)).header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2)).GET().build();
                answers.add(CompletableFuture.supplyAsync(() -> send(http, request), pool));
            }
            assertThat(answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList())
                    .as("every refusal answered as a record that does not exist").hasSize(clients * 2)
                    .containsOnly(404);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE outcome = 'DENIED' AND actor = 'kaz.officer' "
                    + "AND target LIKE :t").param("t", "%" + id + "%").query(Long.class).single())
                    .as("every refusal audited").isGreaterThanOrEqualTo(clients * 2L);
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
