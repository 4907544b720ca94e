package org.kalkan.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.EventStream;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The originator's acts on a single report: reading it, relabelling it, withdrawing it. */
@KalkanTest
class ReportActsApiTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void onlyTheOriginatorRelabelsAReportAndWideningIsAuditedAsSuch() {
        ApiClient api = new ApiClient(port);
        String aze = api.token("aze.officer", "kalkan-demo");
        String tur = api.token("tur.officer", "kalkan-demo");
        String kaz = api.token("kaz.officer", "kalkan-demo");
        String id = file(api, aze, "OTHER", place(), "CONFIDENTIAL", "AZE", "TUR").get("id").asString();
        assertThat(api.get("/api/v1/reports/" + id, tur).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/reports/" + id, kaz).status()).isEqualTo(404);

        Map<String, Object> wider = Map.of("label", Map.of("classification", "RESTRICTED",
                "releasableTo", List.of("MEMBERS")), "reason", "Cleared for release by the AZE NCP");
        assertThat(api.post("/api/v1/reports/" + id + "/label", tur, wider).status()).as("a reader, not the origin")
                .isEqualTo(403);
        assertThat(api.post("/api/v1/reports/" + id + "/label", kaz, wider).status()).as("not a reader")
                .isEqualTo(404);
        var noReason = api.post("/api/v1/reports/" + id + "/label", aze, Map.of("label", wider.get("label")));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(api.post("/api/v1/reports/" + id + "/label", aze, Map.of("label", Map.of("classification",
                "SECRET", "releasableTo", List.of("NATO")), "reason", "x")).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reports/" + id, kaz).status()).as("nothing changed yet").isEqualTo(404);

        var relabelled = api.post("/api/v1/reports/" + id + "/label", aze, wider);
        assertThat(relabelled.status()).isEqualTo(200);
        assertThat(relabelled.json().get("label").get("marking").asString()).isEqualTo("RESTRICTED // REL TO MEMBERS");
        assertThat(api.get("/api/v1/reports/" + id, kaz).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/incidents/" + relabelled.json().get("incidentId").asString(), kaz).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE target = :t AND outcome = 'OK'")
                .param("t", "report:" + id).query(String.class).list())
                .contains("REPORT_RELABELLED", "REPORT_RELEASE_WIDENED", "REPORT_CLASSIFICATION_LOWERED");
    }

    @Test
    void narrowingAReportMovesItOutOfAnIncidentOthersReadAndALoneReportTakesItsIncidentAlong() {
        ApiClient api = new ApiClient(port);
        String tur = api.token("tur.officer", "kalkan-demo");
        String kaz = api.token("kaz.officer", "kalkan-demo");
        double[] at = place();
        JsonNode turs = file(api, tur, "BORDER_INCIDENT", at, "RESTRICTED", "MEMBERS");
        JsonNode kazs = file(api, kaz, "BORDER_INCIDENT", new double[] {at[0] + 0.01, at[1]}, "RESTRICTED", "MEMBERS");
        String incident = turs.get("incidentId").asString();
        assertThat(kazs.get("incidentId").asString()).isEqualTo(incident);

        var narrowed = api.post("/api/v1/reports/" + kazs.get("id").asString() + "/label", kaz, Map.of(
                "label", Map.of("classification", "SECRET", "releasableTo", List.of("KAZ")), "reason", "source"));
        assertThat(narrowed.status()).isEqualTo(200);
        String own = narrowed.json().get("incidentId").asString();
        assertThat(own).isNotEqualTo(incident);
        JsonNode left = api.get("/api/v1/incidents/" + incident, tur).json();
        assertThat(left.get("incident").get("reportCount").asInt()).isEqualTo(1);
        assertThat(left.get("incident").get("title").asString()).isEqualTo(turs.get("title").asString());
        assertThat(left.get("incident").get("label").get("classification").asString()).isEqualTo("RESTRICTED");
        assertThat(api.get("/api/v1/incidents/" + own, tur).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/incidents/" + own, kaz).json().get("incident").get("label").get("marking")
                .asString()).isEqualTo("SECRET // REL TO KAZ");

        var alone = api.post("/api/v1/reports/" + turs.get("id").asString() + "/label", tur, Map.of(
                "label", Map.of("classification", "SECRET", "releasableTo", List.of("TUR")), "reason", "source"));
        assertThat(alone.json().get("incidentId").asString()).as("the incident of one report follows it")
                .isEqualTo(incident);
        assertThat(api.get("/api/v1/incidents/" + incident, kaz).status()).isEqualTo(404);
    }

