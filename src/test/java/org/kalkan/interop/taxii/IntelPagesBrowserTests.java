package org.kalkan.interop.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.interop.taxii.StixFixtures.envelope;
import static org.kalkan.interop.taxii.TaxiiClient.INTEL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The intel collection's pages: objects by type with their markings and the caller's submissions with the reasons
 * of refusals; an object with its relationships and exports; and a watch officer turning a located sighting into a
 * cyberattack report in one action.
 */
@KalkanTest
class IntelPagesBrowserTests {

    private static final SecurityLabel AZE_TUR = SecurityLabel.of(Classification.CONFIDENTIAL, "AZE", "TUR");

    @LocalServerPort
    int port;

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void close() {
        browsers.forEach(ChromeDriver::quit);
    }

    /** An intrusion seen at a pipeline terminal: indicator, malware, location, sighting and relationships. */
    record Intrusion(ObjectNode indicator, ObjectNode malware, ObjectNode location, ObjectNode sighting) {
    }

    private Intrusion postIntrusion(boolean withBrokenObject) {
        String mark = StixFixtures.markingId(AZE_TUR);
        ObjectNode indicator = StixFixtures.indicator("Pipeline SCADA C2 beacon " + UUID.randomUUID().toString()
                .substring(0, 8), mark);
        ObjectNode malware = TaxiiClient.JSON.createObjectNode().put("type", "malware").put("spec_version", "2.1")
                .put("id", "malware--" + UUID.randomUUID()).put("created", StixFixtures.CREATED)
                .put("modified", StixFixtures.CREATED).put("name", "STEPPEWOLF loader").put("is_family", true);
        StixFixtures.marked(malware, mark);
        ObjectNode location = StixFixtures.marked(StixFixtures.location(39.5 + Math.random(), 46.5 + Math.random()),
                mark);
        ObjectNode sighting = StixFixtures.sighting(indicator, location, mark);
        List<ObjectNode> objects = new ArrayList<>(List.of(StixFixtures.marking(AZE_TUR), indicator, malware, location,
                sighting, StixFixtures.relationship(indicator, "indicates", malware, mark)));
        if (withBrokenObject) {
            ObjectNode broken = StixFixtures.indicator("Broken: valid_until before valid_from", mark);
            broken.put("valid_until", "2026-11-19T08:00:00.000Z");
            objects.add(broken);
        }
        assertThat(TaxiiClient.basic(port, "aze.cert").post(INTEL + "objects/", envelope(objects)).status())
                .isEqualTo(202);
        return new Intrusion(indicator, malware, location, sighting);
    }

    @Test
    void aCertSeesObjectsByTypeWithMarkingsTheirRelationshipsAndItsSubmissions() {
        Intrusion intrusion = postIntrusion(true);
        ChromeDriver aze = open("aze.cert");
        aze.get("http://localhost:" + port + "/cti");
        String indicatorId = intrusion.indicator().get("id").asString();
        var row = aze.findElement(By.cssSelector("#cti-objects tr[data-stix-id='" + indicatorId + "']"));
        assertThat(row.getText()).contains("CONFIDENTIAL // REL TO AZE, TUR").contains("indicator");
        assertThat(aze.findElement(By.id("cti-submissions")).getText()).contains("valid_until: must be after");
        assertThat(aze.findElement(By.id("classification-banner")).getText()).contains("CONFIDENTIAL");
        Browser.screenshot(aze, "cti-intel-collection");

        aze.findElement(By.cssSelector("#cti-types a[data-type='indicator']")).click();
        Browser.await(aze, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("type=indicator"));
        assertThat(aze.findElements(By.cssSelector("#cti-objects tbody tr td:nth-child(3)")))
                .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("indicator"));

        aze.get("http://localhost:" + port + "/cti/objects/" + indicatorId);
        assertThat(aze.findElement(By.id("cti-marking")).getText()).isEqualTo("CONFIDENTIAL // REL TO AZE, TUR");
        String related = aze.findElement(By.id("cti-related")).getText();
        assertThat(related).contains("relationship: indicates").contains("sighting: " + indicatorId);
        assertThat(aze.findElements(By.id("cti-report"))).as("CERTs do not file reports").isEmpty();
        assertThat(aze.findElement(By.id("cti-json")).getText()).contains("\"pattern\"");
        Browser.screenshot(aze, "cti-object-detail");

        ChromeDriver kaz = open("kaz.cert");
        kaz.get("http://localhost:" + port + "/cti");
        assertThat(kaz.findElements(By.cssSelector("#cti-objects tr[data-stix-id='" + indicatorId + "']"))).isEmpty();
        kaz.get("http://localhost:" + port + "/cti/objects/" + indicatorId);
        assertThat(kaz.getPageSource()).doesNotContain("Pipeline SCADA");
    }

    @Test
    void aWatchOfficerTurnsALocatedSightingIntoAReportInOneAction() {
        Intrusion intrusion = postIntrusion(false);
        ChromeDriver watch = open("cmc.watch");
        watch.get("http://localhost:" + port + "/cti/objects/" + intrusion.sighting().get("id").asString());
        assertThat(watch.findElement(By.id("cti-report-form")).getText()).contains("Sangachal terminal");
        Browser.screenshot(watch, "cti-sighting-report-action");
        watch.findElement(By.id("cti-report")).click();
        Browser.await(watch, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/incidents/"));
        assertThat(watch.findElement(By.id("incident-marking")).getText()).isEqualTo("CONFIDENTIAL // REL TO AZE, TUR");
        assertThat(watch.getPageSource()).contains("Sighting: " + intrusion.indicator().get("name").asString())
                .contains("From STIX " + intrusion.sighting().get("id").asString());
        Browser.screenshot(watch, "cti-report-filed");
    }

    @Test
    void theReportActionIsForWatchOfficersAndNeedsALocation() {
        Intrusion intrusion = postIntrusion(false);
        ApiClient api = new ApiClient(port);
        String sighting = "/api/v1/cti/objects/" + intrusion.sighting().get("id").asString() + "/report";
        assertThat(api.post(sighting, api.token("aze.cert", "kalkan-demo"), "{}").status()).isEqualTo(403);
        ApiClient.Response filed = api.post(sighting, api.token("cmc.watch", "kalkan-demo"), "{}");
        assertThat(filed.status()).isEqualTo(201);
        JsonNode incident = api.get("/api/v1/incidents/" + filed.json().get("incidentId").asString(),
                api.token("cmc.director", "kalkan-demo")).json().get("incident");
        assertThat(incident.get("category").asString()).isEqualTo("CYBER_ATTACK");
        String malware = "/api/v1/cti/objects/" + intrusion.malware().get("id").asString() + "/report";
        assertThat(api.post(malware, api.token("cmc.watch", "kalkan-demo"), "{}").status()).isEqualTo(409);
        String hidden = "/api/v1/cti/objects/" + intrusion.sighting().get("id").asString() + "/report";
        assertThat(api.post(hidden, api.token("kaz.officer", "kalkan-demo"), "{}").status()).isEqualTo(403);
    }

    private ChromeDriver open(String username) {
        ChromeDriver browser = Browser.signedIn(port, username);
        browsers.add(browser);
        return browser;
    }
}
