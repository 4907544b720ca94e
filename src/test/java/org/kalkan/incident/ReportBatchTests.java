package org.kalkan.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Feeds post reports in batches: all or nothing, every bad item named, ids in the order sent. */
@KalkanTest
class ReportBatchTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    ApiClient api;
    String aze;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        aze = api.token("aze.officer", "kalkan-demo");
    }

    static Map<String, Object> report(String title, double lat, double lon) {
        Map<String, Object> body = new HashMap<>(IncidentFixtures.report("BORDER_INCIDENT", lat, lon, "RESTRICTED",
                "MEMBERS"));
        body.put("title", title);
        return body;
    }

    long stored(String titlePrefix) {
        return jdbc.sql("SELECT count(*) FROM report WHERE title LIKE :p").param("p", titlePrefix + "%")
                .query(Long.class).single();
    }

    @Test
    void aThousandReportsAreFiledInOneRequestAndShowOnTheMap() {
        String run = "batch-" + System.nanoTime() + " ";
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // A grid from the Caucasus to Central Asia, 0.5° apart; some correlate with their neighbours.
            batch.add(report(run + i, 38.5 + (i / 40) % 10 * 0.5, 45.0 + (i % 40) * 0.5));
        }
        var answer = api.post("/api/v1/reports/batch", aze, batch);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        answer.json().forEach(id -> ids.add(id.asString()));
        assertThat(ids).hasSize(1000).doesNotHaveDuplicates();
        Map<String, String> titles = jdbc.sql("SELECT id::text, title FROM report WHERE title LIKE :p")
                .param("p", run + "%").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (int i = 0; i < 1000; i++) {
            assertThat(titles.get(ids.get(i))).as("id %d in the order sent", i).isEqualTo(run + i);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'REPORT_FILED' AND target IN "
                + "(SELECT 'report:' || id FROM report WHERE title LIKE :p)").param("p", run + "%")
                .query(Long.class).single()).isEqualTo(1000);

        // On the map: the incidents of the area, as the map page loads them, for another member's officer.
        List<String> incidents = jdbc.sql("SELECT DISTINCT incident_id::text FROM report WHERE title LIKE :p")
                .param("p", run + "%").query(String.class).list();
        // Page by page, as other test classes sharing the node leave incidents of their own in the same area.
        // The reporter's own map: a report joins only incidents its reporter may read, while another nation's officer
        // may not read an incident that other test classes' reports on the shared node joined.
        String reporter = aze;
        List<String> shown = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor == null ? ""
                    : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8);
            JsonNode map = api.getAccepting("/api/v1/incidents?bbox=43,37,66,45&limit=1000&category=BORDER_INCIDENT"
                    + after, reporter, "application/geo+json").json();
            map.get("features").forEach(feature -> shown.add(feature.get("id").asString()));
            cursor = map.has("next") ? map.get("next").asString() : null;
        } while (cursor != null);
        assertThat(shown).containsAll(incidents);
    }

    @Test
    void aBatchWithBadItemsIsRefusedWholeNamingEachAndStoresNothing() throws Exception {
        String run = "bad-batch-" + System.nanoTime() + " ";
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(report(run + i, 40.0, 49.0 + i * 0.01));
        }
        ((Map<String, Object>) batch.get(3)).put("severity", 9);
        ((Map<String, Object>) batch.get(5)).put("label", Map.of("classification", "CONFIDENTIAL",
                "releasableTo", List.of("NARNIA")));
        batch.set(7, "not a report");
        ((Map<String, Object>) batch.get(8)).remove("location");
        var answer = api.post("/api/v1/reports/batch", aze, batch);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        List<String> where = new ArrayList<>();
        answer.json().get("errors").forEach(e -> where.add(e.get("where").asString()));
        assertThat(where).hasSize(4).allMatch(w -> w.startsWith("items["))
                .anyMatch(w -> w.startsWith("items[3]")).anyMatch(w -> w.startsWith("items[5]"))
                .anyMatch(w -> w.startsWith("items[7]")).anyMatch(w -> w.startsWith("items[8]"));
        assertThat(stored(run)).isZero();

        // Above the reporter's clearance is named too, item by item.
        String observerLevel = api.token("kaz.officer", "kalkan-demo");
        List<Map<String, Object>> secret = List.of(report(run + "ok", 43.2, 76.9),
                withLabel(report(run + "top", 43.2, 76.95), "TOP_SECRET"));
        var refused = api.post("/api/v1/reports/batch", observerLevel, secret);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("where").asString()).startsWith("items[1]");
        assertThat(stored(run)).isZero();
    }

    private static Map<String, Object> withLabel(Map<String, Object> report, String classification) {
        report.put("label", Map.of("classification", classification, "releasableTo", List.of("KAZ")));
        return report;
    }

    @Test
    void ndjsonIsAcceptedLineByLineAndSizesAreBounded() throws Exception {
        String run = "ndjson-" + System.nanoTime() + " ";
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            lines.append(JSON.writeValueAsString(report(run + i, 41.7, 44.8 + i))).append('\n');
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/reports/batch"))
                .header("Authorization", "Bearer " + aze).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(JSON.readTree(answer.body()).size()).isEqualTo(3);
        assertThat(stored(run)).isEqualTo(3);

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("title", "x"));
        }
        assertThat(api.post("/api/v1/reports/batch", aze, tooMany).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/reports/batch", aze, List.of()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/reports/batch", aze, Map.of("not", "an array")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/reports/batch", api.token("hun.observer", "kalkan-demo"),
                List.of(report(run + "observer", 47.5, 19.0))).status()).isEqualTo(403);
    }

    @Test
    void reportsOfOneBatchCorrelateWithEachOtherAndOverlappingBatchesDoNotDeadlock() throws Exception {
        String run = "overlap-" + System.nanoTime() + " ";
        // South of where ReportActsApiTests files at random (lat 36-54, lon 46-84), so no other test's incident is
        // a candidate: one within 50 km of the first report and not of the second split the pair once.
        var together = api.post("/api/v1/reports/batch", aze, List.of(report(run + "a", 35.2, 44.6),
                report(run + "b", 35.21, 44.61)));
        assertThat(together.status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(DISTINCT incident_id) FROM report WHERE title LIKE :p")
                .param("p", run + "%").query(Long.class).single()).isEqualTo(1);

        // Two feeds post batches over the same area at once; each takes its locks in the one order.
        List<CompletableFuture<Integer>> feeds = new ArrayList<>();
        for (int feed = 0; feed < 4; feed++) {
            int f = feed;
            feeds.add(CompletableFuture.supplyAsync(() -> {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    int j = (i * 7 + f * 13) % 100;
                    batch.add(report(run + "feed" + f + "-" + i, 36.0 + (j / 10) * 0.3, 60.0 + (j % 10) * 0.3));
                }
                return api.post("/api/v1/reports/batch", aze, batch).status();
            }));
        }
        for (CompletableFuture<Integer> feed : feeds) {
            assertThat(feed.get()).isEqualTo(201);
        }
        assertThat(stored(run + "feed")).isEqualTo(400);
    }
}
