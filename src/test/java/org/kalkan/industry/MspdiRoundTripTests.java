package org.kalkan.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.industry.IndustryFixtures.MANAGER;
import static org.kalkan.industry.IndustryFixtures.PASSWORD;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Relation;
import net.sf.mpxj.RelationType;
import net.sf.mpxj.Task;
import net.sf.mpxj.TimeUnit;
import net.sf.mpxj.mspdi.MSPDIReader;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The schedule exported as MSPDI opens in MPXJ (a real third-party reader) with the same tasks, dates, costs and
 * links; importing the export into another programme gives the same schedule back; a document with a DTD is refused.
 */
@KalkanTest
class MspdiRoundTripTests {

    @LocalServerPort int port;

    @Test
    void theExportOpensInMpxjWithTheSameTasksAndLinksAndImportsBack() throws Exception {
        ApiClient api = new ApiClient(port);
        String token = api.token(MANAGER, PASSWORD);
        String id = IndustryFixtures.droneProgramme(api, token, "MSPDI " + UUID.randomUUID());
        ApiClient.Response lag = api.post("/api/v1/industry/programmes/" + id + "/work-packages", token,
                IndustryFixtures.workPackage("WP7", "Certification", "TUR", 50_000, "2027-07-11", "2027-08-01",
                        Map.of("code", "WP6", "lagDays", 10)));
        assertThat(lag.status()).as(lag.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/industry/programmes/" + id + "/milestones", token, Map.of("name",
                "First flight", "kind", "MILESTONE", "due", "2027-05-15", "workPackage", "WP5")).status())
                .isEqualTo(201);

        ApiClient.Response xml = api.getAccepting("/api/v1/industry/programmes/" + id + "/schedule.xml", token,
                "application/xml");
        assertThat(xml.status()).as(xml.body()).isEqualTo(200);
        ProjectFile project = new MSPDIReader().read(new ByteArrayInputStream(xml.body().getBytes(
                StandardCharsets.UTF_8)));

        JsonNode packages = api.get("/api/v1/industry/programmes/" + id + "/work-packages", token).json();
        Map<String, Task> byWbs = new TreeMap<>();
        Task milestone = null;
        for (Task task : project.getTasks()) {
            if (task.getUniqueID() == 0) {
                continue;
            }
            if (task.getMilestone()) {
                milestone = task;
            } else {
                byWbs.put(task.getWBS(), task);
            }
        }
        assertThat(byWbs).hasSize(packages.size());
        for (JsonNode wp : packages) {
            Task task = byWbs.get(wp.get("code").asString());
            assertThat(task).as(wp.get("code").asString()).isNotNull();
            assertThat(task.getName()).isEqualTo(wp.get("title").asString());
            assertThat(task.getStart()).isEqualTo(LocalDateTime.parse(wp.get("plannedStart").asString() + "T00:00"));
            assertThat(task.getFinish()).isEqualTo(LocalDateTime.parse(wp.get("plannedFinish").asString() + "T00:00"));
            assertThat(task.getCost().doubleValue()).isEqualTo(wp.get("budget").asDouble());
            assertThat(task.getText(1)).isEqualTo(wp.get("nation").asString());
            Map<String, Double> links = new TreeMap<>();
            for (Relation relation : task.getPredecessors()) {
                Task predecessor = relation.getTargetTask() == task ? relation.getSourceTask() : relation.getTargetTask();
                assertThat(relation.getType()).isEqualTo(RelationType.FINISH_START);
                double lagDays = relation.getLag().getDuration();
                if (relation.getLag().getUnits() != TimeUnit.ELAPSED_DAYS && lagDays != 0) {
                    lagDays = relation.getLag().convertUnits(TimeUnit.ELAPSED_DAYS, project.getProjectProperties())
                            .getDuration();
                }
                links.put(predecessor.getWBS(), lagDays);
            }
            Map<String, Double> expected = new TreeMap<>();
            for (JsonNode link : wp.get("dependsOn")) {
                expected.put(link.get("code").asString(), link.get("lagDays").asDouble());
            }
            assertThat(links).as("links of " + wp.get("code").asString()).isEqualTo(expected);
        }
        assertThat(byWbs.get("WP7").getPredecessors()).hasSize(1);
        assertThat(milestone).isNotNull();
        assertThat(milestone.getName()).isEqualTo("First flight");
        assertThat(milestone.getStart().toLocalDate().toString()).isEqualTo("2027-05-15");
        assertThat(byWbs.get("WP1").getCritical()).isTrue();
        assertThat(byWbs.get("WP2").getCritical()).isFalse();

        // Kalkan reads its own export back into an empty programme: the same packages, links and critical path
        String copy = IndustryFixtures.programme(api, token, "MSPDI copy " + UUID.randomUUID());
        ApiClient.Response imported = post(api, "/api/v1/industry/programmes/" + copy + "/schedule.xml", token,
                xml.body());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(7);
        JsonNode copied = api.get("/api/v1/industry/programmes/" + copy + "/work-packages", token).json();
        assertThat(strip(copied)).isEqualTo(strip(packages));
        assertThat(api.get("/api/v1/industry/programmes/" + copy + "/schedule", token).json().get("criticalPath"))
                .isEqualTo(api.get("/api/v1/industry/programmes/" + id + "/schedule", token).json()
                        .get("criticalPath"));
        assertThat(api.get("/api/v1/industry/programmes/" + copy + "/milestones", token).body())
                .contains("First flight").contains("\"workPackage\":\"WP5\"");
    }

    @Test
    void aDocumentWithADoctypeIsRefusedAndNothingIsStored() {
        ApiClient api = new ApiClient(port);
        String token = api.token(MANAGER, PASSWORD);
        String id = IndustryFixtures.programme(api, token, "MSPDI XXE " + UUID.randomUUID());
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Project xmlns=\"http://schemas.microsoft.com/project\"><Tasks><Task><UID>1</UID><Name>&x;</Name>"
                + "<Start>2026-01-01T00:00:00</Start><Finish>2026-02-01T00:00:00</Finish><Cost>100</Cost></Task>"
                + "</Tasks></Project>";
        ApiClient.Response response = post(api, "/api/v1/industry/programmes/" + id + "/schedule.xml", token, evil);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("root:");
        assertThat(api.get("/api/v1/industry/programmes/" + id + "/work-packages", token).json().size()).isZero();
    }

    /** The packages without their progress (not part of an imported schedule). */
    private static String strip(JsonNode packages) {
        StringBuilder text = new StringBuilder();
        for (JsonNode p : packages) {
            text.append(p.get("code")).append(p.get("title")).append(p.get("nation")).append(p.get("budget").decimalValue()
                    .stripTrailingZeros()).append(p.get("plannedStart")).append(p.get("plannedFinish"))
                    .append(p.get("dependsOn")).append('\n');
        }
        return text.toString();
    }

    private ApiClient.Response post(ApiClient api, String path, String token, String xml) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/xml").POST(java.net.http.HttpRequest.BodyPublishers
                            .ofString(xml)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.headers().firstValue("Content-Type")
                    .orElse(""), response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