    @Test
    void aWithdrawnReportLeavesEveryListAndItsIncidentIsDerivedAgainThenClosed() throws Exception {
        ApiClient api = new ApiClient(port);
        String tur = api.token("tur.officer", "kalkan-demo");
        String kaz = api.token("kaz.officer", "kalkan-demo");
        double[] at = place();
        JsonNode first = file(api, tur, "CBRN", at, "RESTRICTED", "MEMBERS");
        JsonNode second = file(api, tur, "CBRN", new double[] {at[0] + 0.01, at[1]}, "RESTRICTED", "MEMBERS");
        String incident = first.get("incidentId").asString();
        assertThat(second.get("incidentId").asString()).isEqualTo(incident);

        try (EventStream stream = new EventStream(port, "/api/v1/events", kaz)) {
            assertThat(stream.opened.await(10, TimeUnit.SECONDS)).isTrue();
            Map<String, Object> why = Map.of("reason", "Filed twice by mistake");
            assertThat(api.post("/api/v1/reports/" + first.get("id").asString() + "/withdrawal", kaz, why).status())
                    .as("KAZ reads it but did not file it").isEqualTo(403);
            var withdrawn = api.post("/api/v1/reports/" + first.get("id").asString() + "/withdrawal", tur, why);
            assertThat(withdrawn.status()).isEqualTo(200);
            assertThat(withdrawn.json().get("withdrawnBy").asString()).isEqualTo("tur.officer");
            assertThat(api.get("/api/v1/reports/" + first.get("id").asString(), tur).status()).isEqualTo(404);
            JsonNode now = api.get("/api/v1/incidents/" + incident, kaz).json();
            assertThat(now.get("incident").get("reportCount").asInt()).isEqualTo(1);
            assertThat(now.get("incident").get("title").asString()).isEqualTo(second.get("title").asString());
            assertThat(now.get("reports")).hasSize(1);

            api.post("/api/v1/reports/" + second.get("id").asString() + "/withdrawal", tur, why);
            JsonNode closed = api.get("/api/v1/incidents/" + incident, kaz).json().get("incident");
            assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
            assertThat(closed.get("reportCount").asInt()).isZero();
            assertThat(closed.get("title").asString()).isEmpty();
            assertThat(api.get("/api/v1/incidents?category=CBRN&limit=1000", kaz).body()).doesNotContain(incident);
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.lines.stream()
                    .anyMatch(l -> l.startsWith("data:") && l.contains(incident) && !l.contains("title")));
            assertThat(stream.lines).contains("event:incident.removed");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM report WHERE incident_id = CAST(:id AS UUID) "
                + "AND withdrawn_at IS NOT NULL AND withdrawal_reason = 'Filed twice by mistake'")
                .param("id", incident).query(Long.class).single()).as("kept as tombstones").isEqualTo(2);
    }

    private static JsonNode file(ApiClient api, String token, String category, double[] at, String classification,
            String... releasableTo) {
        var filed = api.post("/api/v1/reports", token, IncidentFixtures.report(category, at[0], at[1], classification,
                releasableTo));
        assertThat(filed.status()).isEqualTo(201);
        return filed.json();
    }

    /** A spot no other test uses. */
    private static double[] place() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new double[] {36 + random.nextDouble() * 18, 46 + random.nextDouble() * 38};
    }
}
