package org.kalkan.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@KalkanTest
class IncidentApiTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void aReportIsSeenOnlyByThoseItIsReleasedTo() {
        ApiClient api = new ApiClient(port);
        var filed = api.post("/api/v1/reports", api.token("aze.officer", "kalkan-demo"),
                IncidentFixtures.report("CYBER_ATTACK", 41.72, 44.79, "CONFIDENTIAL", "AZE", "TUR"));
        assertThat(filed.status()).isEqualTo(201);
        String incidentId = filed.json().get("incidentId").asString();
        assertThat(filed.json().get("label").get("marking").asString()).isEqualTo("CONFIDENTIAL // REL TO AZE, TUR");
        assertThat(filed.json().get("location").get("mgrs").asString()).startsWith("38T");

        String tur = api.token("tur.officer", "kalkan-demo");
        assertThat(ids(api.get("/api/v1/incidents?category=CYBER_ATTACK", tur).json())).contains(incidentId);
        assertThat(api.get("/api/v1/incidents/" + incidentId, tur).status()).isEqualTo(200);

        for (String outsider : List.of("kaz.officer", "hun.observer")) {
            String token = api.token(outsider, "kalkan-demo");
            assertThat(ids(api.get("/api/v1/incidents?category=CYBER_ATTACK", token).json()))
                    .doesNotContain(incidentId);
            assertThat(api.get("/api/v1/incidents/" + incidentId, token).status()).isEqualTo(404);
            var geo = api.getAccepting("/api/v1/incidents?category=CYBER_ATTACK", token, "application/geo+json");
            assertThat(geo.contentType()).startsWith("application/geo+json");
            assertThat(geo.body()).doesNotContain(incidentId);
        }
    }

    @Test
    void nearbyReportsOfTheSameCategoryJoinOneIncidentAndFarOnesDoNot() {
        ApiClient api = new ApiClient(port);
        String token = api.token("kgz.officer", "kalkan-demo");
        String first = api.post("/api/v1/reports", token,
                IncidentFixtures.report("BORDER_INCIDENT", 40.10, 71.50, "RESTRICTED", "MEMBERS")).json()
                .get("incidentId").asString();
        String near = api.post("/api/v1/reports", token,
                IncidentFixtures.report("BORDER_INCIDENT", 40.15, 71.55, "RESTRICTED", "MEMBERS")).json()
                .get("incidentId").asString();
        String far = api.post("/api/v1/reports", token,
                IncidentFixtures.report("BORDER_INCIDENT", 42.87, 74.59, "RESTRICTED", "MEMBERS")).json()
                .get("incidentId").asString();
        String otherCategory = api.post("/api/v1/reports", token,
                IncidentFixtures.report("TRAFFICKING_DRUGS", 40.12, 71.51, "RESTRICTED", "MEMBERS")).json()
                .get("incidentId").asString();
        assertThat(near).isEqualTo(first);
        assertThat(far).isNotEqualTo(first);
        assertThat(otherCategory).isNotEqualTo(first);
        JsonNode incident = api.get("/api/v1/incidents/" + first, token).json();
        assertThat(incident.get("incident").get("reportCount").asInt()).isEqualTo(2);
        assertThat(incident.get("reports")).hasSize(2);
    }

    @Test
    void anIncidentIsNeverWiderOrLowerThanAnyOfItsReports() {
        ApiClient api = new ApiClient(port);
        String tur = api.token("tur.officer", "kalkan-demo");
        String first = api.post("/api/v1/reports", tur,
                IncidentFixtures.report("CBRN", 39.90, 32.85, "SECRET", "TUR", "AZE")).json().get("incidentId")
                .asString();
        String second = api.post("/api/v1/reports", tur,
                IncidentFixtures.report("CBRN", 39.91, 32.86, "RESTRICTED", "MEMBERS")).json().get("incidentId")
                .asString();
        assertThat(second).as("a report every reader of the incident may read joins it").isEqualTo(first);
        JsonNode label = api.get("/api/v1/incidents/" + first, tur).json().get("incident").get("label");
        assertThat(label.get("classification").asString()).isEqualTo("SECRET");
        assertThat(label.get("releasableTo").toString()).isEqualTo("[\"AZE\",\"TUR\"]");
        // KAZ could read the second report but not the first, so it does not see the incident at all.
        String kaz = api.token("kaz.officer", "kalkan-demo");
        assertThat(api.get("/api/v1/incidents/" + first, kaz).status()).isEqualTo(404);
    }

    @Test
    void aReportThatWouldHideAnIncidentFromItsReadersOpensItsOwn() {
        ApiClient api = new ApiClient(port);
        String tur = api.token("tur.officer", "kalkan-demo");
        String open = api.post("/api/v1/reports", tur,
                IncidentFixtures.report("CBRN", 38.40, 27.14, "RESTRICTED", "MEMBERS")).json().get("incidentId")
                .asString();
        String secret = api.post("/api/v1/reports", tur,
                IncidentFixtures.report("CBRN", 38.41, 27.15, "SECRET", "TUR", "AZE")).json().get("incidentId")
                .asString();
        assertThat(secret).isNotEqualTo(open);
        assertThat(api.get("/api/v1/incidents/" + open, api.token("kaz.officer", "kalkan-demo")).status())
                .isEqualTo(200);
    }

    @Test
    void locationMayBeGivenAsMgrs() {
        ApiClient api = new ApiClient(port);
        Map<String, Object> body = new HashMap<>(IncidentFixtures.report("OTHER", 0, 0, "UNCLASSIFIED", "ALL"));
        body.put("location", Map.of("mgrs", "39TVE 03874 73803"));
        var filed = api.post("/api/v1/reports", api.token("aze.officer", "kalkan-demo"), body);
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.json().get("location").get("lat").asDouble()).isBetween(40.0, 41.0);
        assertThat(filed.json().get("location").get("lon").asDouble()).isBetween(49.0, 50.5);
    }

    @Test
    void badInputIsRefusedWithAProblemAndNothingIsStored() {
        ApiClient api = new ApiClient(port);
        String token = api.token("uzb.officer", "kalkan-demo");
        long before = reports();
        List<Map<String, Object>> bad = List.of(
                with("location", Map.of("lat", 95.0, "lon", 49.0)),
                with("location", Map.of("mgrs", "99ZZZ")),
                with("category", "PIRACY"),
                with("label", null),
                with("label", Map.of("classification", "SECRET", "releasableTo", List.of("NATO"))),
                with("label", Map.of("classification", "COSMIC", "releasableTo", List.of("ALL"))),
                with("narrative", "x".repeat(NewReport.MAX_NARRATIVE + 1)),
                with("severity", 9),
                with("observedAt", "yesterday"),
                with("area", Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(49, 40),
                        List.of(50, 40), List.of(50, 41))))));
        for (Map<String, Object> body : bad) {
            var response = api.post("/api/v1/reports", token, body);
            assertThat(response.status()).as(body.toString().substring(0, Math.min(120, body.toString().length())))
                    .isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).isNotBlank();
        }
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void aReporterCannotLabelAboveTheirClearanceNorCanObserversReport() {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, nation, clearance, roles, password_hash, created_at)
                SELECT 'kaz.clerk', 'KAZ clerk', 'KAZ', 1, '{REPORTING_OFFICER}', password_hash, now()
                FROM app_user WHERE username = 'kaz.officer' ON CONFLICT DO NOTHING""").update();
        ApiClient api = new ApiClient(port);
        long before = reports();
        var above = api.post("/api/v1/reports", api.token("kaz.clerk", "kalkan-demo"),
                IncidentFixtures.report("OTHER", 43.2, 76.9, "CONFIDENTIAL", "KAZ"));
        assertThat(above.status()).isEqualTo(403);
        var observer = api.post("/api/v1/reports", api.token("hun.observer", "kalkan-demo"),
                IncidentFixtures.report("OTHER", 47.5, 19.0, "UNCLASSIFIED", "ALL"));
        assertThat(observer.status()).isEqualTo(403);
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void watchOfficersMoveIncidentsThroughTheirLifecycle() {
        ApiClient api = new ApiClient(port);
        String officer = api.token("tur.officer", "kalkan-demo");
        String id = api.post("/api/v1/reports", officer,
                IncidentFixtures.report("CRITICAL_INFRASTRUCTURE", 41.0, 40.5, "RESTRICTED", "MEMBERS")).json()
                .get("incidentId").asString();
        String watch = api.token("cmc.watch", "kalkan-demo");
        assertThat(api.post("/api/v1/incidents/" + id + "/status", officer, Map.of("status", "ASSESSED")).status())
                .isEqualTo(403);
        var skip = api.post("/api/v1/incidents/" + id + "/status", watch, Map.of("status", "MONITORING"));
        assertThat(skip.status()).isEqualTo(409);
        var assessed = api.post("/api/v1/incidents/" + id + "/status", watch, Map.of("status", "ASSESSED"));
        assertThat(assessed.status()).isEqualTo(200);
        int version = assessed.json().get("version").asInt();
        var stale = api.post("/api/v1/incidents/" + id + "/status", watch,
                Map.of("status", "ESCALATED", "version", version - 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.post("/api/v1/incidents/" + id + "/status", watch,
                Map.of("status", "ESCALATED", "version", version)).json().get("status").asString())
                .isEqualTo("ESCALATED");
    }

    @Test
    void watchOfficersMergeAndSplitIncidents() {
        ApiClient api = new ApiClient(port);
        String officer = api.token("tur.officer", "kalkan-demo");
        var a = api.post("/api/v1/reports", officer,
                IncidentFixtures.report("TRAFFICKING_ARMS", 37.0, 35.3, "RESTRICTED", "MEMBERS")).json();
        var b = api.post("/api/v1/reports", officer,
                IncidentFixtures.report("TRAFFICKING_ARMS", 38.5, 39.2, "RESTRICTED", "MEMBERS")).json();
        String first = a.get("incidentId").asString();
        String second = b.get("incidentId").asString();
        assertThat(first).isNotEqualTo(second);
        String watch = api.token("cmc.watch", "kalkan-demo");
        var merged = api.post("/api/v1/incidents/" + first + "/merge", watch, Map.of("incidentIds", List.of(second)));
        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().get("reportCount").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/incidents/" + second, watch).json().get("incident").get("status").asString())
                .isEqualTo("CLOSED");

        var split = api.post("/api/v1/reports/" + b.get("id").asString() + "/incident", watch,
                new HashMap<String, Object>(Map.of()));
        assertThat(split.status()).isEqualTo(200);
        assertThat(split.json().get("id").asString()).isNotIn(first, second);
        assertThat(api.get("/api/v1/incidents/" + first, watch).json().get("incident").get("reportCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void anIncidentsHistoryNamesOnlyTheOtherIncidentsItsReaderMayRead() {
        ApiClient api = new ApiClient(port);
        String officer = api.token("tur.officer", "kalkan-demo");
        var a = api.post("/api/v1/reports", officer,
                IncidentFixtures.report("TRAFFICKING_DRUGS", 36.2, 36.1, "RESTRICTED", "MEMBERS")).json();
        var b = api.post("/api/v1/reports", officer,
                IncidentFixtures.report("TRAFFICKING_DRUGS", 39.9, 41.3, "RESTRICTED", "MEMBERS")).json();
        String first = a.get("incidentId").asString();
        String second = b.get("incidentId").asString();
        String watch = api.token("cmc.watch", "kalkan-demo");
        assertThat(api.post("/api/v1/incidents/" + first + "/merge", watch, Map.of("incidentIds", List.of(second)))
                .status()).isEqualTo(200);
        var split = api.post("/api/v1/reports/" + b.get("id").asString() + "/incident", watch,
                new HashMap<String, Object>(Map.of()));
        String splitOff = split.json().get("id").asString();
        String splitRef = split.json().get("ref").asString();

        JsonNode seen = api.get("/api/v1/incidents/" + first + "/history", watch).json();
        assertThat(seen.findValuesAsString("kind")).containsExactly("OPENED", "MERGED_IN", "REPORT_MOVED_OUT");
        assertThat(seen.get(1).get("otherId").asString()).isEqualTo(second);
        assertThat(seen.get(2).get("otherRef").asString()).isEqualTo(splitRef);
        assertThat(api.get("/api/v1/incidents/" + splitOff + "/history", watch).json().get(0).get("kind").asString())
                .isEqualTo("SPLIT_FROM");
        assertThat(api.get("/api/v1/incidents/" + second + "/history", watch).json().findValuesAsString("kind"))
                .containsExactly("OPENED", "MERGED_INTO");

        // Its originator narrows the split-off report to TUR: KAZ still reads the first incident's history, which
        // no longer names where the report went.
        var narrowed = api.post("/api/v1/reports/" + b.get("id").asString() + "/label", officer, Map.of("label",
                Map.of("classification", "RESTRICTED", "releasableTo", List.of("TUR")), "reason", "source protection"));
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
        String kaz = api.token("kaz.officer", "kalkan-demo");
        JsonNode kazSees = api.get("/api/v1/incidents/" + first + "/history", kaz).json();
        assertThat(kazSees.findValuesAsString("kind")).containsExactly("OPENED", "MERGED_IN", "REPORT_MOVED_OUT");
        assertThat(kazSees.get(1).get("otherId").asString()).isEqualTo(second);
        assertThat(kazSees.get(2).toString()).doesNotContain("\"otherRef\":\"");
        assertThat(kazSees.toString()).doesNotContain(splitOff).doesNotContain(splitRef);
        assertThat(api.get("/api/v1/incidents/" + splitOff + "/history", kaz).status()).isEqualTo(404);
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatsOrGaps() {
        ApiClient api = new ApiClient(port);
        String token = api.token("aze.officer", "kalkan-demo");
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/reports", token, IncidentFixtures.report("NATURAL_DISASTER", 35 + i * 2, 60, "UNCLASSIFIED",
                    "ALL"));
        }
        List<String> seen = new java.util.ArrayList<>();
        String next = null;
        do {
            var page = api.get("/api/v1/incidents?category=NATURAL_DISASTER&limit=2"
                    + (next == null ? "" : "&cursor=" + next), token).json();
            seen.addAll(ids(page));
            next = page.get("next") == null || page.get("next").isNull() ? null : page.get("next").asString();
        } while (next != null);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(5).doesNotHaveDuplicates();
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> body = new HashMap<>(IncidentFixtures.report("TERRORISM", 41.3, 69.2, "RESTRICTED",
                "UZB"));
        body.put(key, value);
        return body;
    }

    private long reports() {
        return jdbc.sql("SELECT count(*) FROM report").query(Long.class).single();
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
