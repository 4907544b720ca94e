package org.kalkan.interop.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.interop.taxii.TaxiiClient.INCIDENTS;
import static org.kalkan.interop.taxii.TaxiiClient.query;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.incident.IncidentFixtures;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Cyberattack incidents appear in the read-only {@code incidents} collection as STIX incidents, for those who may
 * read them only; other categories do not; a change to an incident is a new version of its STIX object.
 */
@KalkanTest
class IncidentsCollectionTests {

    @LocalServerPort
    int port;

    @Test
    void cyberattackIncidentsAreStixIncidentsForTheirReadersOnly() {
        ApiClient api = new ApiClient(port);
        String officer = api.token("aze.officer", "kalkan-demo");
        double lat = 41.0 + Math.random();
        double lon = 45.0 + Math.random();
        ApiClient.Response cyber = api.post("/api/v1/reports", officer,
                IncidentFixtures.report("CYBER_ATTACK", lat, lon, "CONFIDENTIAL", "AZE", "TUR"));
        ApiClient.Response terror = api.post("/api/v1/reports", officer,
                IncidentFixtures.report("TERRORISM", lat, lon, "CONFIDENTIAL", "AZE", "TUR"));
        String cyberId = "incident--" + cyber.json().get("incidentId").asString();
        String terrorId = "incident--" + terror.json().get("incidentId").asString();

        TaxiiClient tur = TaxiiClient.basic(port, "tur.cert");
        TaxiiClient.Response found = tur.get(INCIDENTS + "objects/" + query("match[id]", cyberId + "," + terrorId));
        JsonNode objects = found.json().get("objects");
        assertThat(objects).hasSize(1);
        JsonNode incident = objects.get(0);
        assertThat(incident.get("type").asString()).isEqualTo("incident");
        assertThat(incident.get("id").asString()).isEqualTo(cyberId);
        assertThat(incident.get("object_marking_refs").get(0).asString())
                .isEqualTo(StixFixtures.markingId(org.kalkan.shared.SecurityLabel.of(
                        org.kalkan.shared.Classification.CONFIDENTIAL, "AZE", "TUR")));
        assertThat(found.header("X-TAXII-Date-Added-Last")).isNotNull();
        assertThat(tur.get(INCIDENTS + "objects/" + cyberId + "/").status()).isEqualTo(200);
        assertThat(tur.get(INCIDENTS + "manifest/" + query("match[type]", "marking-definition")).json()
                .get("objects").valueStream().map(o -> o.get("id").asString()))
                .contains(incident.get("object_marking_refs").get(0).asString());

        TaxiiClient kaz = TaxiiClient.basic(port, "kaz.cert");
        assertThat(kaz.get(INCIDENTS + "objects/" + query("match[id]", cyberId)).json().get("objects")).isEmpty();
        assertThat(kaz.get(INCIDENTS + "objects/" + cyberId + "/").status()).isEqualTo(404);

        String watch = api.token("cmc.watch", "kalkan-demo");
        ApiClient.Response changed = api.post("/api/v1/incidents/" + cyber.json().get("incidentId").asString()
                + "/status", watch, Map.of("status", "ASSESSED"));
        assertThat(changed.status()).isEqualTo(200);
        JsonNode after = tur.get(INCIDENTS + "objects/" + cyberId + "/").json().get("objects").get(0);
        assertThat(after.get("modified").asString()).isGreaterThanOrEqualTo(incident.get("modified").asString());
        assertThat(after.get("description").asString()).contains("ASSESSED");
        assertThat(tur.get(INCIDENTS + "objects/" + query("match[id]", cyberId, "added_after",
                found.header("X-TAXII-Date-Added-Last"))).json().get("objects")).hasSize(1);
        assertThat(List.of(after.get("created").asString())).allMatch(c -> c.endsWith("Z"));
    }
}
